package org.countygrid.platform.data;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Subscribers the relay holds back after a failure, each with its own position in the published events of its type,
 * so that one failing subscriber (an integrator's route to a bank that is down, a module's handler refusing an event)
 * delays no other. Kept in the database: a restart resumes every held subscriber where it stopped.
 */
@ProviderType
public interface SubscriberCursors {

    /**
     * A held subscriber.
     *
     * @param subscription <event type> or <event type>/<subscriber>: the endpoint direct:… of its route
     * @param type         the event type
     * @param after        it has every event of its type up to this position, and none after
     * @param failures     failed attempts since it last took an event
     * @param lastError    the last failure's message, or null
     * @param lastErrorAt  when it failed last, or null
     * @param heldSince    when it was held
     */
    record Held(String subscription, String type, long after, int failures, String lastError, Instant lastErrorAt,
            Instant heldSince) {
    }

    /** Every held subscriber, by subscription. */
    List<Held> held();

    /**
     * Records a failure of {@code subscription} at the event after {@code after}: holds it there if it was not held
     * yet, else counts one more failure and moves its position to {@code after}.
     */
    void hold(String subscription, String type, long after, String error, Instant at);

    /** The held subscriber took every event of its type up to {@code after}: its failures are cleared. */
    void advance(String subscription, long after);

    /** It is no longer held: the relay hands it the events after the last one published, like every other. */
    void release(String subscription);
}
