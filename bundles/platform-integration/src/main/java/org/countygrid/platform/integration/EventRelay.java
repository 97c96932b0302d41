package org.countygrid.platform.integration;

import org.osgi.annotation.versioning.ProviderType;

/** The outbox relay of this node. */
@ProviderType
public interface EventRelay {

    RelayStats stats();
}
