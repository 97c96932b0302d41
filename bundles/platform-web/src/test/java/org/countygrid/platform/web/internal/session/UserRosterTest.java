package org.countygrid.platform.web.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.web.WebSession;
import org.junit.jupiter.api.Test;

class UserRosterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final Map<String, List<String>> realm = new HashMap<>(Map.of(
            "wang", List.of("operator", "ssh", "office.QS"),
            "li", List.of("field", "office.QS")));
    private int reads;
    private final UserRoster roster = new UserRoster(() -> {
        reads++;
        return Optional.of(Map.copyOf(realm));
    }, clock, Duration.ofSeconds(2));

    private static WebSession session(String user, String office, String... roles) {
        return WebSession.of("id", "csrf", new Caller(user, OfficeCode.of(office), Set.of(roles)), Instant.EPOCH);
    }

    @Test
    void aSessionEndsWhenItsUserIsRemovedLosesARoleOrMovesOffice() {
        assertThat(roster.stillHolds(session("wang", "QS", "operator"))).isTrue();

        realm.put("wang", List.of("auditor", "office.QS"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(roster.stillHolds(session("wang", "QS", "operator"))).as("lost operator").isFalse();
        realm.put("wang", List.of("operator", "office.QT"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(roster.stillHolds(session("wang", "QS", "operator"))).as("moved office").isFalse();
        realm.put("wang", List.of("operator", "office.QS", "office.QT"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(roster.stillHolds(session("wang", "QS", "operator"))).as("given a second office").isFalse();
        realm.remove("wang");
        clock.advance(Duration.ofSeconds(2));
        assertThat(roster.stillHolds(session("wang", "QS", "operator"))).as("removed").isFalse();
    }

    @Test
    void theRealmIsReadAtMostOnceARefreshAndUnlistableOrUnreadableRealmsAreNotSecondGuessed() {
        roster.stillHolds(session("wang", "QS", "operator"));
        roster.stillHolds(session("wang", "QS", "operator"));
        assertThat(reads).isEqualTo(1);

        assertThat(roster.stillHolds(session("li", "QS", "field"))).isTrue();
        UserRoster ldap = new UserRoster(Optional::empty, clock, Duration.ofSeconds(2));
        assertThat(ldap.stillHolds(session("anyone", "QS", "admin"))).isTrue();
        UserRoster broken = new UserRoster(() -> {
            throw new IllegalStateException("users.properties is being written");
        }, clock, Duration.ofSeconds(2));
        assertThat(broken.stillHolds(session("wang", "QS", "operator"))).as("a read failure logs nobody out").isTrue();
    }

    @Test
    void aSessionOpenedBeforeItsUsersPasswordChangedEnds() {
        java.util.Map<String, Instant> changed = new HashMap<>();
        UserRoster withPasswords = new UserRoster(() -> Optional.of(Map.copyOf(realm)),
                user -> Optional.ofNullable(changed.get(user)), clock, Duration.ofSeconds(2));
        WebSession before = WebSession.of("a", "c", new Caller("wang", OfficeCode.of("QS"), Set.of("operator")),
                Instant.parse("2026-11-27T07:00:00Z"));
        changed.put("wang", Instant.parse("2026-11-27T07:30:00Z"));
        WebSession after = WebSession.of("b", "c", new Caller("wang", OfficeCode.of("QS"), Set.of("operator")),
                Instant.parse("2026-11-27T07:31:00Z"));

        assertThat(withPasswords.stillHolds(before)).isFalse();
        assertThat(withPasswords.stillHolds(after)).isTrue();
    }
}
