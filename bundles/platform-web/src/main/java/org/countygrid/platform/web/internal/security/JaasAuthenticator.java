package org.countygrid.platform.web.internal.security;

import java.util.Optional;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.SubjectCaller;

/** Logs in against a Karaf JAAS realm ("karaf": etc/users.properties); roles come back as RolePrincipals. */
public final class JaasAuthenticator implements Authenticator {

    public static final String KARAF_REALM = "karaf";

    private final String realm;

    public JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Caller> authenticate(String user, String password) {
        return login(user, password).map(context -> SubjectCaller.from(context.getSubject()));
    }

    /**
     * Whether the realm turns this user and password down as wrong ({@link FailedLoginException}); for checking what
     * was just stored. False when it logs in, and when the login fails for another reason (a module or the
     * encryption service not there yet), which says nothing about the password.
     */
    public boolean rejects(String user, String password) {
        try {
            return login(user, password, true).isEmpty();
        } catch (LoginException other) {
            return false;
        }
    }

    private Optional<LoginContext> login(String user, String password) {
        try {
            return login(user, password, false);
        } catch (LoginException cannotHappen) {
            return Optional.empty();
        }
    }

    /** Empty when the password is wrong; with {@code strict} other login failures are thrown, else empty too. */
    private Optional<LoginContext> login(String user, String password, boolean strict) throws LoginException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's ProxyLoginModule through the context class loader; a Jetty thread's
        // loader need not see Karaf's boot classes.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, callbacks -> answer(callbacks, user, password));
            context.login();
            return Optional.of(context);
        } catch (FailedLoginException wrong) {
            return Optional.empty();
        } catch (LoginException other) {
            if (strict) {
                throw other;
            }
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                // e.g. the realm's public-key module: it then simply does not take part
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
