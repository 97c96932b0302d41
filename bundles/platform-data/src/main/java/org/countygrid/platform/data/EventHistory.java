package org.countygrid.platform.data;

import java.time.Instant;
import java.util.List;

import org.countygrid.platform.api.event.EventEnvelope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The events the outbox has already published, kept in it: for handing them again to a subscriber that missed them
 * (a module uninstalled for an upgrade while accounts were opened, a route stopped by mistake).
 */
@ProviderType
public interface EventHistory {

    /**
     * Published events of {@code type} that occurred at or after {@code since}, with a position above {@code after},
     * in publication order, at most {@code max}: pages by the last position read.
     */
    List<EventEnvelope> published(String type, Instant since, long after, int max);

    /** How many published events of {@code type} have a position above {@code after}. */
    long countPublished(String type, long after);
}
