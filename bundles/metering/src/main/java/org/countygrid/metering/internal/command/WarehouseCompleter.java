package org.countygrid.metering.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.StockCount;

/** Completes the warehouse codes of the caller's office that hold stock now (a new warehouse is typed once). */
@Service
public class WarehouseCompleter implements Completer {

    @Reference
    MeterService meters;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        try {
            meters.stock(MeteringCommand.currentCaller()).byWarehouse().stream().map(StockCount::holder).distinct()
                    .forEach(codes.getStrings()::add);
        } catch (RuntimeException e) {
            return -1; // no completion is better than an error in the middle of typing
        }
        return codes.complete(session, commandLine, candidates);
    }
}
