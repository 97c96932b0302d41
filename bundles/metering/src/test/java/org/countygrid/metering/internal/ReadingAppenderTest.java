package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.internal.DatabaseService;
import org.countygrid.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A batch appends its chunks to one open COPY on PostgreSQL (a JDBC batch per chunk elsewhere): a duplicate key in a
 * later chunk fails the batch, and the rollback takes the earlier chunks with it. On in-memory H2 by default, on
 * PostgreSQL with {@code -Dcountygrid.test.postgres}.
 */
class ReadingAppenderTest {

    private static final OfficeCode QS = OfficeCode.of("QS");
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    private static List<ReadingTable.Row> rows(String barcode, int from, int to) {
        List<ReadingTable.Row> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(new ReadingTable.Row(barcode, ReadingKind.INTERVAL_15, Register.TOTAL,
                    T0.plus(Duration.ofMinutes(15L * i)), 100 + i, ReadingStatus.VALID, null, null));
        }
        return rows;
    }

    @Test
    void chunksCommitTogetherAndADuplicateInALaterChunkRollsBackTheEarlierOnes() throws SQLException {
        try (TestDatabase db = TestDatabase.create("metering_appender")) {
            DatabaseService database = new DatabaseService(db.dataSource());
            ModuleStore store = database.open(MeteringUnit.UNIT, getClass().getClassLoader(), MeteringUnit.CHANGELOG);
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                ReadingTable table = new ReadingTable(c, QS);
                try (ReadingTable.Appender appender = table.appender(T0)) {
                    appender.append(rows("3300000000000000000001", 0, 9));
                    appender.append(rows("3300000000000000000002", 0, 9));
                    appender.flush(); // the connection is free again: a late reading's delete could run here
                    assertThat(count(c)).isEqualTo(20);
                    appender.append(rows("3300000000000000000003", 0, 4));
                    appender.flush();
                }
                c.commit();
                assertThat(count(c)).isEqualTo(25);

                assertThatThrownBy(() -> {
                    try (ReadingTable.Appender appender = table.appender(T0)) {
                        appender.append(rows("3300000000000000000004", 0, 9)); // new
                        appender.append(rows("3300000000000000000003", 4, 6)); // 4 is stored already
                        appender.flush();
                    }
                }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
                c.rollback();
                assertThat(count(c)).isEqualTo(25); // nothing of the failed batch, its first chunk neither
            } finally {
                store.close();
            }
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from mtr_reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
