package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.countygrid.platform.api.health.ReadinessCheck;
import org.countygrid.platform.data.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database on the pax-jdbc DataSource and keeps trying while it cannot: the platform's migration runs on
 * a thread of its own, and only when it has succeeded is the {@link DatabaseService} registered (as
 * {@link Database} for the modules and under its own class for this bundle). A database that does not answer when
 * the node starts — PostgreSQL started after the node, a wrong password being fixed — is tried again after 2, 5, 10
 * and then every 30 seconds; the modules come up as soon as it answers, without a restart. Until then GET
 * /api/health names it as the blocker and {@code data:info} shows the error.
 */
@Component(service = { ReadinessCheck.class, DatabaseConnector.class }, immediate = true, configurationPid = DatabaseService.PID)
@Designate(ocd = DataConfig.class)
public final class DatabaseConnector implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnector.class);

    /** Seconds before the next try after the 1st, 2nd, 3rd, … failure; the last applies from then on. */
    static final long[] RETRY_SECONDS = { 2, 5, 10, 30 };

    /** Once open, how often the node checks that the database still answers (for health). */
    static final long WATCH_SECONDS = 15;

    /**
     * What the node knows about its database at a moment: not connected yet ({@code error} the last try's, null before
     * the first), or connected ({@code error} null while it answers, else why not since {@code since}).
     */
    public record Status(boolean connected, int failures, Instant since, String error, Instant nextTry) {
    }

    private final Map<String, ?> properties;
    private final DataSource dataSource;
    private final Function<DataSource, DatabaseService> opener;
    private final Function<DatabaseService, Runnable> publisher;
    private final Runnable release;
    private final Clock clock;
    private final LongConsumer retry;
    private final ScheduledExecutorService scheduler;
    private volatile Status status;
    private Runnable unpublish;
    private DatabaseService service;
    private boolean closed;

    @Activate
    public DatabaseConnector(@Reference(name = "dataSource", target = DataConfig.DEFAULT_TARGET) ServiceReference<DataSource> reference,
            BundleContext context) {
        this(propertiesOf(reference), context.getService(reference), ds -> new DatabaseService(ds, context),
                opened -> register(context, opened), () -> ungetQuietly(context, reference), Clock.systemUTC(), null);
        scheduler.execute(this::attempt);
    }

    /**
     * For tests, without OSGi: {@code opener} opens the database (the platform's migration), {@code publisher} makes
     * it available and returns how to withdraw it; {@code retry} is told the delay of each next try (null: the
     * connector's own thread tries then).
     */
    public DatabaseConnector(Map<String, ?> properties, DataSource dataSource, Function<DataSource, DatabaseService> opener,
            Function<DatabaseService, Runnable> publisher, Runnable release, Clock clock, LongConsumer retry) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.opener = opener;
        this.publisher = publisher;
        this.release = release;
        this.clock = clock;
        this.retry = retry;
        this.status = new Status(false, 0, clock.instant(), null, null);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "countygrid-database");
            t.setDaemon(true);
            return t;
        });
    }

    /** One try to open the database; on failure the next one is scheduled. */
    public void attempt() {
        synchronized (this) {
            if (closed || service != null) {
                return;
            }
        }
        DatabaseService opened;
        try {
            // one connection first: the migration asks the pool several times, each a wait of the pool's timeout
            answers();
            opened = opener.apply(dataSource);
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return;
        }
        int failures = status.failures();
        synchronized (this) {
            if (closed) {
                opened.deactivate();
                return;
            }
            service = opened;
            status = new Status(true, 0, clock.instant(), null, null);
            LOG.info("Database open: {} {}{}; the modules start on it", opened.productName(), url(),
                    failures > 0 ? " (after " + failures + (failures == 1 ? " failed try)" : " failed tries)") : "");
            // registering starts the modules on this thread: their "Opened unit" lines follow this one
            unpublish = publisher.apply(opened);
        }
        if (retry == null) {
            try {
                scheduler.scheduleWithFixedDelay(this::check, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivated meanwhile
            }
        }
    }

    /**
     * Once open: whether the database still answers (one connection from the pool, checked). A database gone away
     * (PostgreSQL stopped) makes health 503 until it answers again; the modules stay, and the pool reconnects.
     */
    public void check() {
        Status before = status;
        if (!before.connected()) {
            return;
        }
        try {
            answers();
            if (before.error() != null) {
                status = new Status(true, 0, clock.instant(), null, null);
                LOG.info("The database {} answers again", url());
            }
        } catch (SQLException | RuntimeException e) {
            String error = reason(e);
            if (before.error() == null) {
                status = new Status(true, 1, clock.instant(), error, null);
                LOG.error("The database {} does not answer: {}. Requests that need it are answered 503 until it does; checked every {} s",
                        url(), error, WATCH_SECONDS);
            } else {
                status = new Status(true, before.failures() + 1, before.since(), error, null);
            }
        }
    }

    /** One connection from the pool, checked: throws when the database does not answer. */
    private void answers() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new SQLException("the connection does not answer", "08006");
            }
        }
    }

    private void failed(Exception e) {
        Status before = status;
        int failures = before.failures() + 1;
        long delay = RETRY_SECONDS[Math.min(failures, RETRY_SECONDS.length) - 1];
        Instant now = clock.instant();
        String error = reason(e);
        status = new Status(false, failures, failures == 1 ? now : before.since(), error, now.plusSeconds(delay));
        if (!error.equals(before.error())) {
            // a new reason is worth its lines; the same one every 30 s is not
            long every = RETRY_SECONDS[RETRY_SECONDS.length - 1];
            LOG.error("The database {} cannot be opened: {}. Trying again in {} s{}; the modules wait for it (data:info shows this too)",
                    url(), error, delay, delay < every ? ", then after longer waits up to every " + every + " s" : " and every " + every + " s after that");
            LOG.debug("Why the database cannot be opened", e);
        } else {
            LOG.debug("The database {} still cannot be opened ({} tries): {}", url(), failures, error);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (retry != null) {
                retry.accept(delay);
            } else {
                scheduler.schedule(this::attempt, delay, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The deepest SQLException among the causes (else the deepest cause), where the driver says what is wrong ("Connection refused", "password
     * authentication failed", "database … does not exist"), with its SQLSTATE.
     */
    public static String reason(Throwable e) {
        Throwable deepest = e;
        SQLException sql = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            deepest = t;
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        Throwable told = sql != null ? sql : deepest;
        String message = told.getMessage() != null ? told.getMessage().strip() : told.getClass().getSimpleName();
        if (told instanceof SQLException s && s.getSQLState() != null) {
            message += " (SQLSTATE " + s.getSQLState() + ")";
        }
        return message;
    }

    @Override
    public Optional<String> blocker() {
        Status now = status;
        if (now.connected()) {
            return now.error() == null ? Optional.empty()
                    : Optional.of("the database does not answer (since " + now.since().truncatedTo(ChronoUnit.SECONDS)
                            + "; data:info and the node's log say why)");
        }
        if (now.failures() == 0) {
            return Optional.of("the database is being opened");
        }
        // anyone who reaches the port reads health: the error itself (host, user) stays in data:info and the log
        return Optional.of("the database cannot be opened (" + now.failures() + (now.failures() == 1 ? " try" : " tries") + " since "
                + now.since().truncatedTo(ChronoUnit.SECONDS) + "; data:info and the node's log say why)");
    }

    public Status status() {
        return status;
    }

    /** The registered service once the database is open, else empty. */
    public synchronized Optional<DatabaseService> database() {
        return Optional.ofNullable(service);
    }

    /** The configured URL (password hidden), known without a connection: pax-jdbc-config's service property. */
    public String url() {
        return DatabaseDescription.withoutPassword(text(properties.get("url")));
    }

    public String user() {
        return text(properties.get("user"));
    }

    public String pool() {
        return DatabaseDescription.poolOf(dataSource);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @Deactivate
    void deactivate() {
        Runnable toWithdraw;
        DatabaseService toClose;
        synchronized (this) {
            closed = true;
            toWithdraw = unpublish;
            toClose = service;
            unpublish = null;
            service = null;
        }
        scheduler.shutdownNow();
        if (toWithdraw != null) {
            toWithdraw.run();
        }
        if (toClose != null) {
            toClose.deactivate();
        }
        release.run();
    }

    private static Map<String, Object> propertiesOf(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    private static Runnable register(BundleContext context, DatabaseService opened) {
        ServiceRegistration<?> registration = context.registerService(
                new String[] { Database.class.getName(), DatabaseService.class.getName() }, opened, null);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        };
    }

    private static void ungetQuietly(BundleContext context, ServiceReference<?> reference) {
        try {
            context.ungetService(reference);
        } catch (IllegalStateException stopping) {
            // the bundle context is no longer valid while the bundle stops
        }
    }

}
