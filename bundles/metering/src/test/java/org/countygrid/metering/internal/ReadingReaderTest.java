package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.countygrid.metering.internal.ReadingIngest.Lookup;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a large batch's lookups run: on a second connection with a permit, on the batch's own without one. */
class ReadingReaderTest {

    private static final OfficeCode QS = OfficeCode.of("QS");
    private static final Lookup NOTHING = new Lookup(Map.of(), Map.of());

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> new Thread(r, "lookup-test"));
    private TestDatabase db;
    private Connection own;
    private ReadingTable ownTable;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.create("metering_reader");
        own = db.dataSource().getConnection();
        ownTable = new ReadingTable(own, QS);
    }

    @AfterEach
    void close() throws Exception {
        executor.shutdownNow();
        own.close();
        db.close();
    }

    /** Runs one lookup and tells on which thread and with which table it ran. */
    private static String where(ReadingReader reader, ReadingTable ownTable) throws Exception {
        AtomicReference<String> where = new AtomicReference<>();
        reader.lookup(table -> {
            where.set(Thread.currentThread().getName() + (table == ownTable ? " own" : " second"));
            return NOTHING;
        }).get();
        return where.get();
    }

    @Test
    void withAPermitLookupsRunOnTheirOwnThreadAndConnectionAndThePermitComesBack() throws Exception {
        Semaphore permits = new Semaphore(1);
        try (ReadingReader reader = new ReadingReader(db.dataSource(), QS, executor, permits, ownTable)) {
            assertThat(where(reader, ownTable)).isEqualTo("lookup-test second");
            assertThat(where(reader, ownTable)).isEqualTo("lookup-test second");
            assertThat(permits.availablePermits()).isZero();

            // a second large batch at the same time finds no permit: its lookups run inline on its own connection
            try (ReadingReader other = new ReadingReader(db.dataSource(), QS, executor, permits, ownTable)) {
                assertThat(where(other, ownTable)).isEqualTo(Thread.currentThread().getName() + " own");
            }
            assertThat(permits.availablePermits()).isZero();
        }
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void aBatchArrivingWhileTheServiceClosesLooksUpInline() throws Exception {
        Semaphore permits = new Semaphore(1);
        executor.shutdown();
        try (ReadingReader reader = new ReadingReader(db.dataSource(), QS, executor, permits, ownTable)) {
            assertThat(where(reader, ownTable)).isEqualTo(Thread.currentThread().getName() + " own");
        }
        assertThat(permits.availablePermits()).isEqualTo(1);
    }
}
