package org.countygrid.metering.internal;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;

/**
 * A write in the caller's office where a concurrent change of the same row (two phones on one order, a scanner
 * double-tapping a receive) is a 409 of type stale that says what to reload — not a 500 from the version check.
 */
final class StaleWrites {

    private StaleWrites() {
    }

    /** @param what the thing the caller changes, as the refusal names it ("the work order", "meter 330…") */
    static <T> T write(ModuleStore store, Caller caller, String what, Function<EntityManager, T> work) {
        try {
            return store.write(caller.office(), work);
        } catch (OptimisticLockException | RollbackException e) {
            if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
                throw Problem.stale(what + " was changed by someone else meanwhile; reload it and try again");
            }
            throw e;
        }
    }
}
