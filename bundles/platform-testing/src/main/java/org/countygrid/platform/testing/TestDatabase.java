package org.countygrid.platform.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway database for component tests: a private in-memory H2, or — with
 * {@code -Dcountygrid.test.postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} — a fresh schema on
 * that PostgreSQL server, dropped again at close.
 */
public final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_PROPERTY = "countygrid.test.postgres";

    private final DataSource dataSource;
    private final Runnable drop;
    private final boolean postgres;

    private TestDatabase(DataSource dataSource, Runnable drop, boolean postgres) {
        this.dataSource = dataSource;
        this.drop = drop;
        this.postgres = postgres;
    }

    /** {@code name} tells the database apart in the server's list while a test runs. */
    public static TestDatabase create(String name) {
        String url = System.getProperty(POSTGRES_PROPERTY, "");
        if (url.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return new TestDatabase(h2, () -> execute(h2, "shutdown"), false);
        }
        String schema = name + "_test_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        execute(admin, "create schema " + schema);
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        pg.setReWriteBatchedInserts(true);
        return new TestDatabase(pg, () -> execute(admin, "drop schema " + schema + " cascade"), true);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs one statement outside any module, e.g. to put rows of an older schema in place. */
    public void execute(String sql) {
        execute(dataSource, sql);
    }

    /**
     * Applies a module changelog only up to and including the changeSet {@code lastId}, as an older version of the
     * module left the database, so that a test can put rows of that schema in place before the module's current
     * changelog runs. The changeSets are recorded under the same path as the module's own run records them.
     */
    public void applyUpTo(String changelog, ClassLoader loader, String lastId) {
        try (Connection c = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), database);
            List<String> ids = liquibase.getDatabaseChangeLog().getChangeSets().stream().map(ChangeSet::getId).toList();
            int last = ids.indexOf(lastId);
            if (last < 0) {
                throw new IllegalArgumentException(changelog + " has no changeSet " + lastId + ": " + ids);
            }
            liquibase.update(last + 1, new Contexts(), new LabelExpression());
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException(changelog + " up to " + lastId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(DataSource target, String sql) {
        try (Connection c = target.getConnection(); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
