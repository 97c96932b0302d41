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
    void parallelLoginsWithTheRightPasswordAreAllLetIn() throws Exception {
        // a script's 30 parallel calls with the right password: 11 of them were refused 429 (probe)
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        Authenticator realm = (user, password) -> {
            checked.incrementAndGet();
            try {
                Thread.sleep(100); // a password hash takes its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(ADMIN);
        };
        LoginGate gate = new LoginGate(realm, Duration.ofMillis(500), d -> { },
                new LoginLockout(5, Duration.ofMinutes(15), java.time.Clock.systemUTC()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Optional<Caller>>> logins = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                logins.add(pool.submit(() -> gate.login("admin", "Right-Pass-2026", "10.0.0.9")));
            }
            for (var login : logins) {
                assertThat(login.get(20, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            }
            assertThat(checked).hasValue(30);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelGuessesGetNoMorePasswordsCheckedThanTheLockAllows() throws Exception {
        // a probe's parallel logins had 7 to 11 passwords checked before the fifth failure locked the name
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Authenticator slowRealm = (user, password) -> {
            checked.incrementAndGet();
            try {
                release.await(5, java.util.concurrent.TimeUnit.SECONDS); // every check is under way at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        LoginGate locking = new LoginGate(slowRealm, Duration.ofMillis(500), d -> { },
                new LoginLockout(5, Duration.ofMinutes(15), java.time.Clock.systemUTC()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Optional<Caller>>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "guess-" + i;
                guesses.add(pool.submit(() -> locking.login("admin", guess, "10.0.0.9")));
            }
            long deadline = System.nanoTime() + 10_000_000_000L; // the refused ones end at once, the checked ones wait
            while (guesses.stream().filter(java.util.concurrent.Future::isDone).count() < 15 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            release.countDown();
            int tooMany = 0;
            for (var g : guesses) {
                try {
                    assertThat(g.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(429));
                    tooMany++;
                }
            }
            assertThat(checked).as("passwords checked").hasValue(5);
            assertThat(tooMany).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRealmThatFailsLeavesNoCheckUnderWay() {
        LoginLockout lockout = new LoginLockout(1, Duration.ofMinutes(15), java.time.Clock.systemUTC());
        LoginGate broken = new LoginGate((user, password) -> {
            throw new IllegalStateException("realm gone");
        }, Duration.ofMillis(500), pauses::add, lockout);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> broken.login("admin", "right", "10.0.0.9")).isInstanceOf(IllegalStateException.class);
        }
        assertThat(lockout.lockedFor("admin")).as("no verdict, no failure").isEmpty();
        assertThat(lockout.admit("admin")).as("and no check left under way").isEmpty();
    }

    @Test
    void userNamesAreLoggedOnOneLine() {
        assertThat(LoginGate.printable("evil\nINFO forged line")).doesNotContain("\n");
        assertThat(LoginGate.printable("x".repeat(200))).hasSize(67);
        assertThat(LoginGate.printable(null)).isEmpty();
    }
}
