package org.countygrid.platform.data;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.countygrid.platform.api.Problem;

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

    /**
     * The database ended the session or cannot take one: PostgreSQL's admin shutdown (57P01, sent to every session by
     * a stop or restart of the server), crash shutdown (57P02) and "cannot connect now" (57P03, starting up); H2's
     * "database is closed" (90098) and "called at shutdown" (90121).
     */
    private static final Set<String> GONE_STATES = Set.of("57P01", "57P02", "57P03", "90098", "90121");

    /** What a client is told when the database does not answer: nothing of the database's own words. */
    public static final String UNAVAILABLE_DETAIL = "The database does not answer at the moment; nothing was changed. Try again in a minute;"
            + " if it lasts, tell your administrator.";

    private SqlStates() {
    }

    /**
     * The database could not be reached or dropped the connection (since 1.6.0): SQLSTATE class 08 (connection
     * exception), the states of a server that stopped or is starting, or JDBC's connection exceptions (a pool's wait
     * for a connection that timed out) anywhere among the causes. Such a failure is the database's absence, not a
     * fault of the request or of the code: a 503 to try again, not a 500.
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || GONE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem for {@link #isDatabaseUnavailable} failures, with the failure as its cause (for the log). */
    public static Problem unavailable(Throwable cause) {
        Problem problem = new Problem(503, "Service Unavailable", UNAVAILABLE_DETAIL);
        problem.initCause(cause);
        return problem;
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
