package org.countygrid.platform.data;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The node's relational database (embedded H2 by default, PostgreSQL by configuration). Registered while the
 * DataSource is available; when the DataSource changes, this service goes away and comes back, and DS
 * recreates every module store built on it.
 */
@ProviderType
public interface Database {

    /**
     * Migrates the module's tables with the Liquibase changelog found in {@code bundle} at
     * {@code changelogPath} (e.g. {@code db/changelog/customers.xml}), then builds the EclipseLink persistence
     * unit {@code unitName} from the bundle's {@code META-INF/persistence.xml}.
     *
     * <p>All modules share one {@code DATABASECHANGELOG} table, so the path must be
     * {@code db/changelog/<module>.xml} and belong to one bundle only; anything else is refused with an
     * {@link IllegalArgumentException}. Calls are serialized, so modules starting together do not race for
     * Liquibase's lock. The caller closes the store in its {@code @Deactivate}.
     *
     * @throws IllegalStateException when the migration fails or the unit cannot be built
     */
    ModuleStore open(String unitName, Bundle bundle, String changelogPath);

    /** "H2" or "PostgreSQL". */
    String productName();
}
