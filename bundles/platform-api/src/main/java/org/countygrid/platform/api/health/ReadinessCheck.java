package org.countygrid.platform.api.health;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something the node is still doing before it may call itself ready, e.g. installing the modules of its office
 * profile. GET /api/health answers 503 while any registered check reports a blocker.
 */
@ConsumerType
public interface ReadinessCheck {

    /**
     * Component property: {@code countygrid.readiness=optional} marks a DS component that exists only while an
     * optional collaborator is installed (e.g. metering's bridge to customers); health does not wait for it.
     * Every other component of an installed CountyGrid feature must be satisfied before the node is UP.
     */
    String COMPONENT_PROPERTY = "countygrid.readiness";

    /** What is not ready yet, in one readable line; empty when ready. */
    Optional<String> blocker();
}
