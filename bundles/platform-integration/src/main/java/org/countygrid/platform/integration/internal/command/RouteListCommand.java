package org.countygrid.platform.integration.internal.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.countygrid.platform.api.OfficeTime;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.shell.TextTable;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.internal.NodeStaff;
import org.countygrid.platform.integration.RouteInfo;
import org.countygrid.platform.integration.RouteLoadError;

@Service
@Command(scope = "integration", name = "route-list", description = "Lists the routes of the countygrid Camel context, route files that failed to load, and the outbox relay")
public class RouteListCommand implements Action {

    static final int MAX_ERROR_WIDTH = 60;

    @Reference
    RouteControl routes;

    @Reference(optional = true)
    EventRelay relay;

    @Reference
    NodeIdentity node;

    @Override
    public Object execute() throws CommandException {
        try {
            NodeStaff.require(ShellCaller.require(Role.ADMIN, Role.AUDITOR), node);
        } catch (Problem e) {
            throw ShellCaller.refused(e.getMessage());
        }
        // Karaf gives each session its own System.out; read it now, on the session's thread
        PrintStream out = System.out;
        printRoutes(out, routes.routes());
        printLoadErrors(out, routes.loadErrors());
        printRelay(out);
        return null;
    }

    private void printRoutes(PrintStream out, List<RouteInfo> list) {
        TextTable table = new TextTable().emptyTableText("no routes");
        table.column("Id");
        table.column("Source");
        table.column("State");
        table.column("Total").alignRight();
        table.column("Failed").alignRight();
        table.column("Inflight").alignRight();
        table.column("Last error");
        for (RouteInfo r : list) {
            table.addRow().addContent(r.id(), r.source(), r.state(), r.exchangesTotal(), r.exchangesFailed(),
                    r.exchangesInflight(), shorten(r.lastError()));
        }
        table.print(out);
    }

    /** Not a table: parser messages span lines and point at a column with a caret. */
    private void printLoadErrors(PrintStream out, List<RouteLoadError> errors) {
        for (RouteLoadError e : errors) {
            out.println();
            out.println("Not loaded: " + e.source() + " (" + OfficeTime.format(e.at()) + ", China time)");
            e.message().lines().forEach(line -> out.println("    " + line));
        }
    }

    private void printRelay(PrintStream out) {
        if (relay == null) {
            out.println();
            out.println("Outbox relay: not running (no event outbox)");
            return;
        }
        RelayStats s = relay.stats();
        out.println();
        out.printf("Outbox relay since this node started: %d published (%d without consumer), last sequence %d; %s pending%n", s.published(),
                s.withoutConsumer(), s.lastSequence(), s.pending() < 0 ? "?" : String.valueOf(s.pending()));
        if (s.publishedElsewhere() > 0) {
            out.printf("Another node publishes this database's events too: %s went to its routes, not to this node's "
                    + "(platform-integration README, Events)%n", count(s.publishedElsewhere(), "event"));
        }
        if (s.lastError() != null) {
            out.printf("Last relay error at %s (China time, %d failures in a row): %s%n", OfficeTime.format(s.lastErrorAt()), s.consecutiveFailures(), s.lastError());
        }
        for (HeldSubscriber h : s.held()) {
            out.printf("Held: %s (%s) since %s (China time), %s behind, %s%s%n", h.subscription(), routeState(h),
                    OfficeTime.format(h.heldSince()), h.behind() < 0 ? "? events" : count(h.behind(), "event"),
                    h.failingEvent() > 0 ? "failing event " + h.failingEvent() + " (subject " + h.failingSubject() + ") "
                            + count(h.failures(), "time") : "being tried again",
                    h.lastError() == null ? "" : ": " + shorten(h.lastError()));
        }
        if (!s.held().isEmpty()) {
            out.println("(integration:subscriber-skip <subscription> lets one go past the event it fails)");
        }
    }

    private static String routeState(HeldSubscriber h) {
        if (h.route() == null) {
            return "no route consumes it now: removed or renamed";
        }
        return "route " + h.route() + (h.routeStarted() ? "" : ", stopped: it waits until the route is started");
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX_ERROR_WIDTH ? line : line.substring(0, MAX_ERROR_WIDTH - 1) + "…";
    }
}
