package org.countygrid.platform.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;

/**
 * A logged-in console user: the random session id sent as the {@code CG_SESSION} cookie, the CSRF token the
 * console sends back in {@code X-CSRF-Token}, who the user is, and when the session was last used. Plain
 * strings and instants only, so a cluster store can serialize it.
 */
public record WebSession(String id, String csrfToken, String user, String office, Set<String> roles,
        Instant createdAt, Instant lastSeenAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    public WebSession {
        roles = Set.copyOf(roles);
    }

    public static WebSession of(String id, String csrfToken, Caller caller, Instant now) {
        return new WebSession(id, csrfToken, caller.user(), caller.office().value(), caller.roles(), now, now);
    }

    public Caller caller() {
        return new Caller(user, OfficeCode.of(office), roles);
    }

    public WebSession seenAt(Instant when) {
        return new WebSession(id, csrfToken, user, office, roles, createdAt, when);
    }
}
