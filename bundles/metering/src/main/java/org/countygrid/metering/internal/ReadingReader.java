package org.countygrid.metering.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.countygrid.metering.internal.ReadingIngest.Lookup;
import org.countygrid.metering.internal.ReadingIngest.SqlWork;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.OfficeCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ingest batch's lookups on a read-only connection of its own, on {@code executor}, so that PostgreSQL reads
 * the next chunk's history on one backend while it stores the current chunk on the batch's: with one AMI channel the
 * ingest used one core at a time, the database and the JVM taking turns (bench/README.md). One lookup at a time: the
 * batch asks for the next only after it took the previous one, so the one connection is never used by two threads at
 * once. It sees committed rows only, which is all a chunk's lookups need: chunks hold different meters.
 *
 * <p>Such a batch holds two pooled connections, its transaction's and this one. So that batches holding one
 * connection each can never all wait for their second, a batch reads on a second connection only with one of the
 * shared {@code permits} (fewer than the pool's connections); without one, or once the service is closing, its
 * lookups run at once on the batch's own connection, as for a batch of one chunk, which gives the same result.
 */
final class ReadingReader implements ReadingIngest.Reader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingReader.class);

    private final DataSource dataSource;
    private final OfficeCode office;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final ReadingIngest.Reader inline;
    private boolean permitted;
    private boolean refused;
    private Connection connection;
    private ReadingTable table;

    ReadingReader(DataSource dataSource, OfficeCode office, ExecutorService executor, Semaphore permits, ReadingTable own) {
        this.dataSource = dataSource;
        this.office = office;
        this.executor = executor;
        this.permits = permits;
        this.inline = inline(own);
    }

    /** Lookups on the batch's own table, at once: for batches of one chunk, and when no second connection may be used. */
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
        if (!permitted && !refused) {
            permitted = permits.tryAcquire();
            refused = !permitted;
        }
        if (refused) {
            return inline.lookup(work);
        }
        try {
            return executor.submit(() -> work.run(table()));
        } catch (RejectedExecutionException closing) {
            return inline.lookup(work); // the service is being deactivated under this batch
        }
    }

    private ReadingTable table() throws SQLException {
        if (table == null) {
            connection = dataSource.getConnection();
            connection.setReadOnly(true);
            table = new ReadingTable(connection, office);
        }
        return table;
    }

    /**
     * The batch has taken or awaited every lookup it asked for: the connection goes back to the pool and the permit to
     * the others. A failure to close the connection must not fail a batch that is stored already.
     */
    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("The read connection of an ingest batch did not close: {}", e.getMessage());
        } finally {
            if (permitted) {
                permits.release();
            }
        }
    }
}
