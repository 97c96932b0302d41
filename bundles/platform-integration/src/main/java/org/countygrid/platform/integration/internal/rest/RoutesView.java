package org.countygrid.platform.integration.internal.rest;

import java.time.Instant;
import java.util.List;

import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.RouteInfo;
import org.countygrid.platform.integration.RouteLoadError;

/** GET /api/integration/routes: the routes, the sources that failed to load, and the outbox relay. */
public record RoutesView(List<Route> routes, List<LoadError> loadErrors, Relay relay) {

    /** Times are ISO-8601 strings so the JSON does not depend on the provider's java.time settings. */
    public record Route(String id, String source, String state, long exchangesTotal, long exchangesFailed,
            long exchangesInflight, String lastError, String lastErrorAt) {

        static Route of(RouteInfo r) {
            return new Route(r.id(), r.source(), r.state(), r.exchangesTotal(), r.exchangesFailed(), r.exchangesInflight(),
                    r.lastError(), iso(r.lastErrorAt()));
        }
    }

    public record LoadError(String source, String message, String at) {

        static LoadError of(RouteLoadError e) {
            return new LoadError(e.source(), e.message(), iso(e.at()));
        }
    }

    /** {@code running} is false when this node has no event outbox, and then the numbers are 0. */
    public record Relay(boolean running, long published, long withoutConsumer, long pending, long lastSequence,
            int consecutiveFailures, String lastError, String lastErrorAt, List<Held> held, long publishedElsewhere) {

        static Relay of(RelayStats s) {
            if (s == null) {
                return new Relay(false, 0, 0, 0, 0, 0, null, null, List.of(), 0);
            }
            return new Relay(true, s.published(), s.withoutConsumer(), s.pending(), s.lastSequence(),
                    s.consecutiveFailures(), s.lastError(), iso(s.lastErrorAt()), s.held().stream().map(Held::of).toList(),
                    s.publishedElsewhere());
        }
    }

    /**
     * A subscriber held at an event it failed; {@code behind} is -1 when it could not be counted, {@code failingEvent}
     * 0 while it is tried again after a skip, {@code route} null when no route consumes its endpoint now.
     */
    public record Held(String subscription, long after, long behind, int failures, long failingEvent,
            String failingSubject, String lastError, String lastErrorAt, String heldSince, String route, boolean routeStarted) {

        static Held of(HeldSubscriber h) {
            return new Held(h.subscription(), h.after(), h.behind(), h.failures(), h.failingEvent(), h.failingSubject(),
                    h.lastError(), iso(h.lastErrorAt()), iso(h.heldSince()), h.route(), h.routeStarted());
        }
    }

    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
