package org.countygrid.platform.web.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.web.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a console session's user still holds what it logged in with: a user removed from the login realm, or
 * one that lost a role or changed office, must not keep working on a session opened before. The realm's users are
 * read at most every {@code refresh}, with their roles as the login module sees them (Karaf's engine lists a group's
 * roles as the user's). A realm that cannot list its users (LDAP) and a realm that cannot be read right now are not
 * second-guessed: their sessions end by idle time and age.
 */
public final class UserRoster {

    private static final Logger LOG = LoggerFactory.getLogger(UserRoster.class);

    private record Snapshot(Optional<Map<String, List<String>>> users, Instant readAt) {
    }

    private final Supplier<Optional<Map<String, List<String>>>> users;
    private final Function<String, Optional<Instant>> passwordChangedAt;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    /** {@code users}: user name to the realm's role names (office.* included), or empty for a realm that cannot list. */
    public UserRoster(Supplier<Optional<Map<String, List<String>>>> users, Clock clock, Duration refresh) {
        this(users, user -> Optional.empty(), clock, refresh);
    }

    /** {@code passwordChangedAt}: a session opened before its user's password was changed ends too. */
    public UserRoster(Supplier<Optional<Map<String, List<String>>>> users,
            Function<String, Optional<Instant>> passwordChangedAt, Clock clock, Duration refresh) {
        this.users = users;
        this.passwordChangedAt = passwordChangedAt;
        this.clock = clock;
        this.refresh = refresh;
    }

    public boolean stillHolds(WebSession session) {
        if (passwordChangedAt.apply(session.user()).filter(changed -> !session.createdAt().isAfter(changed)).isPresent()) {
            return false;
        }
        Optional<Map<String, List<String>>> now = current();
        if (now.isEmpty()) {
            return true;
        }
        List<String> realm = now.get().get(session.user());
        if (realm == null) {
            return false;
        }
        Set<String> held = new HashSet<>(realm);
        // a second office role makes the user one that cannot log in at all ("belongs to more than one office"), and a
        // session must not go on working as the first office while a login would be refused
        long offices = held.stream().filter(r -> r.startsWith(Role.OFFICE_PREFIX)).count();
        return offices == 1 && held.contains(Role.OFFICE_PREFIX + session.office()) && held.containsAll(session.roles());
    }

    private Optional<Map<String, List<String>>> current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || !s.readAt().plus(refresh).isAfter(now)) {
            try {
                s = new Snapshot(users.get().map(Map::copyOf), now);
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the login realm's users to check console sessions: {}", e.getMessage());
                s = new Snapshot(Optional.empty(), now);
            }
            snapshot = s;
        }
        return s.users();
    }
}
