package org.countygrid.metering.internal.command;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.StockCount;
import org.countygrid.platform.api.security.Caller;

/** Completes the warehouse codes of the caller's office that hold stock now (a new warehouse is typed once). */
@Service
public class WarehouseCompleter extends OfficeDataCompleter {

    @Reference
    MeterService meters;

    @Override
    Collection<String> candidates(Caller caller) {
        return meters.stock(caller).byWarehouse().stream().map(StockCount::holder).distinct().toList();
    }
}
