package org.countygrid.platform.api.health;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something the node is still doing before it may call itself ready, e.g. installing the modules of its office
 * profile. GET /api/health answers 503 while any registered check reports a blocker.
 */
@ConsumerType
public interface ReadinessCheck {

    /** What is not ready yet, in one readable line; empty when ready. */
    Optional<String> blocker();
}
