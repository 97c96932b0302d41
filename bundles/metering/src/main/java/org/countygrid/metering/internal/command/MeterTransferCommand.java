package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterView;
import org.countygrid.platform.api.security.Caller;

/** 调拨 from the shell: the warehouse keeper moves a meter in stock to another warehouse. */
@Service
@Command(scope = "metering", name = "meter-transfer", description = "Moves a meter in stock or verified to another warehouse (调拨)")
public class MeterTransferCommand extends TransferCommand {

    @Reference
    MeterService meters;

    @Argument(index = 0, name = "barcode", required = true, description = "The 22-digit meter barcode")
    @Completion(BarcodeCompleter.class)
    String barcode;

    @Override
    void run(Caller caller) {
        MeterView m = meters.transfer(caller, barcode, warehouse, where());
        moved(m.barcode(), m.assetNumber(), m.state(), m.warehouseCode());
    }
}
