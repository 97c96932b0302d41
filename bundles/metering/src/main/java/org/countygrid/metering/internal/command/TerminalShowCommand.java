package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "metering", name = "terminal-show", description = "Shows one collection terminal (集中器/采集器), with --history its audit trail")
public class TerminalShowCommand extends MeteringCommand {

    @Reference
    TopologyService topology;

    @Argument(index = 0, name = "asset", required = true, description = "The terminal's asset number")
    @Completion(TerminalCompleter.class)
    String asset;

    @Option(name = "--history", description = "Also list every transition: who, when, device, where")
    boolean history;

    @Override
    void run(Caller caller) {
        TerminalView t = topology.terminal(caller, asset);
        TextTable table = MeterShowCommand.factsTable();
        table.addRow().addContent("Asset number", t.assetNumber());
        table.addRow().addContent("Address", t.address());
        table.addRow().addContent("Kind", t.kind());
        table.addRow().addContent("Manufacturer", t.manufacturer());
        table.addRow().addContent("Verified on", t.verifiedOn() == null ? "-" : t.verifiedOn());
        table.addRow().addContent("State", t.state());
        table.addRow().addContent("Warehouse", MeterShowCommand.dash(t.warehouseCode()));
        table.addRow().addContent("Station / cabinet", MeterShowCommand.dash(t.stationCode()) + " / "
                + MeterShowCommand.dash(t.cabinetCode()));
        table.addRow().addContent("Holder", MeterShowCommand.dash(t.holder()));
        table.addRow().addContent("Area", MeterShowCommand.dash(t.areaCode()));
        table.addRow().addContent("Meters attached", t.meters());
        table.print(System.out);
        if (history) {
            MeterShowCommand.printHistory(topology.history(caller, asset));
        }
    }
}
