package org.countygrid.platform.data.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.internal.DataSourceDiagnosis;
import org.countygrid.platform.data.internal.DatabaseConnector;
import org.countygrid.platform.data.internal.DatabaseService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DataInfoCommandTest {

    @Test
    void showsTheDatabaseAndTheOutboxBacklog() throws SQLException {
        JdbcDataSource ds = h2("jdbc:h2:mem:info-test;DB_CLOSE_DELAY=-1");

        String text = run(ds, 1, new FixedOutbox(7));

        assertThat(text).contains("Database", "H2 2.2.224", "jdbc:h2:mem:info-test", "SA", "JdbcDataSource");
        assertThat(text).containsPattern("Unpublished events\\s*\\|\\s*7");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @Test
    void showsWhyTheDatabaseCannotBeOpenedWithoutOne() {
        // H2 refuses to create a database where the URL says it must exist
        JdbcDataSource ds = h2("jdbc:h2:mem:absent;IFEXISTS=TRUE");

        String text = run(ds, 2, null);

        assertThat(text).contains("CANNOT BE OPENED: 2 tries since 2026-11-28T05:00:00Z, the next at 2026-11-28T05:00:05Z; the modules wait for it",
                "Database \"mem:absent\" not found", "jdbc:h2:tcp://db.example/countygrid", "countygrid", "JdbcDataSource");
        assertThat(text).doesNotContain("Unpublished events");
    }

    @Test
    void showsWhatIsWrongInTheDatasourceFileWithoutADataSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path etc) throws Exception {
        java.nio.file.Path file = etc.resolve("org.ops4j.datasource-countygrid.cfg");
        java.nio.file.Files.writeString(file, "osgi.jdbc.driver.name = PostgreSQL JDBC Drvier\ndataSourceName = countygrid\nurl = jdbc:postgresql://x/y\n");
        DataInfoCommand command = new DataInfoCommand();
        command.diagnosis = new DataSourceDiagnosis(file, () -> List.of("H2 JDBC Driver", "PostgreSQL JDBC Driver"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);

        command.execute();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT CONFIGURED: etc/org.ops4j.datasource-countygrid.cfg: osgi.jdbc.driver.name"
                + " = 'PostgreSQL JDBC Drvier' is no installed JDBC driver; installed: H2 JDBC Driver, PostgreSQL JDBC Driver", file.toString());
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    /** data:info on a DataSource after {@code attempts} tries of the connector to open it. */
    private static String run(DataSource ds, int attempts, EventOutbox outbox) {
        DataInfoCommand command = new DataInfoCommand();
        command.diagnosis = configured(ds);
        command.connector = connector(ds);
        for (int i = 0; i < attempts; i++) {
            command.connector.attempt();
        }
        command.outbox = outbox;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DataSourceDiagnosis configured(DataSource ds) {
        DataSourceDiagnosis diagnosis = new DataSourceDiagnosis(java.nio.file.Path.of("etc", "absent.cfg"), List::of);
        diagnosis.bindDataSource(ds);
        return diagnosis;
    }

    private static DatabaseConnector connector(DataSource ds) {
        return new DatabaseConnector(Map.of("url", "jdbc:h2:tcp://db.example/countygrid", "user", "countygrid"), ds, DatabaseService::new,
                opened -> () -> { }, () -> { }, Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC), delay -> { });
    }

    /** The command only counts; the outbox itself is tested against real databases. */
    private record FixedOutbox(long count) implements EventOutbox {
        @Override
        public List<EventEnvelope> pending(int max) {
            return List.of();
        }

        @Override
        public void markPublished(long sequence) {
        }

        @Override
        public long pendingCount() {
            return count;
        }
    }
}
