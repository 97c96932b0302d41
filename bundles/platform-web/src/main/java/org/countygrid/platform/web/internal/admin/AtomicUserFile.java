package org.countygrid.platform.web.internal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.karaf.jaas.modules.BackingEngine;

/**
 * Changes to etc/users.properties made on a copy and moved into place in one step. Karaf's backing engine saves the
 * file in place, truncating it first, once for the user and once for each role; Karaf's automatic encryption
 * (encryption.enabled) watches the folder for modifications and reads the file on each one. When it read a file
 * half written, it took the cut-off line for a clear-text password and saved its partial view back: a probe adding
 * five users in a row (2026-11-27) found a user named "ssh" with an empty password in the file, and another named
 * after a piece of a password hash. On a copy in the same folder the engine's saves are not the watched file, and the
 * move into place is a rename (no modification event, and every reader sees the old file or the new one, whole).
 */
final class AtomicUserFile implements BackingEngineAccounts.Writes {

    private final Path file;
    private final Function<Path, BackingEngine> engineOn;

    /** {@code engineOn} builds the realm's engine over the given file (the realm's options, another "users"). */
    AtomicUserFile(Path file, Function<Path, BackingEngine> engineOn) {
        this.file = file;
        this.engineOn = engineOn;
    }

    /** The realm's engine, built from its options with the user file replaced by another path. */
    static AtomicUserFile of(Map<String, ?> options, Function<Map<String, ?>, BackingEngine> build) {
        Path file = Path.of(String.valueOf(options.get("users")));
        return new AtomicUserFile(file, path -> {
            Map<String, Object> copy = new HashMap<>(options);
            copy.put("users", path.toString());
            return build.apply(copy);
        });
    }

    /** How often a change starts again when another writer changed the file meanwhile. */
    static final int ATTEMPTS = 10;

    @Override
    public void apply(Consumer<BackingEngine> change) {
        Path target = real(file);
        Path work = target.resolveSibling(target.getFileName() + ".countygrid-new");
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Files.copy(target, work, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                byte[] before = Files.readAllBytes(work);
                change.accept(engineOn.apply(work));
                if (Arrays.equals(Files.readAllBytes(work), before)) {
                    return; // nothing changed: the file is not touched at all
                }
                // Karaf's own writers (jaas: commands, the login module hashing a clear password) still save in place:
                // a copy taken before, or in the middle of, such a save must not replace what it wrote
                if (Arrays.equals(Files.readAllBytes(target), before)) {
                    Files.move(work, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
            throw new IllegalStateException(target + " kept changing while it was being changed; nothing was written");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(work);
            } catch (IOException e) {
                // the next change replaces it
            }
        }
    }

    /** The file itself where etc/users.properties is a link to it: a rename over the link would replace the link. */
    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }
}
