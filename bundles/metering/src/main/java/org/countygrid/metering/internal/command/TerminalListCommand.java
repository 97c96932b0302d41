package org.countygrid.metering.internal.command;

import java.util.List;

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
@Command(scope = "metering", name = "terminal-list", description = "Lists the office's collection terminals (集中器/采集器)")
public class TerminalListCommand extends MeteringCommand {

    @Reference
    TopologyService topology;

    @Option(name = "--area", description = "Only the terminals of this transformer area")
    @Completion(AreaCompleter.class)
    String area;

    @Override
    void run(Caller caller) {
        List<TerminalView> list = topology.terminals(caller, area);
        TextTable table = new TextTable();
        table.column("Asset");
        table.column("Address");
        table.column("Kind");
        table.column("State");
        table.column("Warehouse");
        table.column("Area");
        table.column("Meters").alignRight();
        for (TerminalView t : list) {
            table.addRow().addContent(t.assetNumber(), t.address(), t.kind(), t.state(),
                    MeterShowCommand.dash(t.warehouseCode()), MeterShowCommand.dash(t.areaCode()), t.meters());
        }
        table.print(System.out);
        System.out.println(list.size() + " terminals");
    }
}
