package org.countygrid.platform.web.internal.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.web.SessionStore;
import org.countygrid.platform.web.WebSession;

/**
 * Console sessions over a {@link SessionStore}: opening one at login (always with a fresh id, dropping the one
 * the browser still had, so a planted id is never promoted), resuming it per request while it has not been idle
 * for longer than the configured time, and closing it at logout.
 */
public final class SessionRegistry {

    /** 32 random bytes in base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SessionStore store;
    private final Clock clock;
    private final Duration idleLimit;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    public SessionRegistry(SessionStore store, Clock clock, Duration idleLimit) {
        this(store, clock, idleLimit, Duration.ofDays(3650));
    }

    /** {@code maxAge}: a session ends this long after its login, however busy (a stolen cookie does not last). */
    public SessionRegistry(SessionStore store, Clock clock, Duration idleLimit, Duration maxAge) {
        if (idleLimit.isNegative() || idleLimit.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the session idle time and age must be positive, got " + idleLimit + ", " + maxAge);
        }
        this.store = store;
        this.clock = clock;
        this.idleLimit = idleLimit;
        this.maxAge = maxAge;
    }

    /** Starts a session for a user who just proved who they are; {@code previousId} (may be null) ends. */
    public WebSession open(Caller caller, String previousId) {
        if (previousId != null && TOKEN.matcher(previousId).matches()) {
            store.remove(previousId);
        }
        WebSession session = WebSession.of(newToken(), newToken(), caller, clock.instant());
        store.put(session);
        return session;
    }

    /**
     * The live session with this id, or empty when there is none or it has been idle too long (it is then
     * removed). {@code touch} is false for background polling, which must not keep an unattended console alive.
     */
    public Optional<WebSession> resume(String id, boolean touch) {
        if (id == null || !TOKEN.matcher(id).matches()) {
            return Optional.empty();
        }
        Optional<WebSession> found = store.get(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession session = found.get();
        if (isIdle(session, now) || !session.createdAt().plus(maxAge).isAfter(now)) {
            store.remove(id);
            return Optional.empty();
        }
        if (!touch) {
            return found;
        }
        WebSession touched = session.seenAt(now);
        if (store.replace(session, touched)) {
            return Optional.of(touched);
        }
        // changed meanwhile: another request touched it (it lives on), or a logout removed it (it stays gone)
        return store.get(id);
    }

    public void close(String id) {
        if (id != null && TOKEN.matcher(id).matches()) {
            store.remove(id);
        }
    }

    /** Drops sessions nobody will come back to; run periodically so an idle store does not grow. */
    public int purgeIdle() {
        return store.removeLastSeenBefore(clock.instant().minus(idleLimit));
    }

    public Duration idleLimit() {
        return idleLimit;
    }

    private boolean isIdle(WebSession session, Instant now) {
        return !session.lastSeenAt().plus(idleLimit).isAfter(now);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
