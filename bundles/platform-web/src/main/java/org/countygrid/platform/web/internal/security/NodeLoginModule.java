package org.countygrid.platform.web.internal.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.SubjectCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's rules for the logins of its shell (SSH: {@code bin/client}, {@code cg-command}) and JMX, which log in to
 * the realm {@link NodeRealm#NAME} ({@code sshRealm}, {@code jmxRealm}): Karaf's modules between two entries of this
 * class, told apart by {@link #MODE}:
 * <ul>
 * <li>{@code lock}, first: a name locked after too many wrong passwords (over the web or here) is refused before
 * its password is read; a wrong password counts towards the same lock as a web login's — once per password typed
 * (Karaf's client tries one password by two SSH methods), never for a public key offered (an SSH client offers its
 * keys before it asks for a password); a login clears the count.</li>
 * <li>{@code office}, last: once the password is right, a user who does not belong to exactly the node's office is
 * refused — the shell and JMX reach the whole node (its database, its users, its bundles), so they are for the staff
 * of the office the node serves; another office's staff use the REST API and the console, which scope every row.</li>
 * </ul>
 * Neither entry ever makes a login succeed: each returns false from {@code login}, so the outcome stays Karaf's
 * modules'.
 */
public final class NodeLoginModule implements LoginModule {

    public static final String MODE = "countygrid.mode";
    public static final String LOCKOUT = "countygrid.lockout";
    public static final String NODE_OFFICE = "countygrid.nodeOffice";
    public static final String TYPED = "countygrid.typed";

    /** What a refused login is told, whatever the reason (the log says which): nothing to learn from it. */
    static final String REFUSED = "login failed"; // Karaf's PropertiesLoginModule's words for a wrong password
    /** No login name is longer (staff:user-add keeps them short); longer ones are refused unread. */
    static final int MAX_NAME = 256;
    /** No password is longer; longer ones are refused before Karaf's modules copy them. */
    static final int MAX_PASSWORD = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(NodeLoginModule.class);

    private Subject subject;
    private CallbackHandler handler;
    private String mode;
    private LoginLockout lockout;
    private Supplier<Optional<OfficeCode>> nodeOffice;
    private TypedPasswords typed;
    private String user;
    private char[] password;
    private boolean admitted;

    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.mode = String.valueOf(options.get(MODE));
        this.lockout = (LoginLockout) options.get(LOCKOUT);
        this.nodeOffice = (Supplier<Optional<OfficeCode>>) options.get(NODE_OFFICE);
        this.typed = (TypedPasswords) options.get(TYPED);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user: ");
        try {
            handler.handle(new Callback[] { name });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new FailedLoginException(REFUSED);
        }
        user = name.getName();
        if (!"lock".equals(mode)) {
            return false;
        }
        if (user == null || user.isBlank() || user.length() > MAX_NAME) {
            // no name, or one no login has (staff:user-add): refused before Karaf's modules copy it or fail on it
            // (a null name was a NullPointerException's stack trace in JMX's answer)
            user = null;
            throw new FailedLoginException(REFUSED);
        }
        PasswordCallback secret = new PasswordCallback("password: ", false);
        try {
            handler.handle(new Callback[] { secret });
            password = secret.getPassword();
        } catch (UnsupportedCallbackException aKey) {
            password = null; // a public key offered (Karaf's SSH asks for the key, not a password)
        } catch (IOException e) {
            throw new FailedLoginException(REFUSED);
        } finally {
            secret.clearPassword();
        }
        if (password != null && password.length > MAX_PASSWORD) {
            forgetPassword(); // megabytes of "password": refused before Karaf's modules copy them again
            throw new FailedLoginException(REFUSED);
        }
        // only a password is held back by the lock: a key cannot be guessed, and stays county IT's way in
        Optional<Duration> lockedFor = lockout == null || password == null ? Optional.empty() : lockout.admit(user);
        admitted = lockout != null && password != null && lockedFor.isEmpty(); // ended in commit or abort
        if (lockedFor.isPresent()) {
            // refused before its password was looked at: no failure of its own
            forgetPassword();
            if (lockout.logRefusal(user)) {
                LOG.warn("Shell or JMX login for locked user '{}' refused (logged once a minute)", LoginLockout.key(user));
            }
            throw new AccountLockedException("user " + LoginLockout.key(user) + " is locked for "
                    + LoginLockout.minutesLeft(lockedFor.get())
                    + " min after too many failed logins");
        }
        return false; // never a reason for the login to succeed
    }

    @Override
    public boolean commit() throws LoginException {
        if (user == null) {
            return false;
        }
        if ("lock".equals(mode) && lockout != null) {
            if (admitted) {
                lockout.succeeded(user);
                admitted = false;
            } else {
                lockout.clear(user); // a key: the count starts again too
            }
            forgetPassword();
        }
        if ("office".equals(mode)) {
            Optional<OfficeCode> node = nodeOffice == null ? Optional.empty() : nodeOffice.get();
            if (node.isEmpty()) {
                LOG.warn("Shell or JMX login of user '{}' refused: the node's office is not known yet", LoginLockout.key(user));
                throw new FailedLoginException(REFUSED);
            }
            OfficeCode theirs;
            try {
                theirs = SubjectCaller.from(subject).office(); // the web's rule: exactly one office
            } catch (Problem noOrTwoOffices) {
                LOG.warn("Shell or JMX login refused: {}", LoginLockout.UNPRINTABLE.matcher(noOrTwoOffices.getMessage())
                        .replaceAll("?"));
                throw new FailedLoginException(REFUSED);
            }
            if (!theirs.equals(node.get())) {
                LOG.warn("Shell or JMX login of user '{}' (office {}) refused: this node serves office {}",
                        LoginLockout.key(user), theirs.value(), node.get().value());
                throw new FailedLoginException(REFUSED); // the same words as a wrong password's: the log says why
            }
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (admitted) {
            admitted = false;
            // a wrong password: no user principal came (a right one refused by the office rule carries one: not
            // counted), and not the same password again by the client's second SSH method
            if (subject.getPrincipals(UserPrincipal.class).stream().noneMatch(p -> p.getName().equals(user))
                    && (typed == null || typed.firstTry(user, password))) {
                if (lockout.failed(user)) {
                    LOG.warn("User '{}' is locked for {} min after {} failed logins in a row (the last on the shell or JMX)",
                            LoginLockout.key(user), lockout.lockFor().toMinutes(), lockout.maxFailures());
                }
            } else {
                lockout.withdrawn(user);
            }
        }
        forgetPassword();
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    private void forgetPassword() {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
            password = null;
        }
    }
}
