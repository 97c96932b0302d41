package org.countygrid.platform.web.internal.security;

import java.util.Optional;

import org.countygrid.platform.api.security.Caller;

/** Checks a user name and password. */
public interface Authenticator {

    /**
     * The caller when the password is right, empty when it is not. Throws a 403
     * {@link org.countygrid.platform.api.Problem} for a real user that belongs to no office.
     */
    Optional<Caller> authenticate(String user, String password);
}
