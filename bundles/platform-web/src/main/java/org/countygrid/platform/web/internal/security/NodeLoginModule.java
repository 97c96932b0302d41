package org.countygrid.platform.web.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's rules for the logins of its shell (SSH, {@code bin/client}) and JMX, placed by {@link NodeRealm}
 * around the modules of Karaf's own realm. Two entries of this class, told apart by {@link #MODE}:
 * <ul>
 * <li>{@code lock}, first: a name locked after too many wrong passwords (over the web or here) is refused before
 * its password is read; a wrong password counts towards the same lock as a web login's, a login clears it.</li>
 * <li>{@code office}, last: once the password is right, a login whose office is not the node's is refused — the
 * shell and JMX reach the whole node (its database, its users, its bundles), so they are for the staff of the
 * office the node serves. The staff of another office use the REST API and the console, which scope every row.</li>
 * </ul>
 * The web's own logins (the REST API and the console, {@link LoginChannel}) pass through unchanged: they have their
 * own lockout (with its delay) and serve every office. Neither entry ever makes a login succeed: each returns false
 * from {@code login}, so the outcome stays Karaf's modules'.
 */
public final class NodeLoginModule implements LoginModule {

    public static final String MODE = "countygrid.mode";
    public static final String LOCKOUT = "countygrid.lockout";
    public static final String NODE_OFFICE = "countygrid.nodeOffice";

    private static final Logger LOG = LoggerFactory.getLogger(NodeLoginModule.class);

    private Subject subject;
    private CallbackHandler handler;
    private String mode;
    private LoginLockout lockout;
    private Supplier<Optional<OfficeCode>> nodeOffice;
    private String user;
    private boolean web;
    private boolean locked;

    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.mode = String.valueOf(options.get(MODE));
        this.lockout = (LoginLockout) options.get(LOCKOUT);
        this.nodeOffice = (Supplier<Optional<OfficeCode>>) options.get(NODE_OFFICE);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user: ");
        LoginChannel channel = new LoginChannel();
        try {
            handler.handle(new Callback[] { channel });
        } catch (UnsupportedCallbackException notTheWeb) {
            // the shell's and JMX's handlers know only names and passwords
        } catch (IOException e) {
            throw new LoginException("the login could not be read: " + e.getMessage());
        }
        web = channel.isWeb();
        try {
            handler.handle(new Callback[] { name });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("the login could not be read: " + e.getMessage());
        }
        user = name.getName();
        if (!web && "lock".equals(mode) && user != null && lockout != null) {
            Optional<Duration> locked = lockout.lockedFor(user);
            if (locked.isPresent()) {
                this.locked = true; // refused before its password was looked at: no failure of its own
                LOG.warn("Shell or JMX login for locked user '{}' refused", printable(user));
                throw new AccountLockedException("user " + user + " is locked for " + minutes(locked.get())
                        + " min after too many failed logins");
            }
        }
        return false; // never a reason for the login to succeed
    }

    @Override
    public boolean commit() throws LoginException {
        if (web || user == null) {
            return false;
        }
        if ("lock".equals(mode) && lockout != null) {
            lockout.succeeded(user);
        }
        if ("office".equals(mode)) {
            Optional<OfficeCode> node = nodeOffice == null ? Optional.empty() : nodeOffice.get();
            Set<String> offices = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                    .filter(r -> r.startsWith(Role.OFFICE_PREFIX)).map(r -> r.substring(Role.OFFICE_PREFIX.length()))
                    .collect(Collectors.toSet());
            if (node.isEmpty()) {
                throw new FailedLoginException("the node's office is not known yet; try again in a moment");
            }
            if (!offices.contains(node.get().value())) {
                LOG.warn("Shell or JMX login of user '{}' (office {}) refused: this node serves office {}",
                        printable(user), offices.isEmpty() ? "none" : String.join(", ", offices), node.get().value());
                throw new FailedLoginException("the shell of this node is for the staff of office " + node.get().value()
                        + "; user " + user + " belongs to " + (offices.isEmpty() ? "no office" : String.join(", ", offices)));
            }
        }
        return false;
    }

    @Override
    public boolean abort() {
        // a wrong password: no user principal came (a right one refused by the office rule carries one: not counted)
        if (!web && !locked && "lock".equals(mode) && user != null && !user.isBlank() && lockout != null
                && subject.getPrincipals(UserPrincipal.class).stream().noneMatch(p -> p.getName().equals(user))) {
            if (lockout.failed(user)) {
                LOG.warn("User '{}' is locked for {} min after {} failed logins in a row (the last on the shell or JMX)",
                        printable(user), lockout.lockFor().toMinutes(), lockout.maxFailures());
            }
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    private static long minutes(Duration left) {
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }

    private static String printable(String user) {
        return user.replaceAll("\\p{Cntrl}", "?");
    }
}
