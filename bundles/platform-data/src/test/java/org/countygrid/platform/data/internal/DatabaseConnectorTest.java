package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that does not answer when the node starts is tried again, and the modules get it when it answers. */
class DatabaseConnectorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");

    private final List<Long> delays = new ArrayList<>();
    private final List<DatabaseService> published = new ArrayList<>();
    private final AtomicInteger withdrawn = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    private DatabaseConnector connector(DataSource ds) {
        return new DatabaseConnector(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/countygrid?password=secret", "user", "countygrid"),
                ds, DatabaseService::new, service -> {
                    published.add(service);
                    return withdrawn::incrementAndGet;
                }, released::incrementAndGet, Clock.fixed(NOW, ZoneOffset.UTC), delays::add);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsTriedAgainAndPublishedWhenItDoes() {
        RefusingDataSource ds = new RefusingDataSource(TestDatabases.h2());
        DatabaseConnector connector = connector(ds);
        assertThat(connector.blocker()).contains("the database is being opened");

        connector.attempt();
        connector.attempt();
        connector.attempt();

        DatabaseConnector.Status status = connector.status();
        assertThat(status.connected()).isFalse();
        assertThat(status.failures()).isEqualTo(3);
        assertThat(status.since()).isEqualTo(NOW);
        assertThat(status.error()).isEqualTo("Connection to 127.0.0.1:5432 refused (SQLSTATE 08001)");
        assertThat(status.nextTry()).isEqualTo(NOW.plusSeconds(10));
        assertThat(delays).containsExactly(2L, 5L, 10L);
        assertThat(published).isEmpty();
        assertThat(connector.database()).isEmpty();
        // health is public: neither the host nor the driver's words
        assertThat(connector.blocker()).hasValueSatisfying(b -> assertThat(b)
                .isEqualTo("the database cannot be opened (3 tries since 2026-11-28T05:00:00Z; data:info and the node's log say why)"));
        assertThat(connector.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/countygrid?password=***");
        assertThat(connector.user()).isEqualTo("countygrid");

        connector.attempt();
        connector.attempt();
        assertThat(delays).containsExactly(2L, 5L, 10L, 30L, 30L);

        ds.answering.set(true);
        connector.attempt();

        assertThat(published).hasSize(1);
        assertThat(connector.database()).containsSame(published.get(0));
        assertThat(connector.status().connected()).isTrue();
        assertThat(connector.blocker()).isEmpty();
        assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_outbox_cursor")).isEqualTo(1);
        assertThat(delays).hasSize(5);

        connector.attempt(); // a late scheduled try once open: nothing happens twice
        assertThat(published).hasSize(1);

        // PostgreSQL stopped under a running node: health says so until it answers again; the modules stay
        ds.answering.set(false);
        connector.check();
        connector.check();
        assertThat(connector.blocker()).contains("the database does not answer (since 2026-11-28T05:00:00Z; data:info and the node's log say why)");
        assertThat(connector.status().error()).isEqualTo("Connection to 127.0.0.1:5432 refused (SQLSTATE 08001)");
        assertThat(connector.database()).isPresent();
        ds.answering.set(true);
        connector.check();
        assertThat(connector.blocker()).isEmpty();
        assertThat(published).hasSize(1);

        connector.deactivate();
        assertThat(withdrawn).hasValue(1);
        assertThat(released).hasValue(1);
        assertThat(connector.database()).isEmpty();
    }

    @Test
    void aTryAfterTheConnectorWasStoppedPublishesNothing() {
        RefusingDataSource ds = new RefusingDataSource(TestDatabases.h2());
        DatabaseConnector connector = connector(ds);
        connector.attempt();
        connector.deactivate();
        ds.answering.set(true);

        connector.attempt();

        assertThat(published).isEmpty();
        assertThat(withdrawn).hasValue(0);
        assertThat(released).hasValue(1);
        assertThat(delays).containsExactly(2L);
    }

    @Test
    void theErrorIsTheDriversOwnWords() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { TestDatabases.PG_HOST });
        ds.setPortNumbers(new int[] { TestDatabases.PG_PORT });
        ds.setDatabaseName("countygrid_never_created");
        ds.setUser("postgres");
        try (TestDatabases.PostgresSchema server = TestDatabases.postgres()) {
            // skipped where no PostgreSQL answers; the server is there, the database is not
        }
        DatabaseConnector connector = connector(ds);

        connector.attempt();

        assertThat(connector.status().error()).contains("countygrid_never_created", "does not exist", "(SQLSTATE 3D000)");
    }
}
