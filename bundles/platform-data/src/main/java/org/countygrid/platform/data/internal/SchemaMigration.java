package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;

/**
 * Runs module changelogs with Liquibase. All modules share one DATABASECHANGELOG table, which tells changeSets
 * apart by id, author and file path: hence one path per module, {@code db/changelog/<module>.xml}, owned by one
 * bundle.
 */
final class SchemaMigration {

    static final Pattern CHANGELOG_PATH = Pattern.compile("db/changelog/[a-z][a-z0-9-]*\\.xml");

    /**
     * One migration at a time in this JVM: Liquibase's lock table would make a second module starting at the same
     * moment wait and poll, or fail after its timeout. Static because during a DataSource switch two instances live.
     */
    private static final ReentrantLock RUNNING = new ReentrantLock();

    /*
     * Liquibase reports at INFO, with a stack trace, every optional change type whose library is absent (loadData
     * without opencsv); that is noise in a county's log at every start. Held strongly: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger SERVICE_LOCATOR = quiet("liquibase.servicelocator");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private final DataSource dataSource;
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the changelog's pending changeSets; {@code owner} names the bundle the path belongs to. */
    void migrate(String changelogPath, String owner, ResourceAccessor resources) {
        claim(changelogPath, owner);
        RUNNING.lock();
        try {
            // no usage reports to liquibase.com from a county's server
            Scope.child(Map.of(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE), () -> update(changelogPath, resources));
        } catch (Exception e) {
            throw new IllegalStateException("migration " + changelogPath + " of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            RUNNING.unlock();
        }
    }

    private void claim(String changelogPath, String owner) {
        if (changelogPath == null || !CHANGELOG_PATH.matcher(changelogPath).matches()) {
            throw new IllegalArgumentException("changelog path must be db/changelog/<module>.xml (lower case), got: " + changelogPath);
        }
        String previous = owners.putIfAbsent(changelogPath, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException(changelogPath + " belongs to " + previous + ", not to " + owner
                    + ": each module names its changelog after itself");
        }
    }

    @SuppressWarnings("deprecation") // Liquibase.update(Contexts, LabelExpression) is the embedding API that works in OSGi
    private void update(String changelogPath, ResourceAccessor resources) throws Exception {
        Connection connection = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // closing Liquibase closes the database and with it the connection
        try (Liquibase liquibase = new Liquibase(changelogPath, resources, database)) {
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }
}
