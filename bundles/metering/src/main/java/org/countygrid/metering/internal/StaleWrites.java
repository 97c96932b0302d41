package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

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

    private StaleWrites() {
    }

    /**
     * {@link ModuleStore#write(org.countygrid.platform.api.OfficeCode, String, Function)}, which makes a concurrent
     * change of a row (its version, its lock) a stale 409; and so is a broken "one current row" key here.
     *
     * @param what the thing the caller changes, as the refusal names it ("the work order", "meter 330…")
     */
    static <T> T write(ModuleStore store, Caller caller, String what, Function<EntityManager, T> work) {
        try {
            return store.write(caller.office(), what, work);
        } catch (Problem p) {
            if (p.status() == 409 && brokeCurrentStateKey(p)) {
                throw stale(what);
            }
            throw p;
        }
    }

    /** How often a write that asks for the current state is tried when a concurrent change makes it stale. */
    static final int ATTEMPTS = 3;

    /**
     * Runs {@code write} again, up to {@link #ATTEMPTS} times in all, while it fails as stale: for a write that applies
     * its rule to the state as it is now (no version from the caller), a change made meanwhile is read again rather
     * than answered with a 409 — a worker's phone and customers.account-changed following the same order at once.
     */
    static <T> T retried(java.util.function.Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            } catch (Problem p) {
                if (!Problem.STALE.equals(p.type()) || attempt == ATTEMPTS) {
                    throw p;
                }
            }
        }
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
