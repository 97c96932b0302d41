package org.countygrid.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for a JAX-RS root resource object. A module registers it as a service of this type; platform-web
 * publishes every such service under {@code /api} while it is registered, and drops it when it goes away.
 * Each resource method carries {@link org.countygrid.platform.api.security.RequiresRole}.
 */
@ConsumerType
public interface RestResource {
}
