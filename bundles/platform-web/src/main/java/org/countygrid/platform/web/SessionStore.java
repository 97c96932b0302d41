package org.countygrid.platform.web;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps console sessions. platform-web ships an in-memory store (service ranking 0) and uses the highest
 * ranked store registered, so a cluster-wide one (Hazelcast) only has to be registered with a higher ranking.
 * The store decides nothing: idle expiry, rotation and CSRF checks are platform-web's.
 */
@ConsumerType
public interface SessionStore {

    void put(WebSession session);

    Optional<WebSession> get(String id);

    void remove(String id);

    /**
     * Stores {@code updated} in place of {@code current} only if the store still holds {@code current} under its id,
     * so that a request finishing late cannot bring back a session a logout removed meanwhile. True when replaced.
     * Stores should do it atomically; this default is a check and a write.
     */
    default boolean replace(WebSession current, WebSession updated) {
        if (!get(current.id()).filter(current::equals).isPresent()) {
            return false;
        }
        put(updated);
        return true;
    }

    /** Removes every session last seen before the cutoff and returns how many went. */
    int removeLastSeenBefore(Instant cutoff);
}
