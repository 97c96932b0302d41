package org.countygrid.metering.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.metering.TopologyCheck;
import org.countygrid.metering.TopologyService;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.shell.TextTable;

@Service
@Command(scope = "metering", name = "topology-check",
        description = "Compares a terminal's reported archive with our topology (采集档案核对); --apply fixes it")
public class TopologyCheckCommand extends MeteringCommand {

    @Reference
    TopologyService topology;

    @Argument(index = 0, name = "terminal", description = "The terminal's asset number", required = true)
    @Completion(TerminalCompleter.class)
    String terminal;

    @Option(name = "--apply", description = "Attach the reported meters installed in the terminal's area to it, and"
            + " send the terminal the addresses to add and delete")
    boolean apply;

    @Override
    void run(Caller caller) {
        TopologyCheck check = apply ? topology.apply(caller, terminal) : topology.check(caller, terminal);
        System.out.println("Terminal " + check.terminal() + " in area " + MeterShowCommand.dash(check.areaCode())
                + ": reported " + check.reported() + " meters at " + OfficeTime.format(check.reportedAt()) + " (China time), we hang " + check.ours()
                + " under it");
        if (check.consistent()) {
            System.out.println("Consistent.");
            return;
        }
        TextTable table = new TextTable();
        table.column("Difference");
        table.column("Address");
        table.column("Meter");
        table.column("Why");
        check.missing().forEach(a -> table.addRow().addContent("missing on terminal", a, "", "we hang it under the terminal"));
        check.extra().forEach(a -> table.addRow().addContent("extra on terminal", a, "", "no meter of ours has this address"));
        check.mismatched().forEach(m -> table.addRow().addContent("mismatched", m.commAddress(), m.barcode(), m.reason()));
        table.print(System.out);
        System.out.println(apply ? "Applied: our topology is fixed and the terminal's archive changes were sent."
                : "Run with --apply to fix.");
    }
}
