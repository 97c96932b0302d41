package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/** Real databases for tests: a fresh in-memory H2, or a fresh schema in countygrid_test on the local PostgreSQL. */
public final class TestDatabases {

    static final String PG_HOST = "127.0.0.1";
    static final int PG_PORT = 5432;
    static final String PG_DATABASE = "countygrid_test";

    private TestDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** A schema of its own, so test runs of several engineers on one server never meet; skips when no server. */
    public static PostgresSchema postgres() {
        createDatabaseIfMissing();
        String schema = "cg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource ds = pgDataSource(PG_DATABASE);
        execute(ds, "CREATE SCHEMA " + schema);
        ds.setCurrentSchema(schema);
        return new PostgresSchema(ds, schema);
    }

    public record PostgresSchema(PGSimpleDataSource dataSource, String schema) implements AutoCloseable {
        @Override
        public void close() {
            execute(pgDataSource(PG_DATABASE), "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
            if (!rs.next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + PG_DATABASE);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created meanwhile by someone else's test run
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            // 08xxx: connection exceptions — the server is not there; anything else is a real failure
            Assumptions.assumeFalse(e.getSQLState() != null && e.getSQLState().startsWith("08"),
                    "PostgreSQL unreachable at " + url + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private static PGSimpleDataSource pgDataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { PG_HOST });
        ds.setPortNumbers(new int[] { PG_PORT });
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
