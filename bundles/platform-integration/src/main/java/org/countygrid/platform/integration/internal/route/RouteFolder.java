package org.countygrid.platform.integration.internal.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.countygrid.platform.integration.internal.domain.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrators' routes folder. Each {@link #scan()} compares the route files with what it saw last time:
 * a new file's routes are added, a changed file's routes replaced, a deleted file's routes removed. A file
 * that fails to load is reported under its name and changes nothing else: the routes of its last good version
 * keep running (or are brought back if they had already been removed), and it is retried when it changes again
 * or when another file changes or goes (which may have been what refused it). Content is compared, not timestamps,
 * so edits within the same second are seen too; files load oldest first.
 * <p>
 * A file is loaded only once it has settled — last written at least {@code settle} ago, or read with the same
 * content at two scans in a row — so a file still being copied in is not deployed cut short. Files that are gone
 * are unloaded before changed ones load, so a file renamed (or a route moved to another file) does not collide with
 * its own old version. While a file's routes are being replaced, {@link RouteSources#changing} holds the relay off,
 * so no event finds the routes of its type missing for a moment and goes to nobody.
 */
public class RouteFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFolder.class);
    /** Camel's words when a route's {@code direct:} endpoint already has its one consumer (in another file). */
    static final String ENDPOINT_TAKEN = "Multiple consumers for the same endpoint";
    /** The endpoint in that message ("… is not allowed: direct://customers.account-opened"). */
    private static final Pattern TAKEN_ENDPOINT = Pattern.compile("not allowed: (\\S+)");

    private final Path folder;
    private final RouteSources sources;
    private final RouteFileParser parser;
    private final RouteLoadErrors errors;
    /** What each file contained at the last scan, loaded or not. */
    private final Map<Path, byte[]> seen = new HashMap<>();
    /** The last content of each file that loaded. */
    private final Map<Path, byte[]> good = new HashMap<>();
    /** Content read at the last scan of a file that had not settled yet. */
    private final Map<Path, byte[]> unsettled = new HashMap<>();
    /** Files whose content at the last scan did not load, with the reason reported. */
    private final Map<Path, String> refused = new HashMap<>();
    /** Of those, the files refused because another source held one of their route ids or endpoints. */
    private final Set<Path> blocked = new HashSet<>();
    /** Files that could not be read, with the reason reported. */
    private final Map<Path, String> unreadable = new HashMap<>();
    private final Duration settle;

    /**
     * Where the names of the files refused for another file's route id or endpoint are kept across a restart (null:
     * nowhere), and those names as the last run left them: at a start they load after the others, so a restart keeps
     * the same file of two conflicting ones running — by the files' times it could not (a file edited after its copy
     * appeared, a copy made with {@code cp -p}: a re-probe saw them swap).
     */
    private final Path refusedFile;
    private Set<String> refusedAtLastStop;
    private Set<String> refusedWritten = Set.of();

    /** A folder whose files load at the first scan that sees them (tests write a file, then scan). */
    public RouteFolder(Path folder, RouteSources sources, RouteFileParser parser, RouteLoadErrors errors) {
        this(folder, sources, parser, errors, Duration.ZERO, null);
    }

    public RouteFolder(Path folder, RouteSources sources, RouteFileParser parser, RouteLoadErrors errors,
            Duration settle, Path refusedFile) {
        this.folder = folder;
        this.sources = sources;
        this.settle = settle;
        this.parser = parser;
        this.errors = errors;
        this.refusedFile = refusedFile;
        this.refusedAtLastStop = readRefused();
        this.refusedWritten = refusedAtLastStop;
    }

    private Set<String> readRefused() {
        if (refusedFile == null || !Files.isRegularFile(refusedFile)) {
            return Set.of();
        }
        try {
            return Set.copyOf(Files.readAllLines(refusedFile, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}; route files load in their usual order", refusedFile, e.getMessage());
            return Set.of();
        }
    }

    /** Keeps the names of the files refused for another file's route id or endpoint, when they changed. */
    private void writeRefused() {
        Set<String> names = new java.util.TreeSet<>();
        blocked.forEach(file -> names.add(file.getFileName().toString()));
        if (refusedFile == null || names.equals(refusedWritten)) {
            return;
        }
        try {
            Files.createDirectories(refusedFile.getParent());
            Path next = refusedFile.resolveSibling(refusedFile.getFileName() + ".new");
            Files.write(next, names, java.nio.charset.StandardCharsets.UTF_8);
            Files.move(next, refusedFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            refusedWritten = Set.copyOf(names);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}; after a restart, of two conflicting route files the older may run",
                    refusedFile, e.getMessage());
        }
    }

    public Path folder() {
        return folder;
    }

    /** One pass over the folder; never throws, so a scheduler keeps calling it. */
    public synchronized void scan() {
        try {
            List<Path> files = routeFiles();
            if (files == null) {
                return;
            }
            Set<Path> present = new HashSet<>(files);
            unsettled.keySet().retainAll(present);
            unreadable.keySet().removeIf(file -> !present.contains(file) && clearError(file));
            Map<Path, byte[]> changed = new LinkedHashMap<>();
            boolean settling = false;
            for (Path file : files) {
                byte[] content = read(file);
                if (content == null || Arrays.equals(content, seen.get(file))) {
                    unsettled.remove(file);
                } else if (settled(file, content)) {
                    unsettled.remove(file);
                    changed.put(file, content);
                } else {
                    unsettled.put(file, content);
                    settling = true;
                }
            }
            List<Path> gone = seen.keySet().stream().filter(file -> !present.contains(file)).toList();
            if (settling && !gone.isEmpty()) {
                // a file renamed, or copied to a new name and the old one deleted: the old routes keep running until
                // the new file has settled, and then give way to it in the same step
                return;
            }
            if (!gone.isEmpty() || !changed.isEmpty()) {
                sources.changing(() -> {
                    apply(gone, changed);
                    retryRefused(changed.keySet());
                });
                writeRefused();
            }
            refusedAtLastStop = Set.of(); // their order matters at the first scan only
        } catch (RuntimeException | LinkageError e) {
            // a stale folder handle, a class gone in a refresh: log it and keep the schedule alive
            LOG.error("Scanning routes folder {} failed: {}", folder, e.toString(), e);
        }
    }

    /**
     * Unloads the files that are gone, then loads the changed ones; a file refused because another file still held
     * one of its route ids (a route moved from a file later in the folder's order) is tried once more at the end.
     */
    private void apply(List<Path> gone, Map<Path, byte[]> changed) {
        gone.forEach(this::unload);
        List<Path> collided = new ArrayList<>();
        changed.forEach((file, content) -> {
            seen.put(file, content);
            if (!load(file, content)) {
                collided.add(file);
            }
        });
        for (Path file : collided) {
            load(file, changed.get(file));
        }
    }

    /**
     * Tries again the files refused earlier because another source held one of their route ids or {@code direct:}
     * endpoints, if they did not change now: that source may just have changed or gone — a copy made first and the
     * original deleted a scan later, a route moved one file at a time. Before, such a file stayed refused until its
     * own content changed, and its subscription got nothing meanwhile. A file refused again for the same reason is
     * not logged or reported anew; a file refused for a fault of its own waits for its own edit.
     */
    private void retryRefused(Set<Path> justLoaded) {
        for (Path file : List.copyOf(blocked)) {
            byte[] content = seen.get(file);
            if (!justLoaded.contains(file) && content != null) {
                load(file, content);
            }
        }
    }

    private boolean settled(Path file, byte[] content) {
        if (settle.isZero() || Arrays.equals(content, unsettled.get(file))) {
            return true; // the same at two scans in a row
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(settle));
        } catch (IOException e) {
            return false;
        }
    }

    /** The file's bytes, or null when it went away meanwhile or cannot be read (reported once under its name). */
    private byte[] read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (unreadable.remove(file) != null) {
                errors.clear(label(file));
            }
            return content;
        } catch (IOException e) {
            if (Files.exists(file)) {
                String message = "cannot be read: " + e;
                if (!message.equals(unreadable.put(file, message))) {
                    LOG.warn("Route file {} {}", file, message);
                    errors.report(label(file), message);
                }
            }
            return null;
        }
    }

    private boolean clearError(Path file) {
        errors.clear(label(file));
        return true;
    }

    /** Removes the routes of every file, e.g. when the folder stops being watched. */
    public synchronized void unloadAll() {
        sources.changing(() -> Set.copyOf(seen.keySet()).forEach(this::unload));
    }

    /** Loads one file; false only when one of its route ids is held by another source (worth a second try). */
    private boolean load(Path file, byte[] content) {
        String label = label(file);
        Set<String> stopped = sources.stoppedRoutes(key(file));
        try {
            sources.replace(key(file), label, parser.parse(file, content));
            good.put(file, content);
            errors.clear(label);
            blocked.remove(file);
            if (refused.remove(file) != null) {
                LOG.info("Route file {} loaded: what refused it before is gone", file);
            }
            return true;
        } catch (Exception e) {
            String message = withConsumer(message(e));
            if (e instanceof RouteIdTaken || message.contains(ENDPOINT_TAKEN)) {
                blocked.add(file);
            } else {
                blocked.remove(file); // a fault of its own: only an edit of the file can mend it
            }
            if (!message.equals(refused.put(file, message))) {
                LOG.warn("Route file {} not loaded: {}", file, message);
                errors.report(label, message);
            }
            restoreLastGood(file, stopped);
            return !(e instanceof RouteIdTaken);
        }
    }

    /** Brings back the routes of the file's last good version, those an admin had stopped stopped again. */
    private void restoreLastGood(Path file, Set<String> stopped) {
        byte[] previous = good.get(file);
        if (previous == null || !sources.routeIds(key(file)).isEmpty()) {
            return;
        }
        try {
            sources.replace(key(file), label(file), parser.parse(file, previous));
            sources.stop(stopped);
            LOG.info("Route file {}: its last good version runs again", file);
        } catch (Exception e) {
            LOG.warn("Route file {}: its last good version could not be restored: {}", file, message(e));
        }
    }

    private void unload(Path file) {
        sources.remove(key(file));
        errors.clear(label(file));
        seen.remove(file);
        good.remove(file);
        refused.remove(file);
        blocked.remove(file);
    }

    /** The route files, none when the folder does not exist, or null when it cannot be read right now. */
    private List<Path> routeFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // at a start, the files refused at the last stop for another file's route id or endpoint last, so the
            // file that ran runs again; then the longest unchanged first: of two files that conflict, the one there
            // before wins (in name order alone, a restart could swap which of the two ran)
            Set<String> last = refusedAtLastStop;
            return files.filter(Files::isRegularFile).filter(RouteFileParser::isRouteFile)
                    .sorted(Comparator.comparing((Path file) -> last.contains(file.getFileName().toString()))
                            .thenComparing(RouteFolder::lastModified).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list routes folder {}: {}", folder, e.getMessage());
            return null;
        }
    }

    /** Camel names the endpoint that has a consumer already, not who consumes it: the message says that too. */
    private String withConsumer(String message) {
        int at = message.indexOf(ENDPOINT_TAKEN);
        if (at < 0) {
            return message;
        }
        Matcher endpoint = TAKEN_ENDPOINT.matcher(message);
        if (!endpoint.find(at)) {
            return message;
        }
        String uri = endpoint.group(1).replaceAll("[).,;]+$", "");
        return sources.consumerOf(uri).map(owner -> message + " — consumed by " + owner).orElse(message);
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone meanwhile: the next scan sees it gone
        }
    }

    private static String key(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    static String label(Path file) {
        return "file " + file.getFileName();
    }

    /** The innermost message says what is wrong with the file; the outer ones only say where it was found. */
    static String message(Throwable e) {
        return Secrets.mask(unmasked(e));
    }

    private static String unmasked(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root == e || e.getMessage() == null) {
            return rootMessage;
        }
        if (e.getMessage().contains(rootMessage)) {
            return e.getMessage(); // Camel's outer messages often repeat the inner one already
        }
        return e.getMessage() + " (" + rootMessage + ")";
    }
}
