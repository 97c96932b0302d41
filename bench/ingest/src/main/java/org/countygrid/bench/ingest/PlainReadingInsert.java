package org.countygrid.bench.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

/**
 * The reference: the rows the service stores for valid readings, inserted into {@code mtr_reading} with one
 * prepared statement, one JDBC batch and one commit per batch, and nothing else (no lookups, no validation).
 */
final class PlainReadingInsert implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private final String office;
    private final LocalDateTime ingestedAt;

    PlainReadingInsert(DataSource dataSource, String office, Instant ingestedAt) throws SQLException {
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement("insert into mtr_reading (office, barcode, kind, register, read_at,"
                + " value_hundredths, status, reason, flags, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.office = office;
        this.ingestedAt = LocalDateTime.ofInstant(ingestedAt, ZoneOffset.UTC);
    }

    void insert(List<IntervalReadings.Row> rows) throws SQLException {
        for (IntervalReadings.Row r : rows) {
            insert.setString(1, office);
            insert.setString(2, r.barcode());
            insert.setString(3, "INTERVAL_15");
            insert.setString(4, "TOTAL");
            insert.setObject(5, LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC));
            insert.setLong(6, r.hundredths());
            insert.setString(7, "VALID");
            insert.setString(8, null);
            insert.setString(9, null);
            insert.setObject(10, ingestedAt);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            insert.close();
        }
    }
}
