package org.countygrid.platform.data;

import java.sql.SQLException;

/**
 * What a database error means, the same on H2 and PostgreSQL; for modules that write with plain JDBC (bulk imports,
 * COPY) and must tell a conflict (409) from a failure. {@link ModuleStore#write} applies the same test to what JPA
 * reports.
 */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * A broken unique or foreign key constraint (SQLSTATE class 23), here or in the chain of next exceptions, where a
     * JDBC batch reports the failing statement's error.
     */
    public static boolean isConstraintViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** Any exception (JPA's, say): true when an {@link SQLException} among its causes broke a constraint. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConstraintViolation(sql)) {
                return true;
            }
        }
        return false;
    }
}
