package org.countygrid.platform.web.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.countygrid.platform.web.internal.security.LoginLockout;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the node remembers about logins, shared by the REST API and the {@code staff:} commands: its one
 * {@link LoginLockout} (listed and lifted by staff:login-locks and staff:user-unlock), and when a user's password was
 * last changed here (staff:user-password), so that the console sessions opened before end. Kept in memory: a restart
 * forgets it, and each node of a cluster keeps its own.
 */
@Component(service = LoginRecords.class, configurationPid = WebConfig.PID)
public class LoginRecords {

    private final LoginLockout lockout;
    private final Map<String, Instant> passwordChanges = new ConcurrentHashMap<>();

    @Activate
    public LoginRecords(WebConfig configured) {
        this(lockout(WebSettings.checked(configured)));
    }

    public LoginRecords(LoginLockout lockout) {
        this.lockout = lockout;
    }

    private static LoginLockout lockout(WebConfig config) {
        return new LoginLockout(config.loginMaxFailures(), Duration.ofMinutes(config.loginLockMinutes()), Clock.systemUTC());
    }

    /** A change of the web configuration keeps what the node remembers: the counts, locks and password changes. */
    @Modified
    void modified(WebConfig configured) {
        WebConfig config = WebSettings.checked(configured);
        lockout.limits(config.loginMaxFailures(), Duration.ofMinutes(config.loginLockMinutes()));
    }

    public LoginLockout lockout() {
        return lockout;
    }

    public void passwordChanged(String user, Instant at) {
        passwordChanges.put(user, at);
    }

    /** When the user's password was last changed on this node, if it was since the start. */
    public Optional<Instant> passwordChangedAt(String user) {
        return Optional.ofNullable(passwordChanges.get(user));
    }
}
