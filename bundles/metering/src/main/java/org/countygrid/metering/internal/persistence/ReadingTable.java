package org.countygrid.metering.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.domain.Kwh;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.platform.api.OfficeCode;

/**
 * {@code mtr_reading} over plain JDBC on the connection of the surrounding JPA transaction, so the readings commit
 * with the rest of the batch. Bypassing EclipseLink means the office goes into every statement by hand.
 */
public final class ReadingTable {

    static final int BATCH = 1000;

    /** A reading ready to store. */
    public record Row(String barcode, ReadingKind kind, Register register, Instant at, long value, ReadingStatus status,
            String reason, String flags) {
    }

    private final Connection connection;
    private final String office;

    public ReadingTable(Connection connection, OfficeCode office) {
        this.connection = connection;
        this.office = office.value();
    }

    /** Times of the stored readings of one series in [from, to]. */
    public Set<Instant> storedTimes(String barcode, ReadingKind kind, Register register, Instant from, Instant to)
            throws SQLException {
        Set<Instant> times = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("select read_at from mtr_reading where office = ?"
                + " and barcode = ? and kind = ? and register = ? and read_at >= ? and read_at <= ?")) {
            series(ps, barcode, kind, register);
            ps.setObject(5, Columns.of(from));
            ps.setObject(6, Columns.of(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(Columns.instant(rs.getObject(1, java.time.LocalDateTime.class)));
                }
            }
        }
        return times;
    }

    /** The last {@code n} valid or estimated readings of a series before {@code before}, oldest first. */
    public List<Vee.Point> lastValid(String barcode, ReadingKind kind, Register register, Instant before, int n)
            throws SQLException {
        List<Vee.Point> points = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select read_at, value_hundredths from mtr_reading"
                + " where office = ? and barcode = ? and kind = ? and register = ? and read_at < ? and status <> ?"
                + " order by read_at desc")) {
            series(ps, barcode, kind, register);
            ps.setObject(5, Columns.of(before));
            ps.setString(6, ReadingStatus.FAILED.name());
            ps.setMaxRows(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new Vee.Point(Columns.instant(rs.getObject(1, java.time.LocalDateTime.class)), rs.getLong(2)));
                }
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** The valid or estimated readings of a series in [from, to], oldest first. */
    public List<Vee.Point> validBetween(String barcode, ReadingKind kind, Register register, Instant from, Instant to)
            throws SQLException {
        List<Vee.Point> points = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select read_at, value_hundredths from mtr_reading"
                + " where office = ? and barcode = ? and kind = ? and register = ? and read_at >= ? and read_at <= ?"
                + " and status <> ? order by read_at")) {
            series(ps, barcode, kind, register);
            ps.setObject(5, Columns.of(from));
            ps.setObject(6, Columns.of(to));
            ps.setString(7, ReadingStatus.FAILED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new Vee.Point(Columns.instant(rs.getObject(1, java.time.LocalDateTime.class)), rs.getLong(2)));
                }
            }
        }
        return points;
    }

    public void insert(List<Row> rows, Instant ingestedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into mtr_reading (office, barcode, kind, register,"
                + " read_at, value_hundredths, status, reason, flags, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            Object ingested = Columns.of(ingestedAt);
            for (Row r : rows) {
                series(ps, r.barcode(), r.kind(), r.register());
                ps.setObject(5, Columns.of(r.at()));
                ps.setLong(6, r.value());
                ps.setString(7, r.status().name());
                ps.setString(8, r.reason());
                ps.setString(9, r.flags());
                ps.setObject(10, ingested);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    public List<ReadingView> readings(String barcode, ReadingKind kind, Instant from, Instant to, int max)
            throws SQLException {
        List<ReadingView> readings = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select read_at, register, value_hundredths, status,"
                + " reason, flags from mtr_reading where office = ? and barcode = ? and kind = ? and read_at >= ?"
                + " and read_at < ? order by read_at, register")) {
            ps.setString(1, office);
            ps.setString(2, barcode);
            ps.setString(3, kind.name());
            ps.setObject(4, Columns.of(from));
            ps.setObject(5, Columns.of(to));
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readings.add(new ReadingView(barcode, kind, Columns.instant(rs.getObject(1, java.time.LocalDateTime.class)),
                            Register.valueOf(rs.getString(2)), Kwh.of(rs.getLong(3)), ReadingStatus.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return readings;
    }

    private void series(PreparedStatement ps, String barcode, ReadingKind kind, Register register) throws SQLException {
        ps.setString(1, office);
        ps.setString(2, barcode);
        ps.setString(3, kind.name());
        ps.setString(4, register.name());
    }
}
