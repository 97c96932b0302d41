package org.countygrid.platform.integration;

import java.time.Instant;

/**
 * A subscriber the relay holds back because it failed an event: it gets that event again, and the later ones of its
 * type in their order, after a growing delay, while every other subscriber goes on.
 *
 * @param subscription  {@code <event type>} or {@code <event type>/<subscriber>}, its endpoint without {@code direct:}
 * @param after         the position of the last event it took; it is held at the next one of its type
 * @param behind        published events of its type it has not taken yet, or -1 when they cannot be counted now
 * @param failures      failed attempts since it last took an event
 * @param lastError     the last failure, or null
 * @param lastErrorAt   when it failed last, or null
 * @param heldSince     when it was held
 * @param routeStarted  whether a started route consumes its endpoint now (a stopped one waits, without failing)
 */
public record HeldSubscriber(String subscription, long after, long behind, int failures, String lastError,
        Instant lastErrorAt, Instant heldSince, boolean routeStarted) {
}
