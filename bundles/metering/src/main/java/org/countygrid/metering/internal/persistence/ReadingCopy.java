package org.countygrid.metering.internal.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New readings into PostgreSQL's {@code mtr_reading} with {@code COPY … FROM STDIN} in text format, on the
 * connection of the surrounding transaction. One COPY stays open while an ingest batch appends its chunks: each
 * chunk's rows are sent (and flushed) as soon as they are judged, so PostgreSQL stores them while the JVM judges the
 * next chunk, and the batch waits for PostgreSQL only once, at {@link #end()}. The only class of the bundle that
 * needs the PostgreSQL driver's API, whose packages the bundle imports optionally: where they are not wired,
 * {@link ReadingTable} falls back to the JDBC batch.
 */
final class ReadingCopy {

    private static final String SQL = "copy mtr_reading (" + ReadingTable.NEW_ROW_COLUMNS + ") from stdin";
    private static final int CHUNK = 64 * 1024;

    private final CopyIn copy;
    private final String office;
    private final String ingested;
    private final StringBuilder line = new StringBuilder(128);
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK + 256);

    private ReadingCopy(CopyIn copy, String office, Instant ingestedAt) {
        this.copy = copy;
        this.office = office;
        this.ingested = timestamp(ingestedAt);
    }

    /**
     * Whether the driver's COPY API can be reached through the pool's wrapper of the connection.
     *
     * @throws NoClassDefFoundError when the bundle is not wired to the driver's packages
     */
    static boolean available(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /** Starts a COPY on the connection; until {@link #end()} or {@link #cancel()} the connection runs nothing else. */
    static ReadingCopy open(Connection connection, String office, Instant ingestedAt) throws SQLException {
        return new ReadingCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL), office, ingestedAt);
    }

    /** Sends the rows, all of them: PostgreSQL goes on storing them while the caller does something else. */
    void append(List<ReadingTable.Row> rows) throws SQLException {
        for (ReadingTable.Row r : rows) {
            line.setLength(0);
            text(line, office).append('\t');
            text(line, r.barcode()).append('\t');
            line.append(r.kind().name()).append('\t');
            line.append(r.register().name()).append('\t');
            line.append(timestamp(r.at())).append('\t');
            line.append(r.value()).append('\t');
            line.append(r.status().name()).append('\t');
            text(line, r.reason()).append('\t');
            text(line, r.flags()).append('\t');
            line.append(ingested).append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            chunk.write(bytes, 0, bytes.length);
            if (chunk.size() >= CHUNK) {
                send();
            }
        }
        send();
        copy.flushCopy();
    }

    /** Waits until PostgreSQL has stored every row; a broken key or constraint surfaces here. */
    void end() throws SQLException {
        send();
        copy.endCopy();
    }

    /** After a failure: the transaction is rolled back anyway, the connection must leave COPY mode first. */
    void cancel() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the connection is broken; the pool finds out when it gets it back
            }
        }
    }

    private void send() throws SQLException {
        if (chunk.size() > 0) {
            copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
            chunk.reset();
        }
    }

    /** A value in COPY's text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    static StringBuilder text(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }

    /** A TIMESTAMP column's value as PostgreSQL reads it (UTC, like every time column, see {@link Columns}). */
    static String timestamp(Instant at) {
        LocalDateTime t = Columns.of(at);
        return t.toLocalDate() + " " + t.toLocalTime();
    }
}
