package org.countygrid.platform.data.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.internal.DatabaseService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DataInfoCommandTest {

    @Test
    void showsTheDatabaseAndTheOutboxBacklog() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:info-test;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        DataInfoCommand command = new DataInfoCommand();
        command.database = new DatabaseService(ds);
        command.outbox = new FixedOutbox(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);

        command.execute();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Database", "H2 2.2.224", "jdbc:h2:mem:info-test", "SA", "JdbcDataSource");
        assertThat(text).containsPattern("Unpublished events\\s*\\|\\s*7");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
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
