package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.countygrid.platform.web.WebSession;
import org.countygrid.platform.web.internal.admin.UserAccounts;
import org.countygrid.platform.web.internal.security.LoginGate;
import org.countygrid.platform.web.internal.security.LoginLockout;
import org.countygrid.platform.web.internal.session.InMemorySessionStore;
import org.countygrid.platform.web.internal.session.SessionRegistry;
import org.countygrid.platform.web.internal.session.UserRoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff change their own password: the current one proves who types, the new one passes the rule, other sessions end. */
class PasswordChangeTest {

    private static final Caller LI = new Caller("lijun", OfficeCode.of("QS"), Set.of("field"));

    private final Map<String, String> passwords = new HashMap<>(Map.of("lijun", "Old-Passw0rd"));
    private final LoginLockout lockout = new LoginLockout(3, Duration.ofMinutes(15), Clock.systemUTC());
    private final LoginRecords records = new LoginRecords(lockout);
    private final SessionRegistry sessions = new SessionRegistry(new InMemorySessionStore(), Clock.systemUTC(), Duration.ofMinutes(15));
    private final LoginGate logins = new LoginGate(
            (user, password) -> password.equals(passwords.get(user)) ? Optional.of(LI) : Optional.empty(),
            Duration.ZERO, d -> { }, lockout);
    private final UserAccounts users = new UserAccounts() {
        @Override public boolean hasUsers() { return true; }
        @Override public boolean hashesPasswords() { return true; }
        @Override public Map<String, List<String>> usersWithRoles() { return Map.of("lijun", List.of("field", "office.QS")); }
        @Override public void add(String user, String password, List<String> roles) { throw new AssertionError(); }
        @Override public Added addIfAbsent(String user, String password, List<String> roles) { throw new AssertionError(); }
        @Override public Removed removeIfPresent(String user, String keptRole) { throw new AssertionError(); }
        @Override public Changed changePassword(String user, String password) {
            if (!passwords.containsKey(user)) {
                return Changed.ABSENT;
            }
            passwords.put(user, password);
            return Changed.CHANGED;
        }
    };
    private final AuthResource auth = new AuthResource(sessions, logins, new SessionCookie(false), () -> Optional.of(users), records);

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(PasswordChangeTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    @BeforeEach
    void login() {
        CurrentCaller.set(LI);
    }

    @AfterEach
    void logout() {
        CurrentCaller.clear();
    }

    @Test
    void theNewPasswordTakesAndTheConsoleGoesOnInANewSessionWhileTheOthersEnd() {
        WebSession console = sessions.open(LI, null);
        WebSession phone = sessions.open(LI, null);
        UserRoster roster = new UserRoster(() -> Optional.of(users.usersWithRoles()), records::passwordChangedAt,
                Clock.systemUTC(), Duration.ZERO);

        Response answer = auth.changePassword(new AuthResource.PasswordChange("Old-Passw0rd", "Hong-qi-9-Lu"), console.id(), request());

        assertThat(passwords).containsEntry("lijun", "Hong-qi-9-Lu");
        assertThat(answer.getStatus()).isEqualTo(200);
        AuthResource.SessionInfo info = (AuthResource.SessionInfo) answer.getEntity();
        assertThat(info.csrfToken()).isNotNull().isNotEqualTo(console.csrfToken());
        String cookie = answer.getHeaderString(HttpHeaders.SET_COOKIE);
        assertThat(cookie).doesNotContain(console.id());
        WebSession renewed = sessions.resume(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')), false).orElseThrow();
        assertThat(roster.stillHolds(renewed)).isTrue();
        assertThat(roster.stillHolds(phone)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndCountsTowardsTheLock() {
        assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange("guess-1", "Hong-qi-9-Lu"), null, request()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("currentPassword", "is not your current password"));
        assertThat(passwords).containsEntry("lijun", "Old-Passw0rd");
        for (String guess : List.of("guess-2", "guess-3")) {
            assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange(guess, "Hong-qi-9-Lu"), null, request()));
        }
        assertThat(lockout.lockedFor("lijun")).isPresent();
        // locked: not even the right password changes it now
        assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange("Old-Passw0rd", "Hong-qi-9-Lu"), null, request()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(429));
        assertThat(passwords).containsEntry("lijun", "Old-Passw0rd");
    }

    @Test
    void aWeakOrUnchangedNewPasswordIsAFieldError() {
        assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange("Old-Passw0rd", "12345678"), null, request()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("newPassword"));
        assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange("Old-Passw0rd", "Old-Passw0rd"), null, request()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("newPassword", "must differ from the current password"));
        assertThatThrownBy(() -> auth.changePassword(new AuthResource.PasswordChange(null, null), null, request()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("currentPassword", "newPassword"));
        assertThat(passwords).containsEntry("lijun", "Old-Passw0rd");
    }

    @Test
    void overBasicAuthTheAnswerIsNoContentAndNoSession() {
        Response answer = auth.changePassword(new AuthResource.PasswordChange("Old-Passw0rd", "Hong-qi-9-Lu"), null, request());

        assertThat(answer.getStatus()).isEqualTo(204);
        assertThat(answer.getHeaderString(HttpHeaders.SET_COOKIE)).isNull();
        assertThatThrownBy(() -> new AuthResource(sessions, logins, new SessionCookie(false), Optional::empty, records)
                .changePassword(new AuthResource.PasswordChange("Hong-qi-9-Lu", "Other-Passw0rd-9"), null, request()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }
}
