package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;

/** 调拨 from the shell: the warehouse keeper moves a collection terminal in stock to another warehouse. */
@Service
@Command(scope = "metering", name = "terminal-transfer",
        description = "Moves a collection terminal in stock or verified to another warehouse (调拨)")
public class TerminalTransferCommand extends MeteringCommand {

    @Reference
    TopologyService topology;

    @Argument(index = 0, name = "asset", required = true, description = "The terminal's asset number")
    @Completion(TerminalCompleter.class)
    String asset;

    @Argument(index = 1, name = "warehouse", required = true, description = "The warehouse code it moves to, e.g. KF-02")
    String warehouse;

    @Option(name = "--device", description = "Scanner or terminal id for the audit row")
    String device;

    @Override
    void run(Caller caller) {
        TerminalView t = topology.transfer(caller, asset, warehouse, new FieldContext(device, null));
        System.out.println("Moved " + t.assetNumber() + " (" + t.kind() + ", " + t.state() + ") to warehouse "
                + t.warehouseCode());
    }
}
