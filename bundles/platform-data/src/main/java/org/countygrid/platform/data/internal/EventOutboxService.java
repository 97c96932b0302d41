package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.SubscriberCursors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox table read by the relay. {@code seq} is taken when a row is inserted, so of two transactions the one
 * that inserted later may commit first; the publication order is therefore given afterwards, to committed rows only:
 * {@link #pending} numbers the committed rows that have no position yet, in {@code seq} order, from the one-row
 * cursor {@code cg_outbox_cursor}, whose row lock makes the relays of several nodes on one database number one
 * after the other. Events are then handed out by that position, which is the envelope's {@code sequence}: unique
 * and rising in the order of publication, so a subscriber may keep it as a high-water mark. An event written after
 * another one committed (the events of one aggregate, or a reaction to an event) always gets the higher position.
 */
@Component(service = { EventOutbox.class, EventHistory.class, SubscriberCursors.class })
public class EventOutboxService implements EventOutbox, EventHistory, SubscriberCursors {

    private static final String ANY_UNNUMBERED = "SELECT seq FROM cg_outbox WHERE published_at IS NULL "
            + "AND pub_position IS NULL ORDER BY seq LIMIT 1";
    private static final String LOCK_CURSOR = "SELECT last_position FROM cg_outbox_cursor WHERE id = 1 FOR UPDATE";
    private static final String UNNUMBERED = "SELECT seq FROM cg_outbox WHERE published_at IS NULL AND pub_position IS NULL "
            + "ORDER BY seq LIMIT ?";
    private static final String NUMBER = "UPDATE cg_outbox SET pub_position = ? WHERE seq = ?";
    private static final String MOVE_CURSOR = "UPDATE cg_outbox_cursor SET last_position = ? WHERE id = 1";
    private static final String PENDING = "SELECT pub_position, type, version, office, subject, occurred_at, payload "
            + "FROM cg_outbox WHERE published_at IS NULL AND pub_position IS NOT NULL ORDER BY pub_position LIMIT ?";

    private static final String PUBLISHED = "SELECT pub_position, type, version, office, subject, occurred_at, payload "
            + "FROM cg_outbox WHERE type = ? AND published_at IS NOT NULL AND occurred_at >= ? AND pub_position > ? "
            + "ORDER BY pub_position LIMIT ?";

    private static final String HELD = "SELECT subscription, type, after_position, failures, last_error, last_error_at, "
            + "held_since FROM cg_outbox_held ORDER BY subscription";
    private static final String HOLD_AGAIN = "UPDATE cg_outbox_held SET after_position = ?, failures = failures + 1, "
            + "last_error = ?, last_error_at = ? WHERE subscription = ?";
    private static final String HOLD = "INSERT INTO cg_outbox_held (subscription, type, after_position, failures, "
            + "last_error, last_error_at, held_since) VALUES (?, ?, ?, 1, ?, ?, ?)";
    private static final String ADVANCE = "UPDATE cg_outbox_held SET after_position = ?, failures = 0 WHERE subscription = ?";
    private static final String RELEASE = "DELETE FROM cg_outbox_held WHERE subscription = ?";
    /** The column's width: a longer message (a stack of causes) is cut, never refused. */
    private static final int ERROR_LENGTH = 1000;

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
        try (Connection c = dataSource.getConnection()) {
            number(c, max);
            try (PreparedStatement ps = c.prepareStatement(PENDING)) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    return envelopes(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public List<EventEnvelope> published(String type, Instant since, long after, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more, got " + max);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PUBLISHED)) {
            ps.setString(1, type);
            ps.setObject(2, since.atOffset(ZoneOffset.UTC));
            ps.setLong(3, after);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                return envelopes(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public long countPublished(String type, long after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM cg_outbox WHERE type = ? AND published_at IS NOT NULL AND pub_position > ?")) {
            ps.setString(1, type);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }

    private static List<EventEnvelope> envelopes(ResultSet rs) throws SQLException {
        List<EventEnvelope> events = new ArrayList<>();
        while (rs.next()) {
            events.add(new EventEnvelope(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)));
        }
        return events;
    }

    /** Gives the next positions to up to {@code max} committed rows that have none, oldest insertion first. */
    private static void number(Connection c, int max) throws SQLException {
        try (PreparedStatement any = c.prepareStatement(ANY_UNNUMBERED); ResultSet rs = any.executeQuery()) {
            if (!rs.next()) {
                return; // the relay's idle tick takes no lock (on PostgreSQL a row lock is a write)
            }
        }
        inTransaction(c, tx -> {
            long last;
            try (PreparedStatement lock = tx.prepareStatement(LOCK_CURSOR); ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("cg_outbox_cursor has no row 1; the platform's changelog did not run");
                }
                last = rs.getLong(1);
            }
            List<Long> unnumbered = new ArrayList<>();
            try (PreparedStatement ps = tx.prepareStatement(UNNUMBERED)) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unnumbered.add(rs.getLong(1));
                    }
                }
            }
            if (!unnumbered.isEmpty()) {
                try (PreparedStatement ps = tx.prepareStatement(NUMBER)) {
                    for (long seq : unnumbered) {
                        ps.setLong(1, ++last);
                        ps.setLong(2, seq);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = tx.prepareStatement(MOVE_CURSOR)) {
                    ps.setLong(1, last);
                    ps.executeUpdate();
                }
            }
        });
    }

    @Override
    public void markPublished(long sequence) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE cg_outbox SET published_at = ? WHERE pub_position = ? AND published_at IS NULL")) {
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

    @Override
    public List<Held> held() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HELD);
                ResultSet rs = ps.executeQuery()) {
            List<Held> held = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime errorAt = rs.getObject(6, OffsetDateTime.class);
                held.add(new Held(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                        errorAt == null ? null : errorAt.toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("held subscribers unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void hold(String subscription, String type, long after, String error, Instant at) {
        String message = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        write(subscription, "not held", c -> {
            try (PreparedStatement again = c.prepareStatement(HOLD_AGAIN)) {
                again.setLong(1, after);
                again.setString(2, message);
                again.setObject(3, when);
                again.setString(4, subscription);
                if (again.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement hold = c.prepareStatement(HOLD)) {
                hold.setString(1, subscription);
                hold.setString(2, type);
                hold.setLong(3, after);
                hold.setString(4, message);
                hold.setObject(5, when);
                hold.setObject(6, when);
                hold.executeUpdate();
            }
        });
    }

    @Override
    public void advance(String subscription, long after) {
        write(subscription, "not advanced", c -> {
            try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
                ps.setLong(1, after);
                ps.setString(2, subscription);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void release(String subscription) {
        write(subscription, "not released", c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
                ps.setString(1, subscription);
                ps.executeUpdate();
            }
        });
    }

    private interface Work {
        void on(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed also where the pool hands out connections without auto-commit. */
    private static void inTransaction(Connection c, Work work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.on(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** One write of a held subscriber, in its own transaction. */
    private void write(String subscription, String failure, Work write) {
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, write);
        } catch (SQLException e) {
            throw new IllegalStateException("subscriber " + subscription + " " + failure + ": " + e.getMessage(), e);
        }
    }
}
