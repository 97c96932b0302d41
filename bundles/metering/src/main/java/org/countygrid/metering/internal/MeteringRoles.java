package org.countygrid.metering.internal;

import java.util.Set;

import org.countygrid.platform.api.security.Role;

/**
 * Who may do what in metering. The services enforce these; REST methods repeat them in {@code @RequiresRole}
 * (annotations cannot refer to a set), and a test keeps both equal.
 */
public final class MeteringRoles {

    public static final Set<String> READ = Set.of(Role.OPERATOR, Role.FIELD, Role.DISPATCHER, Role.AUDITOR, Role.ADMIN);
    /** Stock keeping: arrivals, verification, pre-issue, scrapping. */
    public static final Set<String> STOCK = Set.of(Role.OPERATOR, Role.ADMIN);
    /** Meter crews on the mobile API: receiving meters, performing orders. */
    public static final Set<String> FIELD = Set.of(Role.FIELD);
    /** Creating, cancelling and reassigning work orders. */
    public static final Set<String> DISPATCH = Set.of(Role.OPERATOR, Role.DISPATCHER, Role.ADMIN);
    /** Suspending, resuming, handing over: dispatchers, or the assigned worker (checked per order). */
    public static final Set<String> ORDER_FLOW = Set.of(Role.OPERATOR, Role.DISPATCHER, Role.ADMIN, Role.FIELD);
    /** Feeding readings (channels use a system caller, which is admin). */
    public static final Set<String> INGEST = Set.of(Role.OPERATOR, Role.ADMIN);

    private MeteringRoles() {
    }

    static String[] array(Set<String> roles) {
        return roles.stream().sorted().toArray(String[]::new);
    }
}
