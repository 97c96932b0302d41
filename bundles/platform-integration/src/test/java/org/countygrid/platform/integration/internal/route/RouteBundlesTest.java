package org.countygrid.platform.integration.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Vector;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The extender for route files in bundles, with the real parser, on bundles whose entries are files of a folder. */
class RouteBundlesTest {

    @TempDir
    Path dir;

    private CamelContext camel;
    private final List<String> added = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private RouteBundles extender;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        extender = new RouteBundles(new RouteFileParser(camel)::parse, new RouteBundles.Target() {
            @Override
            public void add(String key, String label, RoutesBuilder builder) {
                try {
                    camel.addRoutes(builder);
                } catch (Exception e) {
                    throw new IllegalStateException(e); // as RouteSources does: the extender reports it as failed
                }
                added.add(key + " = " + label);
            }

            @Override
            public void remove(String key) {
                removed.add(key);
            }

            @Override
            public void failed(String key, String label, Exception e) {
                failed.add(key + " = " + label + ": " + e.getClass().getSimpleName());
            }
        });
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void addsTheRouteFilesOfACountyGridBundleInNameOrderAndRemovesThemWithTheBundle() throws Exception {
        Files.writeString(dir.resolve("b-second.xml"), RouteFolderTest.xml("wiring-b", "direct:b", "B"));
        Files.writeString(dir.resolve("a-first.yaml"), RouteFolderTest.yaml("wiring-a", "direct:a", "A"));
        Files.writeString(dir.resolve("README.txt"), "not a route file");
        Bundle wiring = bundle("org.countygrid.wiring.customers.metering", 42);

        List<String> keys = extender.addingBundle(wiring, null);

        assertThat(keys).containsExactly("bundle:42:a-first.yaml", "bundle:42:b-second.xml");
        assertThat(added).containsExactly(
                "bundle:42:a-first.yaml = bundle org.countygrid.wiring.customers.metering a-first.yaml",
                "bundle:42:b-second.xml = bundle org.countygrid.wiring.customers.metering b-second.xml");
        assertThat(camel.createProducerTemplate().requestBody("direct:a", "x", String.class)).isEqualTo("A");
        assertThat(camel.createProducerTemplate().requestBody("direct:b", "x", String.class)).isEqualTo("B");
        assertThat(failed).isEmpty();

        extender.removedBundle(wiring, null, keys);

        assertThat(removed).containsExactlyElementsOf(keys);
    }

    @Test
    void aBrokenFileIsReportedUnderItsLabelAndTheOthersStillLoad() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "- route: [this is not a route", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("good.yaml"), RouteFolderTest.yaml("wiring-good", "direct:good", "ok"));

        List<String> keys = extender.addingBundle(bundle("org.countygrid.wiring.x", 7), null);

        assertThat(keys).containsExactly("bundle:7:broken.yaml", "bundle:7:good.yaml");
        assertThat(failed).singleElement().asString().startsWith("bundle:7:broken.yaml = bundle org.countygrid.wiring.x broken.yaml: ");
        assertThat(added).containsExactly("bundle:7:good.yaml = bundle org.countygrid.wiring.x good.yaml");
    }

    @Test
    void otherBundlesAndBundlesWithoutRouteFilesAreNotTracked() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), RouteFolderTest.yaml("foreign", "direct:foreign", "no"));

        assertThat(extender.addingBundle(bundle("org.apache.camel.camel-core", 3), null)).isNull();
        assertThat(extender.addingBundle(bundle(null, 4), null)).isNull();
        Files.delete(dir.resolve("a.yaml"));
        Files.writeString(dir.resolve("notes.md"), "no routes here");
        assertThat(extender.addingBundle(bundle("org.countygrid.customers", 5), null)).isNull();
        assertThat(added).isEmpty();
    }

    /** A bundle whose {@value RouteBundles#FOLDER} holds the files of {@link #dir}; nothing else is asked of it. */
    private Bundle bundle(String symbolicName, long id) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> id;
                    case "findEntries" -> {
                        assertThat(args[0]).isEqualTo(RouteBundles.FOLDER);
                        Vector<URL> urls = new Vector<>();
                        try (var files = Files.list(dir)) {
                            for (Path f : files.toList()) {
                                urls.add(f.toUri().toURL());
                            }
                        }
                        yield urls.isEmpty() ? null : Collections.enumeration(urls);
                    }
                    case "toString" -> "bundle " + symbolicName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
