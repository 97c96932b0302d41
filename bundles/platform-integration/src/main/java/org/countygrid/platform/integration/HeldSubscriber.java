package org.countygrid.platform.integration;

import java.time.Instant;

/**
 * A subscriber the relay holds back because it failed an event: it gets that event again, and the later ones of its
 * type in their order, after a growing delay, while every other subscriber goes on.
 *
 * @param subscription   {@code <event type>} or {@code <event type>/<subscriber>}: its endpoint without {@code direct:}
 * @param after          the position of the last event it took; it is held at the next one of its type
 * @param behind         published events of its type it has not taken yet, or -1 when they cannot be counted now
 * @param failures       failed attempts since it last took (or was let skip) an event; 0 while it is being tried again
 * @param failingEvent   the position of the event it fails, or 0 when it has not failed since it last took or skipped one
 * @param failingSubject that event's subject (an account number …), or null
 * @param lastError      the last failure, or null
 * @param lastErrorAt    when it failed last, or null
 * @param heldSince      when it was held
 * @param route          the route consuming its endpoint now, or null when there is none (removed, or renamed)
 * @param routeStarted   whether that route is started (a stopped one waits, without failing)
 */
public record HeldSubscriber(String subscription, long after, long behind, int failures, long failingEvent,
        String failingSubject, String lastError, Instant lastErrorAt, Instant heldSince, String route, boolean routeStarted) {
}
