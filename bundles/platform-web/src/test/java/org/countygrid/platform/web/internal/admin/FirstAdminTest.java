package org.countygrid.platform.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.countygrid.platform.api.OfficeCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start against a real etc/users.properties, written by Karaf's own properties backing engine. */
class FirstAdminTest {

    private static final OfficeCode QS = OfficeCode.of("QS");
    private static final String NO_USERS = "# Karaf 4.4 ships without users\n# karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager\n";

    @TempDir
    Path home;

    private final BasicEncryption sha512 = new BasicEncryption(new HashMap<>(Map.of("algorithm", "SHA-512", "encoding", "hexadecimal")));

    @Test
    void withoutUsersCreatesAdminOfTheNodesOfficeWithAHashedRandomPasswordInAnOwnerOnlyFile() throws IOException {
        Path users = usersFile(NO_USERS);

        FirstAdmin.Outcome outcome = firstAdmin(users, true, Optional.empty()).ensureAdmin(QS);

        assertThat(outcome.source()).isEqualTo(FirstAdmin.Source.FILE);
        Path passwordFile = home.resolve("data/admin-password");
        assertThat(outcome.passwordFile()).isEqualTo(passwordFile);
        String password = Files.readString(passwordFile).trim();
        assertThat(password).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(AdminPasswordFile.OWNER_ONLY);

        String stored = Files.readString(users, StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(password).contains("admin = {CRYPT}");
        String hash = stored.lines().filter(l -> l.startsWith("admin =")).findFirst().orElseThrow()
                .replaceAll("admin = \\{CRYPT\\}(.*)\\{CRYPT\\},.*", "$1");
        assertThat(sha512.checkPassword(password, hash)).isTrue();

        PropertiesBackingEngine reread = engine(users, true);
        assertThat(reread.listUsers()).extracting(UserPrincipal::getName).containsExactly("admin");
        assertThat(reread.listRoles(new UserPrincipal("admin"))).extracting(RolePrincipal::getName)
                .containsExactlyInAnyOrder("admin", "ssh", "office.QS");
    }

    @Test
    void thePasswordFromTheEnvironmentIsUsedAndNoFileIsWritten() throws IOException {
        Path users = usersFile(NO_USERS);

        FirstAdmin.Outcome outcome = firstAdmin(users, true, Optional.of("Chosen-by-IT-2024")).ensureAdmin(QS);

        assertThat(outcome.source()).isEqualTo(FirstAdmin.Source.ENVIRONMENT);
        assertThat(home.resolve("data/admin-password")).doesNotExist();
        String stored = Files.readString(users);
        assertThat(stored).doesNotContain("Chosen-by-IT-2024").contains("admin = {CRYPT}");
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() throws IOException {
        Path users = usersFile(NO_USERS);

        assertThat(firstAdmin(users, true, Optional.of("")).ensureAdmin(QS).source()).isEqualTo(FirstAdmin.Source.FILE);
    }

    @Test
    void anExistingUserMeansNothingIsCreated() throws IOException {
        Path users = usersFile(NO_USERS + "wang = {CRYPT}abc{CRYPT},operator,office.QS\n");
        String before = Files.readString(users);

        FirstAdmin.Outcome outcome = firstAdmin(users, true, Optional.empty()).ensureAdmin(QS);

        assertThat(outcome.source()).isEqualTo(FirstAdmin.Source.NONE);
        assertThat(Files.readString(users)).isEqualTo(before);
        assertThat(home.resolve("data/admin-password")).doesNotExist();
    }

    @Test
    void aWeakPasswordFromTheEnvironmentIsNotUsedButARandomOneInTheFile() throws IOException {
        // before: no user at all, and a node saying UP that nobody could log in to (probe)
        for (String weak : new String[] { "admin", "ADMIN", "secret7", "aaaaaaaa", "12345678", "Admin@123", "Admin-2026",
            "{CRYPT}abc{CRYPT}" }) {
            Path users = usersFile(NO_USERS);
            Files.deleteIfExists(home.resolve("data/admin-password"));

            FirstAdmin.Outcome outcome = firstAdmin(users, true, Optional.of(weak)).ensureAdmin(QS);

            assertThat(outcome.source()).as(weak).isEqualTo(FirstAdmin.Source.FILE);
            assertThat(outcome.refused()).as(weak).startsWith(FirstAdmin.PASSWORD_VARIABLE);
            String generated = Files.readString(home.resolve("data/admin-password")).strip();
            assertThat(generated).isNotEqualTo(weak).hasSizeGreaterThanOrEqualTo(16);
            String hash = Files.readString(users).lines().filter(l -> l.startsWith("admin =")).findFirst().orElseThrow()
                    .replaceAll("admin = \\{CRYPT\\}(.*)\\{CRYPT\\},.*", "$1");
            assertThat(sha512.checkPassword(generated, hash)).as(weak).isTrue();
            assertThat(sha512.checkPassword(weak, hash)).as(weak).isFalse();
        }
    }

    @Test
    void withEncryptionOffNoClearTextPasswordIsEverWritten() throws IOException {
        Path users = usersFile(NO_USERS);

        assertThatThrownBy(() -> firstAdmin(users, false, Optional.of("Chosen-by-IT-2024")).ensureAdmin(QS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption.enabled");
        assertThat(Files.readString(users)).isEqualTo(NO_USERS);
    }

    @Test
    void generatedPasswordsDiffer() {
        FirstAdmin first = new FirstAdmin(new BackingEngineAccounts(null, null, true, (u, p) -> false), Optional.empty(), home,
                new SecureRandom());

        assertThat(first.generate()).isNotEqualTo(first.generate());
    }

    private FirstAdmin firstAdmin(Path users, boolean encryption, Optional<String> given) throws IOException {
        // a fresh engine over the file each time, as FirstAdminComponent builds them
        return new FirstAdmin(new BackingEngineAccounts(() -> {
            try {
                return engine(users, encryption);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, encryption, 0, Runnable::run, (u, p) -> false), given, home.resolve("data"), new SecureRandom());
    }

    /** The engine as Karaf's PropertiesBackingEngineFactory builds it, with SHA-512 hex hashing when enabled. */
    private PropertiesBackingEngine engine(Path users, boolean encryption) throws IOException {
        EncryptionSupport support = encryption ? new EncryptionSupport(new HashMap<>(Map.of("encryption.enabled", "true"))) {
            @Override
            public String encrypt(String plain) {
                return "{CRYPT}" + sha512.encryptPassword(plain) + "{CRYPT}";
            }
        } : EncryptionSupport.noEncryptionSupport();
        return new PropertiesBackingEngine(new Properties(users.toFile()), support);
    }

    private Path usersFile(String content) throws IOException {
        Path etc = Files.createDirectories(home.resolve("etc"));
        return Files.writeString(etc.resolve("users.properties"), content);
    }
}
