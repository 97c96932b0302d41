package org.countygrid.platform.web.internal.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.jline.reader.LineReader;

/**
 * Gives this shell session the user's own history file, {@code data/history/<user>.history} (owner-readable only).
 * Karaf's line reader keeps one history file for every user of the node, so staff would see — with ↑ — the command
 * lines of county IT. {@code etc/shell.init.script} runs this at every interactive login; a session without a line
 * reader (a command given to {@code bin/client}) has no history to move.
 */
@Service
@Command(scope = "staff", name = "own-history", description = "Keeps this shell session's history in the user's own file "
        + "(etc/shell.init.script runs it at login)")
public class OwnHistoryCommand implements Action {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        if (!(session.get(".reader") instanceof LineReader reader) || !(session.get("USER") instanceof String user)) {
            return null;
        }
        Path file = historyFile(Paths.get(System.getProperty("karaf.data", "data")), user);
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply
            }
        }
        reader.setVariable(LineReader.HISTORY_FILE, file);
        reader.getHistory().load(); // drops what was read from the shared file, reads the user's own
        return null;
    }

    /** The user's history file under {@code data}; a name that is not a plain login gets a name of its own kind. */
    static Path historyFile(Path data, String user) {
        String name = SAFE_NAME.matcher(user).matches() && !user.startsWith(".") ? user : "user-" + sha256(user).substring(0, 32);
        return data.resolve("history").resolve(name + ".history");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
