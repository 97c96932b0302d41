package org.countygrid.platform.data.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.countygrid.platform.data.internal.DatabaseService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up the embedded H2 database while the node runs: H2's {@code BACKUP TO} writes a consistent copy of the
 * database file into a zip, first under a {@code .part} name and then renamed, so a zip with the final name is always
 * whole. Nightly at {@code dailyAt} (China time) and on demand ({@code data:backup}); after a successful backup the
 * oldest of this component's zips beyond {@code keep} are deleted. One backup at a time. On PostgreSQL it refuses
 * and says to use pg_dump: a server database is backed up by the server's tools, not by one of its clients.
 */
@Component(service = DatabaseBackup.class, immediate = true, configurationPid = DatabaseBackup.PID)
@Designate(ocd = BackupConfig.class)
public class DatabaseBackup {

    public static final String PID = "org.countygrid.platform.data.backup";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Pattern OURS = Pattern.compile("countygrid-\\d{8}-\\d{6}(-\\d{1,3})?\\.zip");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String PART = ".part";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);

    private final DatabaseService database;
    private final Clock clock;
    private final Path folder;
    private final int keep;
    private final Optional<LocalTime> dailyAt;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "countygrid-backup");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastNightly = "none yet";

    @Activate
    public DatabaseBackup(@Reference DatabaseService database, BackupConfig config) {
        this(database, Clock.systemUTC(), folderOf(config.folder()), config.keep(), config.dailyAt());
    }

    DatabaseBackup(DatabaseService database, Clock clock, Path folder, int keep, String dailyAt) {
        if (keep < 1 || keep > 365) {
            throw new IllegalArgumentException(PID + ": keep must be 1-365, not " + keep);
        }
        this.database = database;
        this.clock = clock;
        this.folder = folder.toAbsolutePath().normalize();
        this.keep = keep;
        this.dailyAt = parseTime(dailyAt);
        if (this.dailyAt.isPresent() && isH2()) {
            scheduleNext(ZonedDateTime.now(clock.withZone(ZONE)));
        } else if (this.dailyAt.isPresent()) {
            LOG.info("No nightly backup by the node: the database is {}; back it up with pg_dump", database.productName());
        }
    }

    /** Empty for an empty value; a value that is not HH:mm stops the component with a message naming the key. */
    static Optional<LocalTime> parseTime(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.strip(), DateTimeFormatter.ofPattern("HH:mm")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PID + ": dailyAt must be HH:mm (e.g. 02:30) or empty, not '" + value + "'");
        }
    }

    private static Path folderOf(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "backup");
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    public Path folder() {
        return folder;
    }

    public int keep() {
        return keep;
    }

    /** When the next nightly backup runs (China time), empty when none is scheduled. */
    public Optional<ZonedDateTime> nextNightly() {
        return dailyAt.filter(t -> isH2()).map(t -> nextRun(ZonedDateTime.now(clock.withZone(ZONE)), t));
    }

    /** What the last nightly backup did, for {@code data:backup-list}. */
    public String lastNightly() {
        return lastNightly;
    }

    public boolean isH2() {
        return "H2".equals(database.productName());
    }

    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.with(at).withSecond(0).withNano(0);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    /**
     * Schedules the next nightly backup at the first {@code dailyAt} after {@code notBefore} and after now. The timer
     * waits on the monotonic clock, the plan is on the wall clock: after a run the next is planned from the run's own
     * plan plus a minute, so a wall clock stepped back meanwhile (an NTP step) cannot make the same night run twice.
     */
    private void scheduleNext(ZonedDateTime notBefore) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
        ZonedDateTime next = nextRun(notBefore.isAfter(now) ? notBefore : now, dailyAt.orElseThrow());
        try {
            timer.schedule(() -> nightly(next), Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the component is going away
        }
    }

    private void nightly(ZonedDateTime planned) {
        try {
            BackupResult result = backUp();
            lastNightly = "written " + result.backup().file().getFileName() + " at " + result.backup().written();
        } catch (RuntimeException e) {
            lastNightly = "FAILED at " + clock.instant() + ": " + e.getMessage();
            LOG.error("The nightly backup of the database failed: {}", e.getMessage(), e);
        } finally {
            scheduleNext(planned.plusMinutes(1));
        }
    }

    /** Writes a backup now and prunes the oldest; refused on PostgreSQL and while another backup runs. */
    public BackupResult backUp() {
        if (!isH2()) {
            throw new BackupRefusedException("the database is " + database.productName()
                    + ", not the embedded H2: back it up on its server, e.g. pg_dump -Fc -f " + database.databaseName() + ".dump "
                    + database.databaseName());
        }
        if (!running.tryLock()) {
            throw new BackupRefusedException("a backup is running; wait until it has finished");
        }
        try {
            return write();
        } finally {
            running.unlock();
        }
    }

    private BackupResult write() {
        long start = System.nanoTime();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BackupRefusedException("cannot create the backup folder " + folder + ": " + e, e);
        }
        removeParts();
        Path target = freeName(NAME.format(ZonedDateTime.now(clock.withZone(ZONE))));
        Path part = target.resolveSibling(target.getFileName() + PART);
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            deleteQuietly(part);
            throw new BackupRefusedException("the backup into " + folder + " failed: " + e.getMessage(), e);
        }
        BackupFile written = describe(target).orElseThrow(() -> new BackupRefusedException(target + " vanished"));
        List<Path> removed;
        try {
            removed = prune();
        } catch (RuntimeException e) { // the backup is whole; only the old ones stay longer
            LOG.warn("Backup {} written, but the oldest could not be removed: {}", target, e.toString());
            removed = List.of();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Database backed up to {} ({} bytes) in {} ms{}", target, written.bytes(), millis,
                removed.isEmpty() ? "" : "; removed the oldest: " + removed.stream().map(Path::getFileName).toList());
        return new BackupResult(written, millis, removed);
    }

    /** The backups in the folder that this component wrote (by their name), oldest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupFile> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path file : dir) {
                if (OURS.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    describe(file).ifPresent(files::add); // one deleted meanwhile (pruned) is not listed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        files.sort(Comparator.comparing(BackupFile::written).thenComparing(f -> f.file().getFileName().toString()));
        return files;
    }

    private List<Path> prune() {
        List<BackupFile> files = list();
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < files.size() - keep; i++) {
            Path old = files.get(i).file();
            if (deleteQuietly(old)) {
                removed.add(old);
            }
        }
        return removed;
    }

    /** Two backups in the same second get -1, -2 … after the time. */
    private Path freeName(String stamp) {
        Path candidate = folder.resolve("countygrid-" + stamp + ".zip");
        for (int n = 1; Files.exists(candidate) && n < 1000; n++) {
            candidate = folder.resolve("countygrid-" + stamp + "-" + n + ".zip");
        }
        return candidate;
    }

    /** A part left by a backup cut off (a crash, a full disk) is not a backup: it goes before the next one. */
    private void removeParts() {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "countygrid-*.zip" + PART)) {
            for (Path part : dir) {
                deleteQuietly(part);
            }
        } catch (IOException e) {
            LOG.warn("Cannot look for unfinished backups in {}: {}", folder, e.toString());
        }
    }

    /** Empty for a file deleted since it was listed. */
    private static Optional<BackupFile> describe(Path file) {
        try {
            return Optional.of(new BackupFile(file, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.toString());
            return false;
        }
    }
}
