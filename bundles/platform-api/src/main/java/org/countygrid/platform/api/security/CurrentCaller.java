package org.countygrid.platform.api.security;

import java.util.Optional;

import org.countygrid.platform.api.Problem;

/**
 * The caller of the request being served on this thread; set and cleared by platform-web around each REST
 * call (synchronous JAX-RS invocation runs on one thread). Services never read it: resources pass it on.
 */
public final class CurrentCaller {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CurrentCaller() {
    }

    public static Caller get() {
        Caller caller = CURRENT.get();
        if (caller == null) {
            throw new Problem(401, "Unauthorized", "log in first");
        }
        return caller;
    }

    public static Optional<Caller> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
