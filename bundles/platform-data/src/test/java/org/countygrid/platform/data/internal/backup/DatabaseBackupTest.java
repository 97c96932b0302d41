package org.countygrid.platform.data.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.countygrid.platform.data.internal.DatabaseService;
import org.countygrid.platform.data.internal.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a real H2 file database, restored the way the README tells county IT to. */
class DatabaseBackupTest {

    @TempDir
    Path work;

    private final List<JdbcDataSource> opened = new ArrayList<>();
    private final Ticking clock = new Ticking(Instant.parse("2026-11-27T18:30:00Z")); // 02:30 on the 28th, China time

    @AfterEach
    void shutDown() throws SQLException {
        for (JdbcDataSource ds : opened) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void aBackupIsAWholeZipThatRestoresTheDatabase() throws Exception {
        DatabaseService db = new DatabaseService(h2(work.resolve("h2")));
        execute(db, "INSERT INTO cg_office (code, name, kind) VALUES ('QS', '青山县供电公司', 'COUNTY')");
        DatabaseBackup backup = new DatabaseBackup(db, clock, work.resolve("backup"), 7, "");

        BackupResult result = backup.backUp();

        Path zip = result.backup().file();
        assertThat(zip.getFileName().toString()).isEqualTo("countygrid-20261128-023000.zip");
        assertThat(result.backup().bytes()).isEqualTo(Files.size(zip)).isPositive();
        assertThat(result.removed()).isEmpty();
        try (var files = Files.list(work.resolve("backup"))) {
            assertThat(files).containsExactly(zip); // no .part left
        }
        // restore: unzip into an empty folder, open it
        Path restored = work.resolve("restored");
        unzip(zip, restored);
        assertThat(restored.resolve("countygrid.mv.db")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + restored.resolve("countygrid"), "countygrid", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM cg_office WHERE code = 'QS'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("青山县供电公司");
            st.execute("SHUTDOWN");
        }
    }

    @Test
    void keepsTheNewestAndLeavesOtherFilesAlone() throws Exception {
        DatabaseService db = new DatabaseService(h2(work.resolve("h2")));
        Path folder = work.resolve("backup");
        Files.createDirectories(folder);
        Path foreign = Files.writeString(folder.resolve("before-upgrade.zip"), "kept by county IT");
        Path cutOff = Files.writeString(folder.resolve("countygrid-20261101-023000.zip.part"), "half written");
        DatabaseBackup backup = new DatabaseBackup(db, clock, folder, 2, "");

        Path first = backup.backUp().backup().file();
        clock.advance(86_400);
        Path second = backup.backUp().backup().file();
        clock.advance(86_400);
        BackupResult third = backup.backUp();

        assertThat(third.removed()).containsExactly(first);
        assertThat(backup.list()).extracting(BackupFile::file).containsExactly(second, third.backup().file());
        assertThat(foreign).exists();
        assertThat(cutOff).doesNotExist();
        assertThat(second.getFileName().toString()).isEqualTo("countygrid-20261129-023000.zip");
    }

    @Test
    void twoBackupsInOneSecondGetTwoNames() throws Exception {
        DatabaseService db = new DatabaseService(h2(work.resolve("h2")));
        Clock stopped = Clock.fixed(Instant.parse("2026-11-27T18:30:00Z"), ZoneId.of("UTC"));
        DatabaseBackup backup = new DatabaseBackup(db, stopped, work.resolve("backup"), 7, "");

        Path one = backup.backUp().backup().file();
        Path two = backup.backUp().backup().file();

        assertThat(one.getFileName().toString()).isEqualTo("countygrid-20261128-023000.zip");
        assertThat(two.getFileName().toString()).isEqualTo("countygrid-20261128-023000-1.zip");
        assertThat(backup.list()).hasSize(2);
    }

    @Test
    void postgresqlIsBackedUpOnItsServer() {
        try (TestDatabases.PostgresSchema pg = TestDatabases.postgres()) { // skips without a server
            DatabaseBackup backup = new DatabaseBackup(new DatabaseService(pg.dataSource()), clock, work.resolve("backup"),
                    7, "02:30");

            assertThat(backup.nextNightly()).isEmpty();
            assertThatThrownBy(backup::backUp).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("is PostgreSQL, not the embedded H2").hasMessageContaining("pg_dump");
            assertThat(work.resolve("backup")).doesNotExist();
        }
    }

    @Test
    void theNightlyTimeIsHoursAndMinutesInChinaTime() throws Exception {
        assertThat(DatabaseBackup.parseTime(" 02:30 ")).contains(LocalTime.of(2, 30));
        assertThat(DatabaseBackup.parseTime("")).isEmpty();
        assertThatThrownBy(() -> DatabaseBackup.parseTime("25:99")).hasMessage(
                "org.countygrid.platform.data.backup: dailyAt must be HH:mm (e.g. 02:30) or empty, not '25:99'");
        assertThatThrownBy(() -> DatabaseBackup.parseTime("2:30")).isInstanceOf(IllegalArgumentException.class);
        ZonedDateTime evening = ZonedDateTime.of(2026, 11, 27, 21, 0, 0, 0, DatabaseBackup.ZONE);
        assertThat(DatabaseBackup.nextRun(evening, LocalTime.of(2, 30)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 28, 2, 30, 0, 0, DatabaseBackup.ZONE));
        assertThat(DatabaseBackup.nextRun(evening.withHour(1), LocalTime.of(2, 30)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, 2, 30, 0, 0, DatabaseBackup.ZONE));

        DatabaseService db = new DatabaseService(h2(work.resolve("h2")));
        DatabaseBackup nightly = new DatabaseBackup(db, clock, work.resolve("backup"), 7, "03:00");
        try {
            assertThat(nightly.nextNightly()).contains(ZonedDateTime.of(2026, 11, 28, 3, 0, 0, 0, DatabaseBackup.ZONE));
        } finally {
            nightly.stop();
        }
        assertThatThrownBy(() -> new DatabaseBackup(db, clock, work.resolve("backup"), 0, ""))
                .hasMessageContaining("keep must be 1-365");
    }

    private JdbcDataSource h2(Path folder) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + folder.resolve("countygrid"));
        ds.setUser("countygrid");
        opened.add(ds);
        return ds;
    }

    private static void execute(DatabaseService db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Files.copy(z, into.resolve(e.getName()));
            }
        }
    }

    /** A clock the test moves on; backups take their names from it. */
    private static final class Ticking extends Clock {
        private Instant now;

        Ticking(Instant start) {
            this.now = start;
        }

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            Ticking self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
