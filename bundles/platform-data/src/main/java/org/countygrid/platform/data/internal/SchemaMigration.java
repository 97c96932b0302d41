package org.countygrid.platform.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs module changelogs with Liquibase. All modules share one DATABASECHANGELOG table, which tells changeSets
 * apart by id, author and file path: hence one path per module, {@code db/changelog/<module>.xml}, owned by one
 * bundle.
 *
 * <p>Liquibase costs about a second of every start even when there is nothing to do (its services, the changelog's
 * parsing, the lock, the history). So after a successful update the changelog's SHA-256 is kept in
 * {@code cg_changelog_digest}, and a start whose changelog has exactly that digest does not run Liquibase at all.
 * Any change of the file (a new changeSet) runs it as before. A changelog that includes other files is always run,
 * since its digest would not cover them.
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

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the changelog's pending changeSets, unless it is unchanged since it was last applied; {@code owner}
     * names the bundle the path belongs to. Returns whether Liquibase ran.
     */
    boolean migrate(String changelogPath, String owner, ResourceAccessor resources) {
        claim(changelogPath, owner);
        RUNNING.lock();
        try {
            String digest = digest(changelogPath, resources);
            if (digest != null && digest.equals(appliedDigest(changelogPath))) {
                return false;
            }
            // Liquibase finds its own services (databases, change types, parsers) with ServiceLoader on the scope's
            // class loader: its own bundle's, so that no ServiceLoader mediator (SPI Fly) has to weave it in OSGi;
            // and no usage reports to liquibase.com from a county's server
            ClassLoader liquibase = Liquibase.class.getClassLoader();
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(liquibase);
            try {
                Scope.child(Map.of(Scope.Attr.classLoader.name(), liquibase, AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE),
                        () -> update(changelogPath, resources));
            } finally {
                thread.setContextClassLoader(context);
            }
            if (digest != null) {
                try {
                    remember(changelogPath, digest);
                } catch (SQLException e) {
                    // no digest table yet (the platform's own changelog creates it): the next start runs Liquibase again
                    LOG.debug("Digest of {} not kept: {}", changelogPath, e.getMessage());
                }
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("migration " + changelogPath + " of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            RUNNING.unlock();
        }
    }

    /** The changelog's SHA-256 in hex, or null when it cannot stand for the whole changelog (it includes others). */
    static String digest(String changelogPath, ResourceAccessor resources) throws IOException {
        byte[] content;
        try (InputStream in = resources.getExisting(changelogPath).openInputStream()) {
            content = in.readAllBytes();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.contains("<include")) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest last applied, or null (never applied, or the digest table does not exist yet). */
    private String appliedDigest(String changelogPath) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT sha256 FROM cg_changelog_digest WHERE changelog = ?")) {
            select.setString(1, changelogPath);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // a database from before platform-3: Liquibase runs and creates the table
        }
    }

    private void remember(String changelogPath, String digest) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM cg_changelog_digest WHERE changelog = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO cg_changelog_digest (changelog, sha256, applied_at) VALUES (?, ?, ?)")) {
                delete.setString(1, changelogPath);
                delete.executeUpdate();
                insert.setString(1, changelogPath);
                insert.setString(2, digest);
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
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
