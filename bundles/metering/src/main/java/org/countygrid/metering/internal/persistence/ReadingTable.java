package org.countygrid.metering.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.domain.Installations;
import org.countygrid.metering.internal.domain.Kwh;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.platform.api.OfficeCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mtr_reading} over plain JDBC on the connection of the surrounding JPA transaction, so the readings commit
 * with the rest of the batch, and the meter lookups an ingest batch needs, in one query each for the whole batch.
 * Bypassing EclipseLink means the office goes into every statement by hand.
 */
public final class ReadingTable {

    static final int BATCH = 1000;
    /** The columns a new reading fills, in the order of the JDBC insert and of COPY ({@link ReadingCopy}). */
    static final String NEW_ROW_COLUMNS = "office, barcode, kind, register, read_at, value_hundredths, status, reason,"
            + " flags, ingested_at";

    private static final Logger LOG = LoggerFactory.getLogger(ReadingTable.class);
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
    private static volatile boolean copyUnavailable;

    /** A reading ready to store. */
    public record Row(String barcode, ReadingKind kind, Register register, Instant at, long value, ReadingStatus status,
            String reason, String flags) {
    }

    /** A stored reading of a series with its verdict (reason and flags only where asked for). */
    public record Stored(Instant at, long value, ReadingStatus status, String reason, String flags) {
    }

    /** The key of a stored reading. */
    public record Key(String barcode, ReadingKind kind, Register register, Instant at) {
    }

    private final Connection connection;
    private final String office;
    private Boolean postgres;

    public ReadingTable(Connection connection, OfficeCode office) {
        this.connection = connection;
        this.office = office.value();
    }

    /**
     * The meters of the office among {@code barcodes}, each with its installation periods (none when it was never
     * installed); a barcode that is no meter of the office is missing. One query for the whole batch.
     */
    public Map<String, Installations> meters(Collection<String> barcodes) throws SQLException {
        Map<String, List<Installations.Period>> periods = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("select b.barcode, i.installed_at, i.removed_at"
                + " from unnest(?) b(barcode)" + perMeter("join", "mtr_meter", "m", "m.office = ? and m.barcode = b.barcode")
                + perMeter("left join", "mtr_installation", "i", "i.office = ? and i.barcode = b.barcode"))) {
            ps.setArray(1, barcodes(barcodes));
            ps.setString(2, office);
            ps.setString(3, office);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Installations.Period> list = periods.computeIfAbsent(rs.getString(1), b -> new ArrayList<>());
                    Instant installed = Columns.instant(rs.getObject(2, LocalDateTime.class));
                    if (installed != null) {
                        list.add(new Installations.Period(installed, Columns.instant(rs.getObject(3, LocalDateTime.class))));
                    }
                }
            }
        }
        Map<String, Installations> meters = new HashMap<>();
        periods.forEach((barcode, list) -> meters.put(barcode, new Installations(list)));
        return meters;
    }

    /**
     * Every stored reading, failed ones too, in [from, to] of the series (barcode, kind, register) of each of
     * {@code barcodes}, by barcode, with its status but without reason and flags (null): what judging new readings
     * needs. One query for many series instead of queries per series.
     */
    public Map<String, List<Stored>> stored(Collection<String> barcodes, ReadingKind kind, Register register,
            Instant from, Instant to) throws SQLException {
        return select(false, barcodes, kind, register, from, to);
    }

    /** As {@link #stored}, with reason and flags: the readings judged again after a late one. */
    public Map<String, List<Stored>> storedVerdicts(Collection<String> barcodes, ReadingKind kind, Register register,
            Instant from, Instant to) throws SQLException {
        return select(true, barcodes, kind, register, from, to);
    }

    private Map<String, List<Stored>> select(boolean verdicts, Collection<String> barcodes, ReadingKind kind,
            Register register, Instant from, Instant to) throws SQLException {
        String sql = "select b.barcode, r.read_at, r.value_hundredths, r.status" + (verdicts ? ", r.reason, r.flags" : "")
                + " from unnest(?) b(barcode)"
                + perMeter("join", "mtr_reading", "r", "r.office = ? and r.barcode = b.barcode and r.kind = ?"
                        + " and r.register = ? and r.read_at >= ? and r.read_at <= ?");
        Map<String, List<Stored>> stored = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, barcodes(barcodes));
            ps.setString(2, office);
            ps.setString(3, kind.name());
            ps.setString(4, register.name());
            ps.setObject(5, Columns.of(from));
            ps.setObject(6, Columns.of(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), b -> new ArrayList<>()).add(new Stored(
                            Columns.instant(rs.getObject(2, LocalDateTime.class)), rs.getLong(3),
                            ReadingStatus.valueOf(rs.getString(4)), verdicts ? rs.getString(5) : null,
                            verdicts ? rs.getString(6) : null));
                }
            }
        }
        return stored;
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

    /**
     * The rows of one series a reading at {@code before} is judged against when estimates may lie between: from the
     * {@code n}-th last valid point at or before the last VALID (real) reading before {@code before}, up to
     * {@code before}. Three queries; only for a reading that arrived late.
     */
    public List<Stored> historyBefore(String barcode, ReadingKind kind, Register register, Instant before, int n)
            throws SQLException {
        Instant anchor = null;
        try (PreparedStatement ps = connection.prepareStatement("select max(read_at) from mtr_reading where office = ?"
                + " and barcode = ? and kind = ? and register = ? and read_at < ? and status = ?")) {
            series(ps, barcode, kind, register);
            ps.setObject(5, Columns.of(before));
            ps.setString(6, ReadingStatus.VALID.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    anchor = Columns.instant(rs.getObject(1, LocalDateTime.class));
                }
            }
        }
        if (anchor == null) {
            return List.of();
        }
        Instant oldest = anchor;
        try (PreparedStatement ps = connection.prepareStatement("select read_at from mtr_reading where office = ?"
                + " and barcode = ? and kind = ? and register = ? and read_at <= ? and status <> ? order by read_at desc")) {
            series(ps, barcode, kind, register);
            ps.setObject(5, Columns.of(anchor));
            ps.setString(6, ReadingStatus.FAILED.name());
            ps.setMaxRows(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    oldest = Columns.instant(rs.getObject(1, LocalDateTime.class));
                }
            }
        }
        return stored(List.of(barcode), kind, register, oldest, before).getOrDefault(barcode, List.of());
    }

    /** Stores the new verdicts of stored readings (value and ingestion time stay). */
    public void update(List<Row> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update mtr_reading set status = ?, reason = ?, flags = ?"
                + " where office = ? and barcode = ? and kind = ? and register = ? and read_at = ?")) {
            for (Row r : rows) {
                ps.setString(1, r.status().name());
                ps.setString(2, r.reason());
                ps.setString(3, r.flags());
                ps.setString(4, office);
                ps.setString(5, r.barcode());
                ps.setString(6, r.kind().name());
                ps.setString(7, r.register().name());
                ps.setObject(8, Columns.of(r.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes estimates (the caller passes only those). */
    public void delete(List<Key> keys) throws SQLException {
        delete(keys, ReadingStatus.ESTIMATED);
    }

    /** Deletes the rows at these keys that have {@code status}: estimates, or failed readings sent again. */
    public void delete(List<Key> keys, ReadingStatus status) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("delete from mtr_reading where office = ? and barcode = ?"
                + " and kind = ? and register = ? and read_at = ? and status = ?")) {
            for (Key k : keys) {
                series(ps, k.barcode(), k.kind(), k.register());
                ps.setObject(5, Columns.of(k.at()));
                ps.setString(6, status.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** For a batch that appends its readings chunk by chunk: see {@link Appender}. */
    public Appender appender(Instant ingestedAt) {
        return new Appender(ingestedAt);
    }

    /**
     * Appends one batch's new readings in chunks. On PostgreSQL with {@code COPY … FROM STDIN} ({@link ReadingCopy}):
     * one write per 64 KiB of rows and no statement per row, which took about a third off the ingest's time
     * (bench/README.md); the primary key still refuses a duplicate, which rolls the whole batch back. One COPY stays
     * open from the first chunk to {@link #flush()}, and PostgreSQL stores each chunk while the batch judges the next;
     * elsewhere each chunk is a JDBC batch at once. {@link #flush()} before anything else runs on the connection (deletes and updates of a late
     * reading) and at the end; {@link #close()} after a failure leaves COPY mode.
     */
    public final class Appender implements AutoCloseable {

        private final Instant ingestedAt;
        private ReadingCopy copy;

        private Appender(Instant ingestedAt) {
            this.ingestedAt = ingestedAt;
        }

        public void append(List<Row> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            if (isPostgres() && copy()) {
                if (copy == null) {
                    copy = ReadingCopy.open(connection, office, ingestedAt);
                }
                copy.append(rows);
            } else {
                batchInsert(rows, ingestedAt);
            }
        }

        /** Waits until every row appended so far is stored; then the connection is free for other statements. */
        public void flush() throws SQLException {
            if (copy != null) {
                ReadingCopy open = copy;
                copy = null;
                try {
                    open.end();
                } catch (SQLException | RuntimeException e) {
                    open.cancel();
                    throw e;
                }
            }
        }

        @Override
        public void close() {
            if (copy != null) {
                copy.cancel();
                copy = null;
            }
        }
    }

    private void batchInsert(List<Row> rows, Instant ingestedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into mtr_reading (" + NEW_ROW_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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

    private java.sql.Array barcodes(Collection<String> barcodes) throws SQLException {
        return connection.createArrayOf("varchar", new LinkedHashSet<>(barcodes).toArray());
    }

    /**
     * Joins {@code table alias} for each barcode {@code b.barcode} of an {@code unnest(?) b(barcode)}, so that both
     * databases probe the table's key once per meter whatever their statistics. With {@code barcode in (...)} H2
     * scans the office's whole index (it uses an IN list only on an index's first column, here the office), and
     * PostgreSQL, before the table is analyzed, filters all the office's rows or hash-joins them. Hence a lateral
     * subquery on PostgreSQL ({@code offset 0} keeps it from being flattened into a join the planner may hash),
     * and a plain join on H2, which has no LATERAL and nests the loop over the array itself.
     */
    private String perMeter(String join, String table, String alias, String condition) throws SQLException {
        return isPostgres()
                ? " " + join + " lateral (select * from " + table + " " + alias + " where " + condition + " offset 0) "
                        + alias + " on true"
                : " " + join + " " + table + " " + alias + " on " + condition;
    }

    private boolean copy() throws SQLException {
        boolean copy = false;
        if (!copyUnavailable) {
            try {
                copy = ReadingCopy.available(connection);
            } catch (LinkageError e) {
                copyUnavailable = true; // the PostgreSQL driver's packages are not wired to this bundle
            }
        }
        if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.info(copy ? "Readings are stored into PostgreSQL with COPY"
                    : "Readings are stored into PostgreSQL with JDBC batches: the driver's COPY API cannot be reached");
        }
        return copy;
    }

    private boolean isPostgres() throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    private void series(PreparedStatement ps, String barcode, ReadingKind kind, Register register) throws SQLException {
        ps.setString(1, office);
        ps.setString(2, barcode);
        ps.setString(3, kind.name());
        ps.setString(4, register.name());
    }
}
