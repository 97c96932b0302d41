package org.countygrid.platform.web.internal.security;

import java.time.Duration;
import java.util.Optional;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every password check of the web layer goes through here: a failure is logged with the user name and the
 * remote address, and answered only after a delay, which makes guessing passwords over HTTP slow; too many in a row
 * lock the name for a while ({@link LoginLockout}), and a locked name is refused with 429 before any password is
 * checked.
 */
public final class LoginGate {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);

    /** Waits; replaced in tests. */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Authenticator authenticator;
    private final Duration failureDelay;
    private final Pause pause;
    private final LoginLockout lockout;

    public LoginGate(Authenticator authenticator, Duration failureDelay, LoginLockout lockout) {
        this(authenticator, failureDelay, d -> Thread.sleep(d.toMillis()), lockout);
    }

    public LoginGate(Authenticator authenticator, Duration failureDelay, Pause pause) {
        this(authenticator, failureDelay, pause, LoginLockout.off());
    }

    public LoginGate(Authenticator authenticator, Duration failureDelay, Pause pause, LoginLockout lockout) {
        this.authenticator = authenticator;
        this.failureDelay = failureDelay;
        this.pause = pause;
        this.lockout = lockout;
    }

    /**
     * The caller, or empty for a wrong user name or password.
     *
     * @throws Problem 429 while the name is locked after too many failures
     */
    public Optional<Caller> login(String user, String password, String remoteAddress) {
        boolean named = user != null && !user.isBlank();
        Optional<Duration> locked = named ? lockout.admit(user) : Optional.empty();
        if (locked.isPresent()) {
            if (lockout.logRefusal(user)) {
                LOG.warn("Login for locked user '{}' from {} refused (logged once a minute)", printable(user), remoteAddress);
            }
            throw lockedProblem(user, locked.get());
        }
        boolean ended = !named; // the check let through by admit is ended once, whatever happens
        try {
            // a name or password longer than any login has is a failure without asking the realm, whose modules would
            // copy megabytes of it again (a probe's 15 MB password took 233 MB of heap)
            Optional<Caller> caller = !named || password == null
                    || user.length() > NodeLoginModule.MAX_NAME || password.length() > NodeLoginModule.MAX_PASSWORD
                    ? Optional.empty()
                    : authenticator.authenticate(user, password);
            if (caller.isPresent()) {
                ended = true;
                lockout.succeeded(user);
                return caller;
            }
            LOG.warn("Failed login for user '{}' from {}", printable(user), remoteAddress);
            if (named) {
                ended = true;
                if (lockout.failed(user)) {
                    LOG.warn("User '{}' is locked for {} min after {} failed logins in a row (the last from {})",
                            printable(user), lockout.lockFor().toMinutes(), lockout.maxFailures(), remoteAddress);
                }
            }
        } finally {
            if (!ended) {
                lockout.withdrawn(user); // the realm failed (an exception): no verdict on the password
            }
        }
        try {
            pause.sleep(failureDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The answer while a name is locked; console/shell/kit/text.js translates it. */
    public static Problem lockedProblem(String user, Duration left) {
        long minutes = LoginLockout.minutesLeft(left);
        return new Problem(429, "Too Many Requests", "Too many failed logins: user " + printable(user) + " is locked for "
                + minutes + " more minute(s). Try again then, or ask an admin to unlock it.");
    }

    /** A user name as typed by anyone: no line breaks or control characters in our log, and not too long. */
    static String printable(String user) {
        if (user == null) {
            return "";
        }
        // cut first (a name may be megabytes), then C0 and C1 controls, bidi marks and U+2028/9 shown as '?'
        String cut = user.length() > 64 ? user.substring(0, 64) : user;
        String clean = LoginLockout.UNPRINTABLE.matcher(cut).replaceAll("?");
        return user.length() > 64 ? clean + "..." : clean;
    }
}
