package org.countygrid.platform.data;

import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * What a database error means, the same on H2 and PostgreSQL; for modules that write with plain JDBC (bulk imports,
 * COPY) and must tell a conflict (409) from a failure. {@link ModuleStore#write} applies the same test to what JPA
 * reports.
 */
public final class SqlStates {

    /**
     * Lock timeout (HYT00), a concurrent update of a locked row (90131) and a deadlock victim (40001) on H2; deadlock
     * (40P01), lock not available (55P03) and serialization failure (40001) on PostgreSQL.
     */
    private static final Set<String> LOCK_STATES = Set.of("HYT00", "90131", "40001", "40P01", "55P03");

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

    /**
     * Someone else changed the same rows meanwhile: a failed optimistic lock ({@code @Version}; thrown as it is or
     * as the cause of the commit's RollbackException), a row lock not granted in time, or a deadlock the database
     * broke, or a transaction the database could not serialize with another (see the states below) anywhere among
     * the causes.
     */
    public static boolean isConcurrentChange(Throwable e) {
        if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException
                || e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_STATES.contains(sql.getSQLState())) {
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
