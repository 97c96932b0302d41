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
 * connection of the surrounding transaction. The only class of the bundle that needs the PostgreSQL driver's API,
 * whose packages the bundle imports optionally: where they are not wired, {@link ReadingTable} falls back to the
 * JDBC batch.
 */
final class ReadingCopy {

    private static final String SQL = "copy mtr_reading (" + ReadingTable.NEW_ROW_COLUMNS + ") from stdin";
    private static final int CHUNK = 64 * 1024;

    private ReadingCopy() {
    }

    /**
     * Whether the driver's COPY API can be reached through the pool's wrapper of the connection.
     *
     * @throws NoClassDefFoundError when the bundle is not wired to the driver's packages
     */
    static boolean available(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static void copy(Connection connection, String office, List<ReadingTable.Row> rows, Instant ingestedAt) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        try {
            String ingested = timestamp(ingestedAt);
            StringBuilder line = new StringBuilder(128);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK + 256);
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
                    copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                    chunk.reset();
                }
            }
            if (chunk.size() > 0) {
                copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
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
