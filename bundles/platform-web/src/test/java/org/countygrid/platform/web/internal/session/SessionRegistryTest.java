package org.countygrid.platform.web.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.web.SessionStore;
import org.countygrid.platform.web.WebSession;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private static final Caller CLERK = new Caller("wang", OfficeCode.of("QS"), Set.of("operator"));

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-31T08:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final SessionRegistry sessions = new SessionRegistry(store, clock, Duration.ofMinutes(15));

    @Test
    void aNewSessionCarriesTheCallerAndTwoUnrelatedRandomTokens() {
        WebSession session = sessions.open(CLERK, null);

        assertThat(session.id()).hasSize(43).isNotEqualTo(session.csrfToken());
        assertThat(session.csrfToken()).hasSize(43);
        assertThat(session.caller()).isEqualTo(CLERK);
        assertThat(sessions.resume(session.id(), true)).contains(session);
    }

    @Test
    void aSessionUsedWithinTheIdleTimeStaysAndIsExtended() {
        WebSession session = sessions.open(CLERK, null);

        clock.advance(Duration.ofMinutes(14));
        assertThat(sessions.resume(session.id(), true)).isPresent();
        clock.advance(Duration.ofMinutes(14));

        assertThat(sessions.resume(session.id(), true)).get()
                .extracting(WebSession::lastSeenAt).isEqualTo(clock.instant());
    }

    @Test
    void aSessionIdleForTheConfiguredTimeEndsAndIsRemoved() {
        WebSession session = sessions.open(CLERK, null);

        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.resume(session.id(), true)).isEmpty();
        assertThat(store.get(session.id())).isEmpty();
    }

    @Test
    void backgroundPollingDoesNotKeepAnUnattendedSessionAlive() {
        WebSession session = sessions.open(CLERK, null);

        for (int minute = 0; minute < 14; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(sessions.resume(session.id(), false)).isPresent();
        }
        clock.advance(Duration.ofMinutes(1));

        assertThat(sessions.resume(session.id(), false)).isEmpty();
    }

    @Test
    void everyLoginGetsANewIdAndTheOldSessionEnds() {
        WebSession first = sessions.open(CLERK, null);

        WebSession second = sessions.open(CLERK, first.id());

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
        assertThat(sessions.resume(first.id(), true)).isEmpty();
        assertThat(sessions.resume(second.id(), true)).isPresent();
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(sessions.open(CLERK, null).id());
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void closedAndUnknownAndMalformedIdsResumeNothing() {
        WebSession session = sessions.open(CLERK, null);
        sessions.close(session.id());

        assertThat(sessions.resume(session.id(), true)).isEmpty();
        assertThat(sessions.resume("A".repeat(43), true)).isEmpty();
        assertThat(sessions.resume("../../etc/passwd", true)).isEmpty();
        assertThat(sessions.resume(null, true)).isEmpty();
    }

    @Test
    void purgeRemovesOnlyIdleSessions() {
        WebSession old = sessions.open(CLERK, null);
        clock.advance(Duration.ofMinutes(10));
        WebSession recent = sessions.open(CLERK, null);
        clock.advance(Duration.ofMinutes(6));

        assertThat(sessions.purgeIdle()).isEqualTo(1);
        assertThat(store.get(old.id())).isEmpty();
        assertThat(store.get(recent.id())).isPresent();
    }

    @Test
    void anIdleTimeOfZeroIsRefused() {
        assertThatThrownBy(() -> new SessionRegistry(store, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumAge() {
        SessionRegistry aged = new SessionRegistry(store, clock, Duration.ofMinutes(15), Duration.ofHours(12));
        WebSession session = aged.open(CLERK, null);
        for (int i = 0; i < 71; i++) { // a request every 10 minutes for 11 h 50 min
            clock.advance(Duration.ofMinutes(10));
            assertThat(aged.resume(session.id(), true)).isPresent();
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(aged.resume(session.id(), true)).isEmpty();
        assertThat(store.get(session.id())).isEmpty();
    }

    @Test
    void aRequestFinishingAfterALogoutDoesNotBringTheSessionBack() {
        WebSession session = sessions.open(CLERK, null);
        // the request read the session, then the logout removed it, then the request stores its "last seen"
        SessionStore racing = new SessionStore() {
            private boolean first = true;

            @Override
            public void put(WebSession s) {
                store.put(s);
            }

            @Override
            public java.util.Optional<WebSession> get(String id) {
                java.util.Optional<WebSession> found = store.get(id);
                if (first) {
                    first = false;
                    store.remove(id); // the logout, between the read and the write
                }
                return found;
            }

            @Override
            public void remove(String id) {
                store.remove(id);
            }

            @Override
            public boolean replace(WebSession current, WebSession updated) {
                return store.replace(current, updated);
            }

            @Override
            public int removeLastSeenBefore(Instant cutoff) {
                return store.removeLastSeenBefore(cutoff);
            }
        };
        clock.advance(Duration.ofMinutes(1));

        assertThat(new SessionRegistry(racing, clock, Duration.ofMinutes(15)).resume(session.id(), true)).isEmpty();
        assertThat(store.get(session.id())).as("still logged out").isEmpty();
    }
}
