package org.countygrid.platform.data.internal;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.SqlStates;

/**
 * Turns a broken unique or foreign key constraint (SQLSTATE class 23, the same on H2 and PostgreSQL) into a 409
 * problem, so a duplicate idempotency key or account number reaches the caller as a conflict, not a server error;
 * and a database that does not answer into a 503 problem to try again.
 */
final class ConstraintConflict {

    private ConstraintConflict() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (SqlStates.isDatabaseUnavailable(e)) {
            return SqlStates.unavailable(e);
        }
        if (!SqlStates.isConstraintViolation(e)) {
            return e;
        }
        Problem conflict = Problem.conflict("the change conflicts with data already stored");
        conflict.initCause(e);
        return conflict;
    }
}
