package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.RollbackException;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;

/**
 * A write in the caller's office where a concurrent change of the same row (two phones on one order, a scanner
 * double-tapping a receive) is a 409 of type stale that says what to reload — not a 500 from the version check — and
 * so is a concurrent change that broke a "one current row" key (a meter moved under two terminals at once).
 */
final class StaleWrites {

    /** changeSet metering-11: a meter hangs under one terminal at a time. */
    static final String TOPOLOGY_CURRENT_KEY = "mtr_topology_current_uk";
    /** Lock timeout (H2), deadlock and lock not available (PostgreSQL). */
    private static final java.util.Set<String> LOCK_STATES = java.util.Set.of("HYT00", "40P01", "55P03");

    private StaleWrites() {
    }

    /** @param what the thing the caller changes, as the refusal names it ("the work order", "meter 330…") */
    static <T> T write(ModuleStore store, Caller caller, String what, Function<EntityManager, T> work) {
        try {
            return store.write(caller.office(), work);
        } catch (OptimisticLockException | RollbackException e) {
            if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
                throw stale(what);
            }
            throw e;
        } catch (PersistenceException e) {
            if (waitedTooLong(e)) {
                // another transaction held the row (a completion rendering its form) past the lock timeout
                throw stale(what);
            }
            throw e;
        } catch (Problem p) {
            if (p.status() == 409 && brokeCurrentStateKey(p)) {
                throw stale(what);
            }
            throw p;
        }
    }

    /** A row lock not granted in time (H2's lock timeout) or a deadlock broken by the database. */
    private static boolean waitedTooLong(PersistenceException e) {
        if (e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Problem stale(String what) {
        return Problem.stale(what + " was changed by someone else meanwhile; reload it and try again");
    }

    /**
     * A unique key that holds "one current row" (a meter under one terminal) broken by a concurrent change: platform-data
     * answers a plain 409 for any key; for these the way out is the stale one, to read again.
     */
    private static boolean brokeCurrentStateKey(Problem conflict) {
        for (Throwable t = conflict.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains(TOPOLOGY_CURRENT_KEY)) {
                return true;
            }
        }
        return false;
    }
}
