package org.countygrid.platform.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.countygrid.platform.api.health.ReadinessCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why there is no DataSource at all — the datasource file missing, a driver name mistyped, no url — where
 * pax-jdbc-config itself says nothing (a driver it does not find it just waits for) or names neither file nor key.
 * While the DataSource is missing for more than {@link #GRACE_SECONDS} s, health names it, data:info tells the
 * reason and the log has one ERROR per distinct reason. With a DataSource, {@link DatabaseConnector} takes over.
 */
@Component(service = { ReadinessCheck.class, DataSourceDiagnosis.class }, immediate = true, configurationPid = DatabaseService.PID)
public final class DataSourceDiagnosis implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceDiagnosis.class);

    static final String FILE = "org.ops4j.datasource-countygrid.cfg";
    static final long GRACE_SECONDS = 10;
    private static final String DRIVER_SERVICE = "org.osgi.service.jdbc.DataSourceFactory";
    private static final String DRIVER_NAME = "osgi.jdbc.driver.name";

    private volatile DataSource dataSource;

    private final Path file;
    private final Supplier<List<String>> drivers;
    private final long since = System.nanoTime();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "countygrid-datasource-check");
        t.setDaemon(true);
        return t;
    });
    private String logged;

    @Activate
    public DataSourceDiagnosis(BundleContext context) {
        this(Path.of(System.getProperty("karaf.etc", "etc"), FILE), () -> installedDrivers(context));
        watcher.scheduleWithFixedDelay(this::watch, GRACE_SECONDS, GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** For tests: the datasource file and the names of the installed JDBC drivers. */
    public DataSourceDiagnosis(Path file, Supplier<List<String>> drivers) {
        this.file = file;
        this.drivers = drivers;
    }

    @Reference(name = "dataSource", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = DataConfig.DEFAULT_TARGET)
    public void bindDataSource(DataSource bound) {
        this.dataSource = bound;
    }

    public void unbindDataSource(DataSource gone) {
        if (this.dataSource == gone) {
            this.dataSource = null;
        }
    }

    @Override
    public Optional<String> blocker() {
        if (dataSource != null) {
            return Optional.empty();
        }
        if (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(GRACE_SECONDS)) {
            return Optional.of("the database's DataSource is being made");
        }
        return Optional.of("the database is not configured (data:info and the node's log say why)");
    }

    /** Why there is no DataSource, for data:info; empty while there is one. */
    public Optional<String> problem() {
        return dataSource != null ? Optional.empty() : Optional.of(reason());
    }

    public Path file() {
        return file;
    }

    void watch() {
        if (dataSource != null) {
            logged = null;
            return;
        }
        String reason = reason();
        if (!reason.equals(logged)) {
            LOG.error("No database: {}. The node waits for it; fix the file and it is read again at once (no restart)", reason);
            logged = reason;
        }
    }

    /** What is wrong with the datasource file, as far as it can be told from the file and the installed drivers. */
    String reason() {
        String name = "etc/" + FILE;
        if (!Files.isRegularFile(file)) {
            return name + " is missing: copy it back from a fresh unpack of the distribution (or " + FILE
                    + ".postgresql) and set its url, user and .password";
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return name + " cannot be read: " + e.getMessage();
        }
        String sourceName = p.getProperty("dataSourceName", "").strip();
        if (!"countygrid".equals(sourceName)) {
            return name + " must keep 'dataSourceName = countygrid'" + (sourceName.isEmpty() ? ", which it lacks" : ", not '" + sourceName + "'");
        }
        String driver = p.getProperty(DRIVER_NAME, "").strip();
        List<String> installed = drivers.get();
        if (driver.isEmpty() && p.getProperty("osgi.jdbc.driver.class", "").isBlank()) {
            return name + " names no driver: set " + DRIVER_NAME + " to one of " + String.join(", ", installed);
        }
        if (!driver.isEmpty() && !installed.contains(driver)) {
            return name + ": " + DRIVER_NAME + " = '" + driver + "' is no installed JDBC driver; installed: " + String.join(", ", installed);
        }
        String url = p.getProperty("url", "").strip();
        if (url.isEmpty()) {
            return name + " has no url: set url = jdbc:postgresql://<host>:5432/<database> (or the shipped H2 url)";
        }
        if (!url.startsWith("jdbc:")) {
            return name + ": url = '" + DatabaseDescription.withoutPassword(url) + "' is not a JDBC URL (jdbc:postgresql://<host>:5432/<database>, jdbc:h2:…)";
        }
        return "pax-jdbc-config has not made the DataSource of " + name + " (its lines in the node's log say why)";
    }

    private static List<String> installedDrivers(BundleContext context) {
        List<String> names = new ArrayList<>();
        try {
            ServiceReference<?>[] references = context.getServiceReferences(DRIVER_SERVICE, null);
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                Object driver = reference.getProperty(DRIVER_NAME);
                if (driver != null) {
                    names.add(String.valueOf(driver));
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // the bundle is stopping
        }
        names.sort(null);
        return names;
    }

    @Deactivate
    void deactivate() {
        watcher.shutdownNow();
    }
}
