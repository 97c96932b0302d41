package org.countygrid.platform.integration;

import java.time.Instant;
import java.util.List;

/**
 * What the outbox relay has done since this node started.
 *
 * @param published           events marked published, whether or not a route consumed them
 * @param withoutConsumer     of those, events no started route consumed
 * @param pending             events still waiting in the outbox, or -1 when the outbox cannot be read
 * @param lastSequence        sequence of the last event published, or 0
 * @param consecutiveFailures failed attempts to read or mark the outbox since the last success; the relay backs off
 *                            while it is above 0
 * @param lastError           the last failure of the outbox itself (event, type and message), or null; a subscriber's
 *                            failures are in {@code held}
 * @param held                the subscribers held back at an event they failed, by subscription
 * @param publishedElsewhere  events of this node's database that another node published in between the ones this
 *                            node published (positions it never saw): another node relays the same database, and its
 *                            routes, not this node's, got those events
 */
public record RelayStats(long published, long withoutConsumer, long pending, long lastSequence,
        int consecutiveFailures, String lastError, Instant lastErrorAt, List<HeldSubscriber> held,
        long publishedElsewhere) {

    public RelayStats {
        held = List.copyOf(held);
    }

    /** Without events published elsewhere. */
    public RelayStats(long published, long withoutConsumer, long pending, long lastSequence, int consecutiveFailures,
            String lastError, Instant lastErrorAt, List<HeldSubscriber> held) {
        this(published, withoutConsumer, pending, lastSequence, consecutiveFailures, lastError, lastErrorAt, held, 0);
    }
}
