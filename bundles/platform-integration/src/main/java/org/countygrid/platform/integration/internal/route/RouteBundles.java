package org.countygrid.platform.integration.internal.route;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender for routes shipped in bundles: a CountyGrid bundle that carries route files (YAML or XML DSL, as in
 * the routes folder) under {@value #FOLDER} has them added while it is active and removed when it stops. This is how
 * the wirings between modules come: readable route files, in a bundle that a feature installs only where both of
 * its modules are (Karaf's {@code <conditional>}).
 */
public final class RouteBundles implements BundleTrackerCustomizer<List<String>> {

    /** Where in a bundle its route files are. */
    public static final String FOLDER = "OSGI-INF/routes";

    /** Only our own bundles are looked into: Karaf's hundreds of others cost boot time for nothing. */
    private static final String OWN_BUNDLES = "org.countygrid.";

    /** What adds and removes the routes of one source (a key) shown under a label. */
    public interface Target {
        void add(String key, String label, RoutesBuilder builder);

        void remove(String key);

        /** A route file that could not be read or parsed. */
        void failed(String key, String label, Exception e);
    }

    /** Parses one route file; a failure is the target's to report under the file's label. */
    public interface Parser {
        RoutesBuilder parse(Path file, byte[] content) throws Exception;
    }

    private final Parser parser;
    private final Target target;

    public RouteBundles(Parser parser, Target target) {
        this.parser = parser;
        this.target = target;
    }

    @Override
    public List<String> addingBundle(Bundle bundle, BundleEvent event) {
        String name = bundle.getSymbolicName();
        if (name == null || !name.startsWith(OWN_BUNDLES)) {
            return null;
        }
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*", false);
        if (entries == null) {
            return null;
        }
        List<URL> files = new ArrayList<>(Collections.list(entries).stream()
                .filter(url -> RouteFileParser.isRouteFile(Path.of(fileName(url)))).toList());
        if (files.isEmpty()) {
            return null;
        }
        files.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        List<String> keys = new ArrayList<>();
        for (URL url : files) {
            String file = fileName(url);
            String key = "bundle:" + bundle.getBundleId() + ":" + file;
            String label = "bundle " + name + " " + file;
            keys.add(key);
            try {
                target.add(key, label, parser.parse(Path.of(FOLDER, file), read(url)));
            } catch (Exception e) {
                target.failed(key, label, e);
            }
        }
        return keys;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
        // route files of a bundle change only with the bundle, which stops and starts
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
        keys.forEach(target::remove);
    }

    private static String fileName(URL url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
