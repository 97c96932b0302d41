package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.internal.DatabaseService;
import org.countygrid.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A county upgrading the metering feature: its database was made by an older version (changeSets up to
 * metering-5), holds terminals and readings, and the current changelog runs at the bundle's next start. Nothing
 * may be lost, and the current code must work on what the upgrade left (H2 here; PostgreSQL with
 * {@code -Dcountygrid.test.postgres}).
 */
class MeteringUpgradeTest {

    private static final String METER = "3300000000000000000001";

    @Test
    void terminalsGetTheirWarehouseAndReadingsKeepTheirValuesAndTheirKey() throws Exception {
        try (TestDatabase db = TestDatabase.create("metering_upgrade")) {
            DatabaseService database = new DatabaseService(db.dataSource());
            db.applyUpTo(MeteringUnit.CHANGELOG, getClass().getClassLoader(), "metering-5-warehouses");
            db.execute("insert into mtr_terminal (office, asset_number, address, kind, manufacturer, state, version)"
                    + " values ('QS', 'JZQ-OLD-1', 'FFFF0001', 'CONCENTRATOR', '威胜', 'IN_STOCK', 0)");
            db.execute("insert into mtr_terminal (office, asset_number, address, kind, manufacturer, state, area_code, version)"
                    + " values ('QS', 'JZQ-OLD-2', 'FFFF0002', 'CONCENTRATOR', '威胜', 'INSTALLED', 'TQ-001', 0)");
            for (int day = 0; day < 3; day++) {
                db.execute(String.format(Locale.ROOT, "insert into mtr_reading (office, barcode, kind, register, read_at,"
                        + " value_hundredths, status, ingested_at) values ('QS', '%s', 'DAILY', 'TOTAL',"
                        + " timestamp '2026-11-%02d 16:00:00', %d, 'VALID', timestamp '2026-11-%02d 16:05:00')",
                        METER, 9 + day, 10_000 + day * 1_000, 9 + day)); // 00:00 China time of the 10th, 11th, 12th
            }
            assertThat(columns(db, "mtr_reading")).contains("id");

            ModuleStore store = database.open(MeteringUnit.UNIT, getClass().getClassLoader(), MeteringUnit.CHANGELOG);
            try {
                // metering-6: the terminal in stock is in the default warehouse, the installed one in none
                assertThat(rows(db, "select asset_number, warehouse_code from mtr_terminal order by asset_number"))
                        .containsExactly("JZQ-OLD-1=MAIN", "JZQ-OLD-2=null");
                // metering-7: the surrogate id is gone, the series key is the primary key
                assertThat(columns(db, "mtr_reading")).doesNotContain("id");
                assertThatThrownBy(() -> db.execute("insert into mtr_reading (office, barcode, kind, register, read_at,"
                        + " value_hundredths, status, ingested_at) values ('QS', '" + METER + "', 'DAILY', 'TOTAL',"
                        + " timestamp '2026-11-09 16:00:00', 1, 'VALID', timestamp '2026-11-26 00:00:00')"))
                        .hasRootCauseInstanceOf(SQLException.class);

                // today's code on the upgraded table: a re-sent old reading is a duplicate, a new one is stored
                ReadingServiceImpl readings = new ReadingServiceImpl(store, new TestMetering.MutableClock(Instant.parse("2026-11-26T00:00:00Z")),
                        MeteringConfigs.defaults());
                IngestSummary summary = readings.ingest(operator(QS), List.of(
                        new NewReading(METER, ReadingKind.DAILY, Instant.parse("2026-11-11T16:00:00Z"), Register.TOTAL, new BigDecimal("120.00")),
                        new NewReading(METER, ReadingKind.DAILY, Instant.parse("2026-11-12T16:00:00Z"), Register.TOTAL, new BigDecimal("130.00"))));
                assertThat(summary.duplicates()).isEqualTo(1);
                List<ReadingView> stored = readings.readings(operator(QS), METER, ReadingKind.DAILY,
                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
                assertThat(stored).extracting(r -> r.readAt().toString() + " " + r.kwh().toPlainString()).containsExactly(
                        "2026-11-09T16:00:00Z 100.00", "2026-11-10T16:00:00Z 110.00", "2026-11-11T16:00:00Z 120.00",
                        "2026-11-12T16:00:00Z 130.00");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aMeterUnderTwoTerminalsBeforeTheUpgradeStaysUnderTheNewestAndCanHangUnderOneOnly() throws Exception {
        try (TestDatabase db = TestDatabase.create("metering_upgrade_topology")) {
            DatabaseService database = new DatabaseService(db.dataSource());
            db.applyUpTo(MeteringUnit.CHANGELOG, getClass().getClassLoader(), "metering-10-order-file-per-meter");
            String insert = "insert into mtr_topology (office, terminal, area_code, barcode, comm_address, attached_at,"
                    + " detached_at, reason) values ('QS', '%s', 'TQ-001', '%s', '000000000001', timestamp '2026-11-%s 00:00:00', %s, 'x')";
            db.execute(String.format(insert, "JZQ-1", METER, "01", "timestamp '2026-11-02 00:00:00'")); // history
            db.execute(String.format(insert, "JZQ-1", METER, "03", "null"));
            db.execute(String.format(insert, "JZQ-2", METER, "05", "null")); // the race: a second current row
            db.execute(String.format(insert, "JZQ-2", "3300000000000000000002", "05", "null"));

            ModuleStore store = database.open(MeteringUnit.UNIT, getClass().getClassLoader(), MeteringUnit.CHANGELOG);
            try {
                assertThat(rows(db, "select barcode, terminal from mtr_topology where detached_at is null order by barcode"))
                        .containsExactly(METER + "=JZQ-2", "3300000000000000000002=JZQ-2");
                assertThat(rows(db, "select terminal, reason from mtr_topology where barcode = '" + METER + "' order by id"))
                        .containsExactly("JZQ-1=x", "JZQ-1=upgrade: under a second terminal", "JZQ-2=x");
                assertThatThrownBy(() -> db.execute("insert into mtr_topology (office, terminal, area_code, barcode,"
                        + " comm_address, attached_at, attached_barcode) values ('QS', 'JZQ-3', 'TQ-001', '" + METER
                        + "', '000000000001', timestamp '2026-11-06 00:00:00', '" + METER + "')"))
                        .hasRootCauseInstanceOf(SQLException.class);
            } finally {
                store.close();
            }
        }
    }

    private static List<String> columns(TestDatabase db, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, null, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table) && c.getSchema().equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return rows;
    }
}
