package org.countygrid.platform.data;

import java.util.List;

import org.countygrid.platform.api.event.EventEnvelope;
import org.osgi.annotation.versioning.ProviderType;

/** Read side of the transactional outbox, for the relay that publishes committed events in order. */
@ProviderType
public interface EventOutbox {

    /**
     * Committed, unpublished events of all offices in publication order: each committed event gets its position
     * (the envelope's {@code sequence}) the first time it is handed out here, so positions rise in the order events
     * are handed out, even where a transaction that wrote its event later committed first.
     */
    List<EventEnvelope> pending(int max);

    /** Marks the event at this position published; publishing is at least once, so a crash before this repeats it. */
    void markPublished(long sequence);

    long pendingCount();
}
