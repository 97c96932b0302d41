package org.countygrid.platform.web.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Locks a login name after too many wrong passwords in a row (登录失败处理): {@code maxFailures} failures, each
 * less than {@code lockFor} after the previous one, lock the name for {@code lockFor}; while locked no password is
 * checked, the right one included. A successful login clears the count; an admin may unlock earlier. Names are
 * counted as typed (case-insensitively), whether or not such a user exists, so a lock tells nobody which names are
 * real. At most {@link #MAX_NAMES} unlocked names are tracked (a name kept is at most {@link #MAX_KEY} characters),
 * so guessing random names neither fills the memory nor pushes a counted or locked name out (forgetOldest).
 */
public final class LoginLockout {

    static final int MAX_NAMES = 100_000;

    /** A name locked right now, and until when. */
    public record Lock(String user, int failures, Instant until) {
    }

    /**
     * A name's wrong passwords in a row ({@code last}: the latest), its lock, and its password checks under way
     * ({@code checking}, the latest let through at {@code admitted}), each counted as a failure until it ends.
     */
    private record Failures(int count, Instant last, Instant lockedUntil, int checking, Instant admitted) {

        Failures checks(int newChecking, Instant newAdmitted) {
            return new Failures(count, last, lockedUntil, newChecking, newAdmitted);
        }

        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** Checks let through more than {@link #CHECK_FORGOTTEN} ago are not waited for: one that never ended. */
        int checkingAt(Instant now) {
            return checking > 0 && Duration.between(admitted, now).compareTo(CHECK_FORGOTTEN) < 0 ? checking : 0;
        }

        boolean empty(Instant now) {
            return count == 0 && lockedUntil == null && checkingAt(now) == 0;
        }
    }

    /** No password check takes this long (the web's failure delay is 1 s); one that never told its end stops counting. */
    static final Duration CHECK_FORGOTTEN = Duration.ofMinutes(1);

    /** What a refusal says while the checks under way may still lock the name: a lock is not sure yet. */
    static final Duration UNDER_WAY = Duration.ofSeconds(1);

    /** How long a login waits for the checks under way of its name before it is refused (see {@link #admit}). */
    static final Duration WAIT_FOR_CHECKS = Duration.ofSeconds(3);

    /** At most this many logins wait at once, over all names; more are refused at once (no thread pile-up). */
    static final int MAX_WAITING = 32;

    private int waiting;

    private int maxFailures;
    private Duration lockFor;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>();

    /** {@code maxFailures} 0 turns locking off (the failure delay alone then slows guessing). */
    public LoginLockout(int maxFailures, Duration lockFor, Clock clock) {
        if (maxFailures < 0 || lockFor.isNegative()) {
            throw new IllegalArgumentException("need maxFailures >= 0 and lockFor >= 0, got " + maxFailures + ", " + lockFor);
        }
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    /** New limits (a configuration change), keeping the counts and locks so far. */
    public synchronized void limits(int newMaxFailures, Duration newLockFor) {
        if (newMaxFailures < 0 || newLockFor.isNegative()) {
            throw new IllegalArgumentException("need maxFailures >= 0 and lockFor >= 0, got " + newMaxFailures + ", " + newLockFor);
        }
        this.maxFailures = newMaxFailures;
        this.lockFor = newLockFor;
    }

    public static LoginLockout off() {
        return new LoginLockout(0, Duration.ZERO, Clock.systemUTC());
    }

    /** How long the name stays locked, or empty when it may try. */
    public synchronized Optional<Duration> lockedFor(String user) {
        Failures f = failures.get(key(user));
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    /**
     * Lets one password check of this name through, or tells how long the name stays locked: the check and the count
     * are one step, so parallel guesses cannot get more passwords checked than the lock allows (a probe's parallel
     * logins had 7 to 11 checked before the fifth failure locked the name). A check let through counts as a failure
     * until it ends — {@link #succeeded}, {@link #failed} or {@link #withdrawn} — so while {@code maxFailures} minus
     * the failures so far are under way, the next waits up to {@link #WAIT_FOR_CHECKS} for one of them to end (a right
     * password ends the count) and is then refused as if locked; every check let through must be ended.
     */
    public synchronized Optional<Duration> admit(String user) {
        if (maxFailures == 0) {
            return Optional.empty();
        }
        String key = key(user);
        long deadline = System.nanoTime() + WAIT_FOR_CHECKS.toNanos();
        Instant now;
        Failures f;
        int checking;
        while (true) {
            now = clock.instant();
            f = failures.get(key);
            if (f != null && f.locked(now)) {
                return Optional.of(Duration.between(now, f.lockedUntil()));
            }
            int failuresSoFar = f == null || !counting(f, now) ? 0 : f.count();
            checking = f == null ? 0 : f.checkingAt(now);
            if (failuresSoFar + checking < maxFailures) {
                break;
            }
            // as many checks under way as failures are left: wait a little for one to end (a script's parallel calls with
            // the right password were refused 429, probe) rather than refuse at once; few wait, and not for long
            long left = deadline - System.nanoTime();
            if (left <= 0 || waiting >= MAX_WAITING) {
                return Optional.of(UNDER_WAY);
            }
            waiting++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(UNDER_WAY);
            } finally {
                waiting--;
            }
        }
        if (f == null) {
            failures.put(key, new Failures(0, now, null, 1, now));
            forgetOldest(now);
        } else {
            failures.put(key, f.checks(checking + 1, now));
        }
        return Optional.empty();
    }

    /** A check let through by {@link #admit} that ended without a verdict on the password (a repeat of the same one). */
    public synchronized void withdrawn(String user) {
        notifyAll(); // a check ended or the count changed: logins waiting in admit look again
        String key = key(user);
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f == null) {
            return;
        }
        Failures after = f.checks(Math.max(0, f.checkingAt(now) - 1), f.admitted());
        if (after.empty(now)) {
            failures.remove(key);
        } else {
            failures.put(key, after);
        }
    }

    /** Whether a failure now follows on from the failures so far (none locked, the last less than the lock time ago). */
    private boolean counting(Failures f, Instant now) {
        return f.lockedUntil() == null && Duration.between(f.last(), now).compareTo(lockFor) < 0;
    }

    /** How often a locked name's refusals are logged at most: a flood of them must not roll the log over. */
    static final Duration REFUSALS_LOGGED_EVERY = Duration.ofMinutes(1);

    private final Map<String, Instant> refusalLogged = new LinkedHashMap<>();

    /**
     * Whether a refusal of this locked name is to be logged now: the first one, then at most one per
     * {@link #REFUSALS_LOGGED_EVERY} (a probe's client wrote 470 WARN lines a second); bounded like the counts.
     */
    public synchronized boolean logRefusal(String user) {
        String key = key(user);
        Instant now = clock.instant();
        Instant last = refusalLogged.get(key);
        if (last != null && Duration.between(last, now).compareTo(REFUSALS_LOGGED_EVERY) < 0) {
            return false;
        }
        refusalLogged.remove(key);
        refusalLogged.put(key, now);
        if (refusalLogged.size() > MAX_NAMES) {
            refusalLogged.keySet().iterator().remove();
        }
        return true;
    }

    /** Counts a wrong password; true when this one locked the name. */
    public synchronized boolean failed(String user) {
        notifyAll(); // a check ended or the count changed: logins waiting in admit look again
        if (maxFailures == 0) {
            return false;
        }
        Instant now = clock.instant();
        String key = key(user);
        Failures before = failures.remove(key);
        int checking = before == null ? 0 : Math.max(0, before.checkingAt(now) - 1); // this check has ended
        Instant admitted = before == null ? null : before.admitted();
        if (before != null && before.locked(now)) {
            // a guess checked while another one locked the name: the lock stands, and keeps its end
            failures.put(key, new Failures(before.count() + 1, now, before.lockedUntil(), checking, admitted));
            return false;
        }
        int count = before != null && counting(before, now) ? before.count() + 1 : 1;
        Instant until = count >= maxFailures ? now.plus(lockFor) : null;
        failures.put(key, new Failures(count, now, until, checking, admitted));
        forgetOldest(now);
        return until != null;
    }

    /** A check let through by {@link #admit} found the right password: the count starts again. */
    public synchronized void succeeded(String user) {
        withdrawn(user);
        clear(user);
    }

    /**
     * A login without a password (a public key) clears the count and a lock, as a password login does; the checks of
     * other passwords under way stay counted.
     */
    public synchronized void clear(String user) {
        notifyAll(); // a check ended or the count changed: logins waiting in admit look again
        String key = key(user);
        Instant now = clock.instant();
        Failures f = failures.remove(key);
        if (f != null && f.checkingAt(now) > 0) {
            failures.put(key, new Failures(0, now, null, f.checkingAt(now), f.admitted()));
        }
    }

    /** Lifts the lock (and the count) of a name; false when it was not locked. */
    public synchronized boolean unlock(String user) {
        Failures f = failures.remove(key(user));
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(clock.instant());
    }

    public synchronized List<Lock> locked() {
        Instant now = clock.instant();
        return failures.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil() != null && e.getValue().lockedUntil().isAfter(now))
                .map(e -> new Lock(e.getKey(), e.getValue().count(), e.getValue().lockedUntil()))
                .sorted(Comparator.comparing(Lock::user)).toList();
    }

    public synchronized int maxFailures() {
        return maxFailures;
    }

    public synchronized Duration lockFor() {
        return lockFor;
    }

    /**
     * Drops what no longer counts; past the cap, unlocked counts go down to nine tenths of it — those with the fewest
     * failures first, the oldest first among equals (insertion order is last failure). So a flood of random names
     * (one failure each) never takes away the count of a name being guessed: to push out a name with four failures,
     * a guesser must first fail four times with each of {@link #MAX_NAMES} other names, which makes its guesses no
     * faster than the lock allows (a probe gave itself a guess every 7 s with the plain oldest-first rule). A locked
     * name stays until its lock ends; only past ten times the cap (as many locked names) do the oldest locks go too.
     */
    private void forgetOldest(Instant now) {
        if (failures.size() <= MAX_NAMES) {
            return;
        }
        failures.entrySet().removeIf(e -> e.getValue().checkingAt(now) == 0 && (e.getValue().lockedUntil() == null
                ? e.getValue().last().plus(lockFor) : e.getValue().lockedUntil()).isBefore(now));
        int keep = MAX_NAMES * 9 / 10;
        for (int fewest = 1; failures.size() > keep && fewest < Math.max(2, maxFailures); fewest++) {
            var entries = failures.values().iterator();
            while (failures.size() > keep && entries.hasNext()) {
                Failures f = entries.next();
                if (f.lockedUntil() == null && f.count() <= fewest && f.checkingAt(now) == 0) {
                    entries.remove();
                }
            }
        }
        var oldest = failures.keySet().iterator();
        while (failures.size() > 10 * MAX_NAMES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Longer names are kept as their start and a digest: no login name is this long (staff:user-add). */
    static final int MAX_KEY = 64;

    /**
     * The name as counted: in any case, control characters shown as '?' (staff:login-locks prints it to a terminal),
     * and a name longer than {@link #MAX_KEY} cut to its start plus a digest of the whole — so that a guesser sending
     * names of megabytes (a failed login, over the web or JMX) fills no memory with them, and each still counts.
     */
    static String key(String user) {
        if (user == null) {
            return "";
        }
        String name = user.strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_KEY) { // the digest of the whole: two names differing anywhere are two names
            name = name.substring(0, MAX_KEY - 17) + "…" + sha256Hex(name).substring(0, 16);
        }
        return UNPRINTABLE.matcher(name).replaceAll("?");
    }

    /** C0 and C1 controls, bidi and other format marks, U+2028/9: what a log line or a terminal must not get raw. */
    static final java.util.regex.Pattern UNPRINTABLE = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whole minutes left of a lock, at least 1: what the refusals say. */
    static long minutesLeft(Duration left) {
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }
}
