package org.countygrid.platform.integration.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.countygrid.platform.api.SystemPropertyPlaceholders;
import org.countygrid.platform.integration.internal.route.RouteFileParser;
import org.countygrid.platform.integration.internal.route.RouteFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot-deploys the integrators' route files: scans the routes folder every two seconds. A plain rescan is
 * enough for a folder of a few small files and, unlike a WatchService, also works on network and container
 * file systems that deliver no change events.
 */
@Component(service = {}, immediate = true, configurationPid = IntegrationConfig.PID)
@Designate(ocd = IntegrationConfig.class)
public class RouteFolderWatcher {

    static final long SCAN_MILLIS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(RouteFolderWatcher.class);

    private final RouteFolder folder;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "countygrid-routes-folder");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public RouteFolderWatcher(@Reference CountyGridCamel camel, IntegrationConfig configured, BundleContext bundle) {
        IntegrationConfig config = IntegrationSettings.checked(configured);
        Path path = Path.of(SystemPropertyPlaceholders.resolve(config.routesFolder()));
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            LOG.warn("Routes folder {} does not exist and cannot be created: {}", path, e.getMessage());
        }
        // the names of files refused for another file's route id or endpoint, kept in the bundle's data area so that
        // a restart keeps the same file of two conflicting ones running
        java.io.File refused = bundle.getDataFile("refused-route-files.txt");
        // a file last written within a scan's time is loaded only when the next scan reads it unchanged
        folder = new RouteFolder(path, camel.sources(), new RouteFileParser(camel.camel()), camel.errors(),
                Duration.ofMillis(SCAN_MILLIS), refused == null ? null : refused.toPath());
        scanner.scheduleWithFixedDelay(folder::scan, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for route files", path);
    }

    @Deactivate
    void deactivate() {
        // let a running pass finish: interrupting it mid-route would leave half-done work
        scanner.shutdown();
        try {
            if (!scanner.awaitTermination(10, TimeUnit.SECONDS)) {
                scanner.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        folder.unloadAll();
    }
}
