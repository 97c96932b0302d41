package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.web.internal.session.MutableClock;
import org.junit.jupiter.api.Test;

class LoginGateTest {

    private static final Caller ADMIN = new Caller("admin", OfficeCode.of("QS"), Set.of("admin"));

    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final Authenticator realm = (user, password) -> {
        asked.add(user);
        return "admin".equals(user) && "right".equals(password) ? Optional.of(ADMIN) : Optional.empty();
    };
    private final LoginGate gate = new LoginGate(realm, Duration.ofMillis(500), pauses::add);

    @Test
    void theRightPasswordPassesAtOnce() {
        assertThat(gate.login("admin", "right", "127.0.0.1")).contains(ADMIN);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsHeldBackTheSameWay() {
        assertThat(gate.login("admin", "wrong", "10.0.0.9")).isEmpty();
        assertThat(gate.login("nobody", "right", "10.0.0.9")).isEmpty();
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void emptyCredentialsFailWithoutAskingTheRealm() {
        assertThat(gate.login(" ", "x", "10.0.0.9")).isEmpty();
        assertThat(gate.login("admin", null, "10.0.0.9")).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(pauses).hasSize(2);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheNameAndNoPasswordIsCheckedWhileLocked() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
        LoginGate locking = new LoginGate(realm, Duration.ofMillis(500), pauses::add,
                new LoginLockout(5, Duration.ofMinutes(15), clock));
        for (int i = 0; i < 5; i++) {
            assertThat(locking.login("admin", "guess-" + i, "10.0.0.9")).isEmpty();
        }
        asked.clear();

        assertThatThrownBy(() -> locking.login("ADMIN", "right", "10.0.0.9"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(429))
                .hasMessage("Too many failed logins: user ADMIN is locked for 15 more minute(s). Try again then, or ask an admin to unlock it.");
        assertThat(asked).as("the realm is not asked while locked").isEmpty();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(locking.login("admin", "right", "10.0.0.9")).contains(ADMIN);
    }

    @Test
    void userNamesAreLoggedOnOneLine() {
        assertThat(LoginGate.printable("evil\nINFO forged line")).doesNotContain("\n");
        assertThat(LoginGate.printable("x".repeat(200))).hasSize(67);
        assertThat(LoginGate.printable(null)).isEmpty();
    }
}
