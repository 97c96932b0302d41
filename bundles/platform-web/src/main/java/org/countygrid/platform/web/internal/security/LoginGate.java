package org.countygrid.platform.web.internal.security;

import java.time.Duration;
import java.util.Optional;

import org.countygrid.platform.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every password check of the web layer goes through here: a failure is logged with the user name and the
 * remote address, and answered only after a delay, which makes guessing passwords over HTTP slow.
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

    public LoginGate(Authenticator authenticator, Duration failureDelay) {
        this(authenticator, failureDelay, d -> Thread.sleep(d.toMillis()));
    }

    public LoginGate(Authenticator authenticator, Duration failureDelay, Pause pause) {
        this.authenticator = authenticator;
        this.failureDelay = failureDelay;
        this.pause = pause;
    }

    public Optional<Caller> login(String user, String password, String remoteAddress) {
        Optional<Caller> caller = user == null || user.isBlank() || password == null
                ? Optional.empty()
                : authenticator.authenticate(user, password);
        if (caller.isPresent()) {
            return caller;
        }
        LOG.warn("Failed login for user '{}' from {}", printable(user), remoteAddress);
        try {
            pause.sleep(failureDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** A user name as typed by anyone: no line breaks or control characters in our log, and not too long. */
    static String printable(String user) {
        if (user == null) {
            return "";
        }
        String clean = user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
