package org.countygrid.platform.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.countygrid.platform.api.OfficeCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's realm as NodeRealm builds it — the lock entry, Karaf's real PropertiesLoginModule on a users file, the
 * office entry — through JAAS's own LoginContext, as the shell's SSH logs in: with a password, or with a key (a
 * handler that has no password to give).
 */
class NodeLoginModuleTest {

    private static final String PASSWORD = "Qw7-river-Stone-81";

    @TempDir
    Path etc;

    private final LoginLockout lockout = new LoginLockout(3, Duration.ofMinutes(15), Clock.systemUTC());
    private final TypedPasswords typed = new TypedPasswords(Clock.systemUTC());
    private Configuration realm;

    @BeforeEach
    void users() throws Exception {
        Path users = etc.resolve("users.properties");
        Files.writeString(users, String.join("\n",
                "qsadmin = " + PASSWORD + ",admin,office.QS,ssh",
                "hxadmin = " + PASSWORD + ",admin,office.HX,ssh",
                "nobody = " + PASSWORD + ",operator,ssh",
                "twooffices = " + PASSWORD + ",admin,office.QS,office.HX,ssh",
                "lowercase = " + PASSWORD + ",admin,office.qs,ssh", ""));
        Supplier<Optional<OfficeCode>> node = () -> Optional.of(OfficeCode.of("QS"));
        realm = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    node("lock", LoginModuleControlFlag.REQUISITE, node),
                    new AppConfigurationEntry(PropertiesLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL,
                            Map.of("users", users.toString(), "detailed.login.exception", "false")),
                    node("office", LoginModuleControlFlag.REQUIRED, node) };
            }
        };
    }

    private AppConfigurationEntry node(String mode, LoginModuleControlFlag flag, Supplier<Optional<OfficeCode>> office) {
        Map<String, Object> options = new HashMap<>();
        options.put(NodeLoginModule.MODE, mode);
        options.put(NodeLoginModule.LOCKOUT, lockout);
        options.put(NodeLoginModule.NODE_OFFICE, office);
        options.put(NodeLoginModule.TYPED, typed);
        return new AppConfigurationEntry(NodeLoginModule.class.getName(), flag, options);
    }

    /** As Karaf's SSH server asks for a password login: a name and a password, nothing else. */
    private Subject shell(String user, String password) throws LoginException {
        return login(user, password);
    }

    /** As Karaf's SSH server asks for a public-key login: the name, and a key instead of a password. */
    private Subject key(String user) throws LoginException {
        return login(user, null);
    }

    private Subject login(String user, String password) throws LoginException {
        LoginContext context = new LoginContext("countygrid", new Subject(), callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(user);
                } else if (c instanceof PasswordCallback p && password != null) {
                    p.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(c);
                }
            }
        }, realm);
        context.login();
        return context.getSubject();
    }

    private static boolean hasRole(Subject subject, String role) {
        return subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).anyMatch(role::equals);
    }

    @Test
    void theStaffOfTheNodesOfficeLogInToTheShellWithTheirRoles() throws Exception {
        Subject admin = shell("qsadmin", PASSWORD);

        assertThat(hasRole(admin, "admin")).isTrue();
        assertThat(hasRole(admin, "office.QS")).isTrue();
    }

    @Test
    void anotherOfficesAdminIsRefusedTheShell() throws Exception {
        assertThatThrownBy(() -> shell("hxadmin", PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessage(NodeLoginModule.REFUSED); // the same words as a wrong password's; the log says why
        assertThatThrownBy(() -> shell("hxadmin", "wrong")).as("Karaf's words for a wrong password")
                .isInstanceOf(FailedLoginException.class).hasMessage(NodeLoginModule.REFUSED);
        assertThatThrownBy(() -> shell("nobody", PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessage(NodeLoginModule.REFUSED);
        assertThat(lockout.lockedFor("hxadmin")).as("a right password is no failure").isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> shell("hxadmin", PASSWORD)).isInstanceOf(FailedLoginException.class);
        }
        assertThat(lockout.lockedFor("hxadmin")).as("however often").isEmpty();
    }

    @Test
    void aKeyIsNotHeldBackByThePasswordLockAndHugeOrMissingNamesAndPasswordsAreRefusedUnread() throws Exception {
        for (int i = 0; i < 3; i++) {
            String guess = "wrong-" + i;
            assertThatThrownBy(() -> shell("qsadmin", guess)).isInstanceOf(LoginException.class);
        }
        assertThat(lockout.lockedFor("qsadmin")).isPresent();
        assertThatThrownBy(() -> key("qsadmin")).as("no key module here: refused, but not for the lock")
                .isInstanceOf(LoginException.class).isNotInstanceOf(AccountLockedException.class);

        assertThatThrownBy(() -> shell("hxadmin", "p".repeat(NodeLoginModule.MAX_PASSWORD + 1)))
                .isInstanceOf(FailedLoginException.class).hasMessage(NodeLoginModule.REFUSED);
        assertThatThrownBy(() -> shell("x".repeat(NodeLoginModule.MAX_NAME + 1), PASSWORD))
                .isInstanceOf(FailedLoginException.class).hasMessage(NodeLoginModule.REFUSED);
        assertThatThrownBy(() -> shell(null, PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessage(NodeLoginModule.REFUSED);
    }

    @Test
    void aUserOfTwoOfficesOrOfAMalformedOneIsRefusedTheShellAsTheWebRefusesThem() {
        assertThatThrownBy(() -> shell("lowercase", PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessage(NodeLoginModule.REFUSED);
        assertThatThrownBy(() -> shell("twooffices", PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessage(NodeLoginModule.REFUSED);
    }

    @Test
    void publicKeysOfferedAndOnePasswordTriedTwiceAreNoFailuresOfTheirOwn() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> key("qsadmin")).isInstanceOf(LoginException.class); // an unknown key each time
        }
        // Karaf's client sends a typed password by two SSH methods: one try
        assertThatThrownBy(() -> shell("qsadmin", "wrong")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> shell("qsadmin", "wrong")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> shell("qsadmin", "wronger")).isInstanceOf(LoginException.class);

        assertThat(lockout.lockedFor("qsadmin")).as("two tries").isEmpty();
        assertThatThrownBy(() -> shell("qsadmin", "wrongest")).isInstanceOf(LoginException.class);
        assertThat(lockout.lockedFor("qsadmin")).as("the third").isPresent();
    }

    @Test
    void wrongPasswordsOnTheShellLockTheNameForTheShellAndTheWebAlike() throws Exception {
        for (int i = 0; i < 3; i++) {
            String guess = "wrong-" + i;
            assertThatThrownBy(() -> shell("qsadmin", guess)).isInstanceOf(LoginException.class)
                    .isNotInstanceOf(AccountLockedException.class);
        }

        assertThat(lockout.lockedFor("qsadmin")).isPresent();
        assertThatThrownBy(() -> shell("qsadmin", PASSWORD)).isInstanceOf(AccountLockedException.class)
                .hasMessageContaining("user qsadmin is locked for 15 min");
        // the web's gate asks the same lockout before it logs in (LoginGateTest); unlocked, the shell opens again
        lockout.unlock("qsadmin");
        assertThat(hasRole(shell("qsadmin", PASSWORD), "admin")).isTrue();
    }

    @Test
    void aLoginClearsTheShellsCountOfFailures() throws Exception {
        assertThatThrownBy(() -> shell("qsadmin", "wrong-1")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> shell("qsadmin", "wrong-2")).isInstanceOf(LoginException.class);
        shell("qsadmin", PASSWORD);
        assertThatThrownBy(() -> shell("qsadmin", "wrong-3")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> shell("qsadmin", "wrong-4")).isInstanceOf(LoginException.class);

        assertThat(lockout.lockedFor("qsadmin")).isEmpty();
    }
}
