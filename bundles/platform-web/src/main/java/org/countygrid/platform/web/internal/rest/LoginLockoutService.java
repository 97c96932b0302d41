package org.countygrid.platform.web.internal.rest;

import java.time.Clock;
import java.time.Duration;

import org.countygrid.platform.web.internal.security.LoginLockout;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The node's one {@link LoginLockout}, shared by the REST API's logins and the {@code staff:} commands that list and
 * lift locks. Kept in memory: a restart forgets the counts, and each node of a cluster counts its own.
 */
@Component(service = LoginLockoutService.class, configurationPid = WebConfig.PID)
public class LoginLockoutService {

    private final LoginLockout lockout;

    @Activate
    public LoginLockoutService(WebConfig config) {
        this(new LoginLockout(config.loginMaxFailures(), Duration.ofMinutes(config.loginLockMinutes()), Clock.systemUTC()));
    }

    public LoginLockoutService(LoginLockout lockout) {
        this.lockout = lockout;
    }

    public LoginLockout lockout() {
        return lockout;
    }
}
