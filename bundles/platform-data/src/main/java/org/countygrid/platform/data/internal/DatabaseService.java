package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.OSGiResourceAccessor;
import liquibase.resource.ResourceAccessor;

import org.countygrid.platform.data.Database;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database on the pax-jdbc DataSource: migrates the platform's tables when made and opens module stores. Made
 * and registered by {@link DatabaseConnector} once the database answers, as {@link Database} and under its own
 * class for this bundle's outbox, office directory, backup and shell commands.
 */
public class DatabaseService implements Database {

    static final String PID = "org.countygrid.platform.data";
    static final String PLATFORM_CHANGELOG = "db/changelog/platform.xml";
    static final String PLATFORM_OWNER = "org.countygrid.platform.data";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final SchemaMigration migration;
    private final String productName;
    private final String databaseName;
    private final Set<JpaModuleStore> stores = ConcurrentHashMap.newKeySet();

    /** In OSGi: the platform changelog comes from this bundle. Throws when the database cannot be opened. */
    public DatabaseService(DataSource dataSource, BundleContext context) {
        this(dataSource, Clock.systemUTC(), new OSGiResourceAccessor(context.getBundle()));
    }

    /** Outside OSGi, e.g. in a module's component tests: the platform changelog comes from the class path. */
    public DatabaseService(DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), new ClassLoaderResourceAccessor(DatabaseService.class.getClassLoader()));
    }

    DatabaseService(DataSource dataSource, Clock clock, ResourceAccessor platformResources) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.migration = new SchemaMigration(dataSource);
        migration.migrate(PLATFORM_CHANGELOG, PLATFORM_OWNER, platformResources);
        DatabaseDescription description = describe();
        this.productName = description.product();
        this.databaseName = nameIn(description.url());
    }

    /** The database's name in a server URL ({@code jdbc:postgresql://host:5432/countygrid?…} gives countygrid). */
    static String nameIn(String url) {
        if (url == null || !url.contains("://")) {
            return "countygrid";
        }
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "countygrid";
        }
        String name = rest.substring(slash + 1).split("[?; ]", 2)[0];
        return name.isEmpty() ? "countygrid" : name;
    }

    /** The database's name on its server (for the pg_dump line a PostgreSQL node's backup refusal gives). */
    public String databaseName() {
        return databaseName;
    }

    @Override
    public ModuleStore open(String unitName, Bundle bundle, String changelogPath) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not resolved");
        }
        return open(unitName, bundle.getSymbolicName(), new OSGiResourceAccessor(bundle), wiring.getClassLoader(), changelogPath);
    }

    /**
     * Outside OSGi: the changelog and META-INF/persistence.xml come from {@code classLoader}, e.g. a module test's
     * own class loader.
     */
    public ModuleStore open(String unitName, ClassLoader classLoader, String changelogPath) {
        return open(unitName, "class path", new ClassLoaderResourceAccessor(classLoader), classLoader, changelogPath);
    }

    private ModuleStore open(String unitName, String owner, ResourceAccessor resources, ClassLoader classLoader, String changelogPath) {
        if (PLATFORM_CHANGELOG.equals(changelogPath)) {
            throw new IllegalArgumentException(PLATFORM_CHANGELOG + " is the platform's own changelog");
        }
        long start = System.nanoTime();
        boolean migrated = migration.migrate(changelogPath, owner, resources);
        JpaModuleStore store = new JpaModuleStore(unitName, PersistenceUnits.create(unitName, classLoader, dataSource), dataSource, clock, stores::remove);
        stores.add(store);
        LOG.info("Opened unit {} of {} with {} ({}) in {} ms", unitName, owner, changelogPath,
                migrated ? "migrated" : "unchanged, Liquibase not run", (System.nanoTime() - start) / 1_000_000);
        return store;
    }

    @Override
    public String productName() {
        return productName;
    }

    /** For this bundle's JDBC services; modules get theirs from {@link ModuleStore#dataSource()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseDescription describe() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return new DatabaseDescription(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    DatabaseDescription.withoutPassword(meta.getURL()), meta.getUserName(), DatabaseDescription.poolOf(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
        }
    }

    /** The stores' owners should have closed them already; a store left open would keep the old DataSource. */
    void deactivate() {
        for (JpaModuleStore store : Set.copyOf(stores)) {
            LOG.warn("Closing unit {}: its module did not close it", store.unitName());
            store.close();
        }
    }
}
