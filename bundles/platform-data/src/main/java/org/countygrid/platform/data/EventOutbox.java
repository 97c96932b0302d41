package org.countygrid.platform.data;

import java.util.List;

import org.countygrid.platform.api.event.EventEnvelope;
import org.osgi.annotation.versioning.ProviderType;

/** Read side of the transactional outbox, for the relay that publishes committed events in order. */
@ProviderType
public interface EventOutbox {

    /** Committed, unpublished events of all offices, oldest first. */
    List<EventEnvelope> pending(int max);

    /** Marks one event published; publishing is at least once, so a crash before this repeats it. */
    void markPublished(long sequence);

    long pendingCount();
}
