package org.countygrid.platform.integration;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** The outbox relay of this node. */
@ProviderType
public interface EventRelay {

    RelayStats stats();

    /**
     * Sends the published events of {@code type} that occurred since {@code since} again, to the started route of the
     * named subscriber only ({@code direct:<type>/<subscriber>}); returns how many.
     *
     * @throws IllegalArgumentException when no started route consumes that endpoint
     * @throws IllegalStateException when the subscriber fails an event (those before it were sent)
     */
    int replay(String type, String subscriber, Instant since);
}
