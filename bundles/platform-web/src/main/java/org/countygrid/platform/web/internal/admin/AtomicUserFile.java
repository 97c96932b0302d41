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

    @Override
    public void apply(Consumer<BackingEngine> change) {
        Path work = file.resolveSibling(file.getFileName() + ".countygrid-new");
        try {
            Files.copy(file, work, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            change.accept(engineOn.apply(work));
            if (Arrays.equals(Files.readAllBytes(work), Files.readAllBytes(file))) {
                Files.delete(work); // nothing changed: the file is not touched at all
            } else {
                Files.move(work, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(work);
            } catch (IOException e) {
                // the next change replaces it
            }
        }
    }
}
