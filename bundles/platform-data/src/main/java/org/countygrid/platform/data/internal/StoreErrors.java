package org.countygrid.platform.data.internal;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.SqlStates;

/**
 * What a module store's read or write failed with, as the caller is to see it: a broken unique or foreign key
 * constraint (SQLSTATE class 23, the same on H2 and PostgreSQL) as a 409 problem, so a duplicate idempotency key or account number reaches the caller as a conflict, not a server error;
 * and a database that does not answer into a 503 problem to try again.
 */
final class StoreErrors {

    private StoreErrors() {
    }

    /** A {@link Problem} stays as it is (a module's own refusal); anything else not recognised too. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof Problem) {
            return e;
        }
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
