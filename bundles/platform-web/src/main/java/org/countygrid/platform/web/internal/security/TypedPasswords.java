package org.countygrid.platform.web.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wrong passwords just tried per name on the shell, as digests for a few seconds: Karaf's client sends one typed
 * password by two SSH methods (password, then keyboard-interactive), which are two logins of the realm but one try
 * of the person, and must count once towards the lock. Bounded: the oldest names go first.
 */
final class TypedPasswords {

    static final Duration SAME_TRY = Duration.ofSeconds(10);
    static final int MAX_NAMES = 1_000;

    private record Try(String digest, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Try> last = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Try> eldest) {
            return size() > MAX_NAMES;
        }
    };

    TypedPasswords(Clock clock) {
        this.clock = clock;
    }

    /** True for a password not tried for this name in the last {@link #SAME_TRY}: a new try, to be counted. */
    synchronized boolean firstTry(String user, char[] password) {
        String name = LoginLockout.key(user);
        String digest = digest(name, password);
        Instant now = clock.instant();
        Try before = last.remove(name);
        last.put(name, new Try(digest, now));
        return before == null || !before.digest().equals(digest) || Duration.between(before.at(), now).compareTo(SAME_TRY) > 0;
    }

    private static String digest(String name, char[] password) {
        return LoginLockout.sha256Hex(name + '\0' + new String(password));
    }
}
