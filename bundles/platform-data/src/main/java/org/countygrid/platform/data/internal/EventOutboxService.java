package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox table read by the relay. Sequence order is insertion order; two transactions changing the same
 * aggregate at once are kept in order by the optimistic lock (@Version) of the aggregate, which fails the later one.
 */
@Component(service = EventOutbox.class)
public class EventOutboxService implements EventOutbox {

    private static final String PENDING = "SELECT seq, type, version, office, subject, occurred_at, payload FROM cg_outbox "
            + "WHERE published_at IS NULL ORDER BY seq LIMIT ?";

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public EventOutboxService(@Reference DatabaseService database) {
        this(database.dataSource(), Clock.systemUTC());
    }

    EventOutboxService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public List<EventEnvelope> pending(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more, got " + max);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PENDING)) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                List<EventEnvelope> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new EventEnvelope(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void markPublished(long sequence) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE cg_outbox SET published_at = ? WHERE seq = ? AND published_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, sequence);
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit(); // a pool configured without auto-commit would otherwise roll this back on return
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox event " + sequence + " not marked: " + e.getMessage(), e);
        }
    }

    @Override
    public long pendingCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cg_outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }
}
