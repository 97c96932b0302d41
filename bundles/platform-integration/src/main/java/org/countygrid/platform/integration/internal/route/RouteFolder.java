package org.countygrid.platform.integration.internal.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrators' routes folder. Each {@link #scan()} compares the route files with what it saw last time:
 * a new file's routes are added, a changed file's routes replaced, a deleted file's routes removed. A file
 * that fails to load is reported under its name and changes nothing else: the routes of its last good version
 * keep running (or are brought back if they had already been removed), and it is retried only when it
 * changes again. Content is compared, not timestamps, so edits within the same second are seen too.
 */
public class RouteFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFolder.class);

    private final Path folder;
    private final RouteSources sources;
    private final RouteFileParser parser;
    private final RouteLoadErrors errors;
    /** What each file contained at the last scan, loaded or not. */
    private final Map<Path, byte[]> seen = new HashMap<>();
    /** The last content of each file that loaded. */
    private final Map<Path, byte[]> good = new HashMap<>();

    public RouteFolder(Path folder, RouteSources sources, RouteFileParser parser, RouteLoadErrors errors) {
        this.folder = folder;
        this.sources = sources;
        this.parser = parser;
        this.errors = errors;
    }

    public Path folder() {
        return folder;
    }

    /** One pass over the folder; never throws, so a scheduler keeps calling it. */
    public synchronized void scan() {
        List<Path> files = routeFiles();
        if (files == null) {
            return;
        }
        Set<Path> present = new HashSet<>();
        for (Path file : files) {
            present.add(file);
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                // deleted or locked between listing and reading: look again next scan
                continue;
            }
            if (!Arrays.equals(content, seen.get(file))) {
                seen.put(file, content);
                load(file, content);
            }
        }
        for (Path gone : Set.copyOf(seen.keySet())) {
            if (!present.contains(gone)) {
                unload(gone);
            }
        }
    }

    /** Removes the routes of every file, e.g. when the folder stops being watched. */
    public synchronized void unloadAll() {
        for (Path file : Set.copyOf(seen.keySet())) {
            unload(file);
        }
    }

    private void load(Path file, byte[] content) {
        String label = label(file);
        try {
            sources.replace(key(file), label, parser.parse(file, content));
            good.put(file, content);
            errors.clear(label);
        } catch (Exception e) {
            String message = message(e);
            LOG.warn("Route file {} not loaded: {}", file, message);
            errors.report(label, message);
            restoreLastGood(file);
        }
    }

    private void restoreLastGood(Path file) {
        byte[] previous = good.get(file);
        if (previous == null || !sources.routeIds(key(file)).isEmpty()) {
            return;
        }
        try {
            sources.replace(key(file), label(file), parser.parse(file, previous));
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
    }

    /** The route files, none when the folder does not exist, or null when it cannot be read right now. */
    private List<Path> routeFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(RouteFileParser::isRouteFile).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list routes folder {}: {}", folder, e.getMessage());
            return null;
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
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root == e || e.getMessage() == null) {
            return rootMessage;
        }
        return e.getMessage() + " (" + rootMessage + ")";
    }
}
