package org.countygrid.platform.integration;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** The outbox relay of this node. */
@ProviderType
public interface EventRelay {

    RelayStats stats();

    /**
     * Sends the published events of {@code type} that occurred since {@code since} again, to the started route of the
     * named subscriber only ({@code direct:<type>/<subscriber>}, or {@code direct:<type>} when {@code subscriber} is
     * null); returns how many.
     *
     * @throws IllegalArgumentException when no started route consumes that endpoint
     * @throws IllegalStateException when the subscriber fails an event (those before it were sent)
     */
    int replay(String type, String subscriber, Instant since);

    /**
     * Lets a held subscriber go past the event it fails (one it can never take: a route that declines it, a payload it
     * cannot read), or, with {@code all}, past every event it is behind, so that it takes the next published event
     * like every other subscriber. Says what was skipped. The skipped events stay in the outbox's history for
     * {@link #replay}.
     *
     * @throws IllegalArgumentException when the subscription is not held
     * @throws IllegalStateException    without {@code all}, when it has not failed an event since it last took or skipped
     *                                  one: a skip never passes an event the subscriber was not given
     */
    String skip(String subscription, boolean all);
}
