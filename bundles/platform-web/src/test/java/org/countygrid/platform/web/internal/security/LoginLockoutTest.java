package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.countygrid.platform.web.internal.session.MutableClock;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final LoginLockout lockout = new LoginLockout(3, Duration.ofMinutes(15), clock);

    @Test
    void theThirdFailureInARowLocksForTheLockTime() {
        assertThat(lockout.failed("li")).isFalse();
        assertThat(lockout.failed("li")).isFalse();
        assertThat(lockout.lockedFor("li")).isEmpty();
        assertThat(lockout.failed("Li ")).as("names count as typed, in any case").isTrue();

        assertThat(lockout.lockedFor("li")).contains(Duration.ofMinutes(15));
        assertThat(lockout.locked()).singleElement().satisfies(l -> {
            assertThat(l.user()).isEqualTo("li");
            assertThat(l.failures()).isEqualTo(3);
        });
        clock.advance(Duration.ofMinutes(15));
        assertThat(lockout.lockedFor("li")).isEmpty();
        assertThat(lockout.failed("li")).as("after a lock the count starts again").isFalse();
    }

    @Test
    void aGuessThatWasAlreadyBeingCheckedWhenTheNameLockedDoesNotLiftTheLock() {
        lockout.failed("li");
        lockout.failed("li");
        lockout.failed("li"); // locked
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockout.failed("li")).as("the fourth guess, checked in parallel, ends after the lock").isFalse();

        assertThat(lockout.lockedFor("li")).contains(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(lockout.locked()).singleElement().satisfies(l -> assertThat(l.failures()).isEqualTo(4));
    }

    @Test
    void newLimitsKeepTheCountsAndLocksSoFar() {
        lockout.failed("li");
        lockout.failed("li");
        lockout.limits(5, Duration.ofMinutes(30));
        assertThat(lockout.failed("li")).as("the third of five").isFalse();
        lockout.failed("li");
        assertThat(lockout.failed("li")).isTrue();
        assertThat(lockout.lockedFor("li")).contains(Duration.ofMinutes(30));
    }

    @Test
    void aSuccessOrALongPauseStartsTheCountAgain() {
        lockout.failed("li");
        lockout.failed("li");
        lockout.succeeded("li");
        assertThat(lockout.failed("li")).isFalse();
        lockout.failed("li");
        clock.advance(Duration.ofMinutes(16));
        assertThat(lockout.failed("li")).as("the earlier failures are too old to count").isFalse();
        assertThat(lockout.lockedFor("li")).isEmpty();
    }

    @Test
    void anAdminUnlocksAndOtherNamesAreNotTouched() {
        lockout.failed("li");
        lockout.failed("li");
        lockout.failed("li");
        lockout.failed("wang");

        assertThat(lockout.unlock("wang")).as("not locked").isFalse();
        assertThat(lockout.unlock("li")).isTrue();
        assertThat(lockout.lockedFor("li")).isEmpty();
        assertThat(lockout.locked()).isEmpty();
    }

    @Test
    void zeroFailuresMeansNoLockAndRandomNamesCannotFillTheMemory() {
        LoginLockout off = LoginLockout.off();
        for (int i = 0; i < 10; i++) {
            assertThat(off.failed("admin")).isFalse();
        }
        assertThat(off.lockedFor("admin")).isEmpty();

        lockout.failed("admin");
        lockout.failed("admin");
        lockout.failed("admin");
        for (int i = 0; i < LoginLockout.MAX_NAMES + 500; i++) {
            lockout.failed("guess-" + i);
        }
        assertThat(lockout.lockedFor("admin")).as("a flood of random names does not lift a lock").isPresent();
        lockout.failed("li");
        lockout.failed("li");
        assertThat(lockout.failed("li")).as("the newest names are kept").isTrue();
    }

    @Test
    void aFloodOfRandomNamesDoesNotTakeAwayTheCountOfANameBeingGuessed() {
        lockout.failed("pgrp");
        lockout.failed("pgrp"); // one short of the lock (3)
        for (int i = 0; i < 2 * LoginLockout.MAX_NAMES; i++) {
            lockout.failed("random-" + i); // probe 3: this pushed pgrp's count out, and it guessed on
        }

        assertThat(lockout.failed("pgrp")).as("the third failure still locks").isTrue();
    }

    @Test
    void aLockedNamesRefusalsAreLoggedOnceAMinute() {
        assertThat(lockout.logRefusal("Admin")).isTrue();
        assertThat(lockout.logRefusal("admin")).as("the same name in another case").isFalse();
        assertThat(lockout.logRefusal("li")).isTrue();
        clock.advance(LoginLockout.REFUSALS_LOGGED_EVERY);

        assertThat(lockout.logRefusal("admin")).isTrue();
        assertThat(lockout.logRefusal("admin")).isFalse();
    }

    @Test
    void aHugeNameIsCountedAndLockedWithoutBeingKept() {
        String huge = "probe-" + "z".repeat(4 * 1024 * 1024);
        for (int i = 0; i < 3; i++) {
            lockout.failed(huge);
        }

        assertThat(lockout.lockedFor(huge)).isPresent();
        assertThat(lockout.lockedFor(huge + "y")).as("another name").isEmpty();
        assertThat(lockout.locked()).singleElement().satisfies(lock -> assertThat(lock.user()).hasSizeLessThanOrEqualTo(
                LoginLockout.MAX_KEY).startsWith("probe-zzz"));
    }

    @Test
    void aNameIsListedWithoutTheControlCharactersThatWouldDriveTheAdminsTerminal() {
        for (int i = 0; i < 3; i++) {
            lockout.failed("zz\u001b[2J\u001b]0;owned\u0007");
        }

        assertThat(lockout.locked()).singleElement().satisfies(lock -> assertThat(lock.user())
                .isEqualTo("zz?[2j?]0;owned?"));
        for (int i = 0; i < 3; i++) {
            lockout.failed("c1\u009b2J\u009d0;x\u2028y");
        }
        assertThat(lockout.locked()).extracting(LoginLockout.Lock::user).contains("c1?2j?0;x?y");
    }

    @Test
    void checksUnderWayCountAsFailuresSoParallelGuessesGetNoMoreThanTheLockAllows() {
        lockout.failed("li"); // one wrong password so far; two more lock (3)
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.admit("li")).isEmpty();

        assertThat(lockout.admit("li")).as("a third guess while two are checked").contains(LoginLockout.UNDER_WAY);
        assertThat(lockout.lockedFor("li")).as("not locked yet: the two may be right").isEmpty();
        assertThat(lockout.failed("li")).isFalse();
        assertThat(lockout.failed("li")).as("the two checked were wrong").isTrue();
        assertThat(lockout.admit("li")).contains(Duration.ofMinutes(15));
        assertThat(lockout.locked()).singleElement().satisfies(l -> assertThat(l.failures()).isEqualTo(3));
    }

    @Test
    void aCheckThatEndsWithoutAVerdictOrRightFreesItsPlace() {
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.admit("li")).isPresent();

        lockout.withdrawn("li"); // the same password again by the shell's second method
        assertThat(lockout.admit("li")).isEmpty();
        lockout.succeeded("li");
        lockout.clear("li"); // a key login: the two still under way stay counted
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.admit("li")).isPresent();

        lockout.failed("li");
        lockout.failed("li");
        lockout.succeeded("li");
        assertThat(lockout.lockedFor("li")).isEmpty();
        assertThat(lockout.admit("li")).as("all ended, the count cleared by the right one").isEmpty();
        lockout.withdrawn("li");
        assertThat(lockout.locked()).isEmpty();
    }

    @Test
    void aCheckThatNeverEndedIsForgottenAfterAMinute() {
        lockout.admit("li");
        lockout.admit("li");
        lockout.admit("li");
        assertThat(lockout.admit("li")).isPresent();

        clock.advance(LoginLockout.CHECK_FORGOTTEN);
        assertThat(lockout.admit("li")).isEmpty();
        assertThat(lockout.failed("li")).as("one failure, not four").isFalse();
        assertThat(lockout.failed("li")).isFalse();
    }

    @Test
    void withoutLockingEveryCheckIsLetThrough() {
        LoginLockout off = LoginLockout.off();
        for (int i = 0; i < 10; i++) {
            assertThat(off.admit("admin")).isEmpty();
        }
    }
}
