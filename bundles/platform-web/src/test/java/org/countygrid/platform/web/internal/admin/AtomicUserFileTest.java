package org.countygrid.platform.web.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users added through Karaf's real properties engine reach etc/users.properties whole: a reader of the file (as
 * Karaf's automatic encryption reads it on every modification) never sees it half written.
 */
class AtomicUserFileTest {

    @TempDir
    Path etc;

    private Path usersFile() throws Exception {
        Path file = etc.resolve("users.properties");
        Files.writeString(file, "# the node's users\nadmin = secret,_g_:admingroup\n_g_\\:admingroup = group,admin,ssh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private BackingEngineAccounts accounts(Path file) {
        PropertiesBackingEngineFactory factory = new PropertiesBackingEngineFactory();
        Map<String, Object> options = Map.of("users", file.toString(), "encryption.enabled", "false");
        return new BackingEngineAccounts(() -> factory.build(options), AtomicUserFile.of(options, factory::build), false, 0,
                Runnable::run, (u, p) -> false);
    }

    @Test
    void aReaderOfTheFileNeverSeesItHalfWritten() throws Exception {
        Path file = usersFile();
        BackingEngineAccounts accounts = accounts(file);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean adding = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (adding.get()) {
                try {
                    Properties read = new Properties();
                    read.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
                    for (String user : read.stringPropertyNames()) {
                        String entry = read.getProperty(user);
                        if (!user.equals("admin") && !user.startsWith("_g_") && !entry.endsWith(",field,ssh,office.QS")) {
                            seen.add(user + " = " + entry);
                        }
                    }
                } catch (Exception e) {
                    seen.add(e.toString());
                }
            }
        });
        reader.start();
        List<String> added = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            accounts.add("field" + i, "Field-pass-" + i, List.of("field", "ssh", "office.QS"));
            added.add("field" + i);
        }
        adding.set(false);
        reader.join();

        assertThat(seen).as("what a reader saw of the file between two whole versions").isEmpty();
        assertThat(accounts.usersWithRoles()).containsOnlyKeys(concat("admin", added));
        assertThat(accounts.usersWithRoles().get("field7")).containsExactly("field", "ssh", "office.QS");
        assertThat(Files.readString(file)).startsWith("# the node's users");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var left = Files.list(etc)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("users.properties");
        }
    }

    @Test
    void aChangeThatChangesNothingLeavesTheFileUntouched() throws Exception {
        Path file = usersFile();
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, before);
        AtomicUserFile writes = AtomicUserFile.of(Map.of("users", file.toString(), "encryption.enabled", "false"),
                new PropertiesBackingEngineFactory()::build);

        writes.apply(engine -> engine.listUsers());

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        assertThat(Set.of(etc.toFile().list())).containsExactly("users.properties");
    }

    @Test
    void aSaveByAnotherWriterMeanwhileIsKeptAndTheChangeMadeAgainOnTopOfIt() throws Exception {
        Path file = usersFile();
        PropertiesBackingEngineFactory factory = new PropertiesBackingEngineFactory();
        Map<String, Object> options = Map.of("users", file.toString(), "encryption.enabled", "false");
        AtomicUserFile writes = AtomicUserFile.of(options, factory::build);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        writes.apply(engine -> {
            if (attempts.incrementAndGet() == 1) {
                // Karaf's own writer (jaas:user-add, say) saves the real file in place while our copy is being changed
                factory.build(options).addUser("jaasuser", "Jaas-Passw0rd");
            }
            engine.addUser("li", "Li-Passw0rd");
        });

        assertThat(attempts).hasValue(2);
        assertThat(factory.build(options).listUsers()).extracting(java.security.Principal::getName)
                .contains("admin", "jaasuser", "li");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
