package org.countygrid.platform.cluster.internal.command;

import java.io.PrintStream;
import java.security.AccessController;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.security.SubjectCaller;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.cluster.NodeInfo;
import org.countygrid.platform.cluster.NodeRegistry;

@Service
@Command(scope = "cluster", name = "node-list", description = "Lists the CountyGrid nodes of your office in the cluster; * marks this node")
public class NodeListCommand implements Action {

    @Reference
    NodeRegistry registry;

    @Reference
    NodeIdentity identity;

    @Override
    @SuppressWarnings("removal")
    public Object execute() throws CommandException {
        Caller caller;
        try {
            caller = SubjectCaller.from(Subject.getSubject(AccessController.getContext()));
            caller.requireAnyRole(Role.ADMIN, Role.AUDITOR);
        } catch (Problem e) {
            throw new CommandException("Error: " + e.getMessage(), e.getMessage());
        }
        // Karaf gives each session its own System.out; read it now, on the session's thread
        PrintStream out = System.out;
        TextTable table = new TextTable().emptyTableText("no nodes of office " + caller.office().value()
                + " (or the registry is not filled yet)");
        table.column("");
        table.column("Node");
        table.column("Office");
        table.column("Version");
        table.column("Address");
        table.column("Features");
        table.column(OfficeTime.label("Started"));
        table.column(OfficeTime.label("Last seen"));
        for (NodeInfo n : registry.nodes()) {
            if (!caller.office().value().equals(n.office())) {
                continue; // another county's nodes are that county's
            }
            table.addRow().addContent(registry.isLocal(n, identity.nodeName()) ? "*" : "", n.node(),
                    n.office() + " " + n.officeName(), n.version(), n.address(), String.join(", ", n.features()),
                    OfficeTime.format(n.startedAt()), OfficeTime.format(n.lastSeen()));
        }
        table.print(out);
        registry.nameTakenBy().ifPresent(holder -> out.println("This node (" + identity.nodeName()
                + ") is not in the list: its name is taken by the node at " + holder.address() + " (office "
                + holder.office() + "). Give one of them another nodeName in etc/org.countygrid.platform.cfg;"
                + " it takes effect without a restart."));
        return null;
    }
}
