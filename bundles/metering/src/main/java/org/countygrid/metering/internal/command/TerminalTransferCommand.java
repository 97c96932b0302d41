package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;

/** 调拨 from the shell: the warehouse keeper moves a collection terminal in stock to another warehouse. */
@Service
@Command(scope = "metering", name = "terminal-transfer",
        description = "Moves a collection terminal in stock or verified to another warehouse (调拨)")
public class TerminalTransferCommand extends TransferCommand {

    @Reference
    TopologyService topology;

    @Argument(index = 0, name = "asset", required = true, description = "The terminal's asset number")
    @Completion(TerminalCompleter.class)
    String asset;

    @Override
    void run(Caller caller) {
        TerminalView t = topology.transfer(caller, asset, warehouse, where());
        moved(t.assetNumber(), t.kind(), t.state(), t.warehouseCode());
    }
}
