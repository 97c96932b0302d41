package org.countygrid.platform.api.security;

import java.util.Arrays;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;

/** Who is asking, from which office, with which roles. Every service call that reads or writes office data takes one. */
public record Caller(String user, OfficeCode office, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Throws a 403 problem unless the caller holds one of the roles. */
    public void requireAnyRole(String... wanted) {
        if (!hasAnyRole(wanted)) {
            throw Problem.forbidden("user " + user + " needs one of the roles " + String.join(", ", wanted));
        }
    }

    /** A system caller for background work of one office (demo data, relays). */
    public static Caller system(OfficeCode office) {
        return new Caller("system", office, Set.of(Role.ADMIN));
    }
}
