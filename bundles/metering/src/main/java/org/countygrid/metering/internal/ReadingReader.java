package org.countygrid.metering.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.countygrid.metering.internal.ReadingIngest.Lookup;
import org.countygrid.metering.internal.ReadingIngest.SqlWork;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.OfficeCode;

/**
 * Runs an ingest batch's lookups on a read-only connection of its own, on {@code executor}, so that PostgreSQL reads
 * the next chunk's history on one backend while it stores the current chunk on the batch's: with one AMI channel the
 * ingest used one core at a time, the database and the JVM taking turns (bench/README.md). One lookup at a time: the
 * batch asks for the next only after it took the previous one, so the one connection is never used by two threads at
 * once. It sees committed rows only, which is all a chunk's lookups need: chunks hold different meters.
 */
final class ReadingReader implements ReadingIngest.Reader, AutoCloseable {

    private final DataSource dataSource;
    private final OfficeCode office;
    private final ExecutorService executor;
    private Connection connection;
    private ReadingTable table;

    ReadingReader(DataSource dataSource, OfficeCode office, ExecutorService executor) {
        this.dataSource = dataSource;
        this.office = office;
        this.executor = executor;
    }

    /** Lookups on the batch's own table, at once: for batches of one chunk, and outside the pipelined path. */
    static ReadingIngest.Reader inline(ReadingTable table) {
        return work -> {
            try {
                return CompletableFuture.completedFuture(work.run(table));
            } catch (SQLException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    @Override
    public Future<Lookup> lookup(SqlWork<Lookup> work) {
        return executor.submit(() -> work.run(table()));
    }

    private ReadingTable table() throws SQLException {
        if (table == null) {
            connection = dataSource.getConnection();
            connection.setReadOnly(true);
            table = new ReadingTable(connection, office);
        }
        return table;
    }

    /** The batch has taken or awaited every lookup it asked for; the connection goes back to the pool. */
    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
