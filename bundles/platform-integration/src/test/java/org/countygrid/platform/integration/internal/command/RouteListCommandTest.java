package org.countygrid.platform.integration.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.RouteControl;
import org.countygrid.platform.integration.RouteInfo;
import org.countygrid.platform.integration.RouteLoadError;
import org.countygrid.platform.testing.ShellSession;
import org.junit.jupiter.api.Test;

class RouteListCommandTest {

    static final class FixedRoutes implements RouteControl {
        final List<String> started = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();

        @Override
        public List<RouteInfo> routes() {
            return List.of(new RouteInfo("customers-welcome", "bundle org.countygrid.customers", "Started", 12, 1, 0,
                    "IllegalStateException: no phone number", Instant.parse("2026-11-26T08:00:00Z")),
                    new RouteInfo("orders-reply", "file orders.yaml", "Stopped", 0, 0, 0, null, null));
        }

        @Override
        public List<RouteLoadError> loadErrors() {
            return List.of(new RouteLoadError("file broken.xml", "Unexpected element 'rout'", Instant.parse("2026-11-26T08:01:00Z")));
        }

        @Override
        public void startRoute(String routeId) {
            started.add(routeId);
        }

        @Override
        public void stopRoute(String routeId) {
            stopped.add(routeId);
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Runs the command as Karaf does for a logged-in user with {@code role} of office QS; keeps what it printed. */
    private void as(String role, PrivilegedExceptionAction<?> command) throws Exception {
        ShellSession.Output printed = new ShellSession("li.lei", role, "office.QS").run(command);
        out.writeBytes(printed.out().getBytes(StandardCharsets.UTF_8));
        err.writeBytes(printed.err().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsRoutesLoadErrorsAndRelay() throws Exception {
        RouteListCommand command = new RouteListCommand();
        command.routes = new FixedRoutes();
        command.node = NODE_QS;
        command.relay = new HoldingRelay();

        as("auditor", command::execute);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("customers-welcome", "bundle org.countygrid.customers", "Started", "12", "no phone number");
        assertThat(text).contains("orders-reply", "file orders.yaml", "Stopped");
        assertThat(text).contains("Not loaded", "file broken.xml", "Unexpected element 'rout'");
        assertThat(text).contains("Outbox relay since this node started: 40 published (3 without consumer), last sequence 41; 2 pending");
        assertThat(text).contains("Held: customers.account-opened/bank (route bank-opened) since 2026-11-27 09:30:00 (China "
                + "time), 7 events behind, failing event 34 (subject 3101000034) 3 times: connection refused",
                "Held: customers.account-closed/sms (no route consumes it now: removed or renamed) since 2026-11-27 09:30:00 "
                + "(China time), 1 event behind, being tried again", "integration:subscriber-skip");
    }

    /** A relay holding one subscriber; remembers the skips asked of it. */
    static final class HoldingRelay implements EventRelay {
        final List<String> skipped = new ArrayList<>();

        @Override
        public RelayStats stats() {
            Instant at = Instant.parse("2026-11-27T01:30:00Z");
            return new RelayStats(40, 3, 2, 41, 0, null, null, List.of(
                    new HeldSubscriber("customers.account-opened/bank", 33, 7, 3, 34, "3101000034", "connection refused",
                            at.plusSeconds(60), at, "bank-opened", true),
                    new HeldSubscriber("customers.account-closed/sms", 20, 1, 0, 0, null, null, null, at, null, false)));
        }

        @Override
        public int replay(String type, String subscriber, Instant since) {
            throw new AssertionError("nothing here replays");
        }

        @Override
        public String skip(String subscription, boolean all) {
            if (!subscription.equals("customers.account-opened/bank")) {
                throw new IllegalArgumentException("no subscriber " + subscription + " is held");
            }
            skipped.add(subscription + (all ? " all" : ""));
            return "skipped event 34 (customers.account-opened, office QS, subject 3101000034)";
        }
    }

    @Test
    void anAdminLetsAHeldSubscriberSkipAndAnAuditorMayNot() throws Exception {
        HoldingRelay relay = new HoldingRelay();
        SubscriberSkipCommand skip = new SubscriberSkipCommand();
        skip.relay = relay;
        skip.node = NODE_QS;
        skip.subscription = "customers.account-opened/bank";

        as("auditor", skip::execute);
        assertThat(relay.skipped).isEmpty();

        as("admin", skip::execute);
        skip.all = true;
        as("admin", skip::execute);
        skip.subscription = "customers.account-opened/sms";
        as("admin", skip::execute);

        assertThat(relay.skipped).containsExactly("customers.account-opened/bank", "customers.account-opened/bank all");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Skipped event 34 (customers.account-opened, office QS");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no subscriber customers.account-opened/sms is held");
    }

    /** The node serves office QS; the session's user belongs to QS as well (see {@link #as}). */
    static final NodeIdentity NODE_QS = node("QS");

    static NodeIdentity node(String office) {
        return new NodeIdentity() {
            @Override
            public OfficeCode office() {
                return OfficeCode.of(office);
            }

            @Override
            public String officeName() {
                return office;
            }

            @Override
            public String nodeName() {
                return "node-" + office;
            }

            @Override
            public String version() {
                return "0.1.0";
            }
        };
    }

    @Test
    void anAdminOfAnotherOfficeSeesAndChangesNoneOfThisNodesRoutes() throws Exception {
        FixedRoutes routes = new FixedRoutes();
        RouteListCommand list = new RouteListCommand();
        list.routes = routes;
        list.node = node("QT");
        RouteStopCommand stop = new RouteStopCommand();
        stop.routes = routes;
        stop.node = node("QT");
        stop.id = "orders-reply";

        as("admin", list::execute);
        as("admin", stop::execute);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(routes.stopped).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the routes of this node are for the staff of office QT");
    }

    @Test
    void refusesACallerWithoutRole() throws Exception {
        RouteListCommand command = new RouteListCommand();
        command.routes = new FixedRoutes();
        command.node = NODE_QS;

        as("cashier", command::execute);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: ").contains("needs one of the roles admin, auditor");
    }

    @Test
    void startAndStopNeedAdminAndShowTheStateAfterwards() throws Exception {
        FixedRoutes routes = new FixedRoutes();
        RouteStopCommand stop = new RouteStopCommand();
        stop.routes = routes;
        stop.node = NODE_QS;
        stop.id = "orders-reply";
        RouteStartCommand start = new RouteStartCommand();
        start.routes = routes;
        start.node = NODE_QS;
        start.id = "customers-welcome";

        as("auditor", stop::execute);
        as("auditor", start::execute);
        assertThat(routes.stopped).isEmpty();
        assertThat(routes.started).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        as("admin", stop::execute);
        as("admin", start::execute);
        start.id = "no-such-route";
        as("admin", start::execute);

        assertThat(routes.stopped).containsExactly("orders-reply");
        assertThat(routes.started).containsExactly("customers-welcome", "no-such-route");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("Route orders-reply: Stopped", "Route customers-welcome: Started", "Route no-such-route: gone");
    }

    @Test
    void shortensLongErrors() throws Exception {
        assertThat(RouteListCommand.shorten("x".repeat(100))).hasSize(RouteListCommand.MAX_ERROR_WIDTH);
        assertThat(RouteListCommand.shorten("line one\n  line two")).isEqualTo("line one line two");
    }
}
