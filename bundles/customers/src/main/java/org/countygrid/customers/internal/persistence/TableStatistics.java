package org.countygrid.customers.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Refreshes the planner's statistics after a bulk import. Without it PostgreSQL plans the first searches for
 * an empty table (nested loops over 200,000 rows: seconds instead of milliseconds) until autovacuum gets
 * round to it. Runs after the import committed: H2's ANALYZE would commit an open transaction.
 */
public final class TableStatistics {

    private static final String[] TABLES = { "cus_station", "cus_area", "cus_account" };

    private TableStatistics() {
    }

    public static void refresh(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                statement.execute("analyze " + String.join(", ", TABLES));
            } else {
                for (String table : TABLES) {
                    statement.execute("analyze table " + table);
                }
            }
        }
    }
}
