package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.QS;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.event.AccountsImported;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.event.DomainEvent;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/** The bulk import: all or nothing (also when a later chunk fails), office column right, one summary event. */
class CustomerServiceImportTest {

    private RecordingModuleStore store;
    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void storesTheCountyInTheCallersOfficeWithOneEvent() {
        ImportSummary summary = service.importCounty(Caller.system(QS), TestCounty.STATIONS, TestCounty.AREAS,
                TestCounty.ACCOUNTS);

        assertThat(summary).extracting(ImportSummary::stations, ImportSummary::areas, ImportSummary::accounts)
                .containsExactly(2, 3, 3);
        assertThat(service.searchAccounts(TestCounty.operator(QS), "", 0, 10).total()).isEqualTo(3);
        assertThat(service.account(TestCounty.operator(QS), org.countygrid.platform.api.AccountNumber.of("3101000001"))
                .openedAt()).isEqualTo(TestCounty.OPENED);
        assertThat(store.events()).singleElement().isEqualTo(new AccountsImported(QS, 2, 3, 3,
                ((AccountsImported) store.events().get(0)).importedAt()));
        assertThat(store.count("cg_outbox")).isEqualTo(1);
    }

    @Test
    void storesTheAccountsChunkByChunkWithOneEventAtTheEnd() {
        List<AccountData> many = manyAccounts(2345);

        ImportSummary summary = new CountyImport(store, Clock.systemUTC(), "n1", 1000).run(QS,
                TestCounty.STATIONS, TestCounty.AREAS, many);

        assertThat(summary.accounts()).isEqualTo(2345);
        assertThat(store.count("cus_account")).isEqualTo(2345);
        assertThat(service.searchAccounts(TestCounty.operator(QS), "3200002344", 0, 1).items()).hasSize(1);
        assertThat(store.events()).singleElement().extracting(e -> ((AccountsImported) e).accounts()).isEqualTo(2345);
        assertThat(store.count("cg_outbox")).isEqualTo(1);
        assertThat(store.count("cus_import")).isZero();
    }

    @Test
    void aChunkThatFailsTakesBackWhatTheImportStoredAndLeavesOthersData() throws Exception {
        // an operator opens account 3200001500 in area CG-001 while the import is between its chunks 1 and 2
        ModuleStore racing = new DelegatingStore(store, new AtomicInteger(), 3, false, () -> {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into cus_account (office, number, name, phone, address, area_id, category,"
                        + " voltage_level, important_class, status, opened_at, version) select 'QS', '3200001500', '张伟',"
                        + " '13700001111', '城关镇建设路7号', id, 'RESIDENTIAL', 'V220', 'NONE', 'OPEN', current_timestamp, 1"
                        + " from cus_area where office = 'QS' and code = 'CG-001'");
            }
        });

        assertThatThrownBy(() -> new CountyImport(racing, Clock.systemUTC(), "n1", 1000).run(QS, TestCounty.STATIONS,
                TestCounty.AREAS, manyAccounts(2345)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("meanwhile");

        assertThat(store.count("cus_account")).isEqualTo(1);
        assertThat(codes("cus_area")).containsExactly("CG-001");
        assertThat(codes("cus_station")).containsExactly("CG");
        assertThat(store.events()).isEmpty();
        assertThat(store.count("cg_outbox")).isZero();
        assertThat(store.count("cus_import")).isZero();
    }

    @Test
    void anImportCutOffInTheMiddleIsRemovedAtTheNextActivationOnItsNodeOrAfterItsLeaseElsewhere() {
        // the module stops after the first chunk of 1,000: every later write fails, the undo's too
        ModuleStore stopping = new DelegatingStore(store, new AtomicInteger(), 3, true, () -> { });
        assertThatThrownBy(() -> new CountyImport(stopping, Clock.systemUTC(), "n1", 1000).run(QS, TestCounty.STATIONS,
                TestCounty.AREAS, manyAccounts(2345))).isInstanceOf(IllegalStateException.class);
        assertThat(store.count("cus_account")).isEqualTo(1000);
        assertThat(store.count("cus_import")).isEqualTo(1);

        new CountyImport(store, Clock.systemUTC(), "n2").recover(); // another node, within the lease: still running
        assertThat(store.count("cus_account")).isEqualTo(1000);
        age("cus_import", "progress_at", CountyImport.LEASE.plusMinutes(1).toMinutes());
        new CountyImport(store, Clock.systemUTC(), "n2").recover(); // the lease has run out by the database's clock
        assertThat(store.count("cus_account")).isZero();
        assertThat(store.count("cus_area") + store.count("cus_station") + store.count("cus_import")).isZero();
        assertThat(store.events()).isEmpty();

        assertThatThrownBy(() -> new CountyImport(new DelegatingStore(store, new AtomicInteger(), 3, true, () -> { }),
                Clock.systemUTC(), "n1", 1000).run(QS, TestCounty.STATIONS, TestCounty.AREAS, manyAccounts(2345)))
                .isInstanceOf(IllegalStateException.class);
        new CountyImport(store, Clock.systemUTC(), "n1").recover(); // the same node, its next run: at once
        assertThat(store.count("cus_account") + store.count("cus_area") + store.count("cus_station")
                + store.count("cus_import")).isZero();

        // and the county can be imported again
        service.importCounty(Caller.system(QS), TestCounty.STATIONS, TestCounty.AREAS, TestCounty.ACCOUNTS);
        assertThat(store.count("cus_account")).isEqualTo(3);
    }

    @Test
    void anImportTakenForAbandonedWhileItRunsFailsAndIsRemovedWhole() {
        // a node of the same name starts (its recovery takes the running import for its own earlier run's) between
        // the import's chunks 1 and 2
        ModuleStore racing = new DelegatingStore(store, new AtomicInteger(), 3, false,
                () -> new CountyImport(store, Clock.systemUTC(), "n1").recover());

        assertThatThrownBy(() -> new CountyImport(racing, Clock.systemUTC(), "n1", 1000).run(QS, TestCounty.STATIONS,
                TestCounty.AREAS, manyAccounts(2345))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("abandoned");

        assertThat(store.count("cus_account") + store.count("cus_area") + store.count("cus_station")
                + store.count("cus_import")).isZero();
        assertThat(store.events()).isEmpty();
    }

    @Test
    void eachChunkRenewsTheLease() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        ModuleStore ageing = new DelegatingStore(store, writes, 3, false,
                () -> age("cus_import", "progress_at", 5));
        ModuleStore checking = new DelegatingStore(ageing, new AtomicInteger(), 4, false, () -> {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from cus_import"
                            + " where progress_at > current_timestamp - interval '1' minute")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the marker renewed by chunk 2").isEqualTo(1);
            }
        });

        new CountyImport(checking, Clock.systemUTC(), "n1", 1000).run(QS, TestCounty.STATIONS, TestCounty.AREAS,
                manyAccounts(2345));

        assertThat(store.count("cus_account")).isEqualTo(2345);
        assertThat(store.count("cus_import")).isZero();
    }

    /** Moves a time column of every row {@code minutes} into the past. */
    private void age(String table, String column, long minutes) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update " + table + " set " + column + " = " + column + " - interval '" + minutes + "' minute");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AccountData> manyAccounts(int n) {
        List<AccountData> many = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(TestCounty.account(String.format("32%08d", i), "住户" + i, "城关镇" + i + "号", "13800000000",
                    Category.RESIDENTIAL, i % 2 == 0 ? "CG-001" : "QSZ-001"));
        }
        return many;
    }

    private List<String> codes(String table) throws Exception {
        List<String> codes = new java.util.ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select code from " + table + " order by code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    /**
     * The real store, with something done by another session just before its n-th write, or (closing) failing that
     * write and every later one, as a store does once its module stops.
     */
    private record DelegatingStore(ModuleStore store, AtomicInteger writes, int nth, boolean closing, Sql meanwhile)
            implements ModuleStore {

        @Override
        public <T> T read(OfficeCode office, Function<EntityManager, T> work) {
            return store.read(office, work);
        }

        @Override
        public <T> T write(OfficeCode office, Function<EntityManager, T> work) {
            int write = writes.incrementAndGet();
            if (closing && write >= nth) {
                throw new IllegalStateException("the customers module is stopping");
            }
            if (write == nth) {
                try {
                    meanwhile.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return store.write(office, work);
        }

        @Override
        public void publish(EntityManager em, DomainEvent event) {
            store.publish(em, event);
        }

        @Override
        public DataSource dataSource() {
            return store.dataSource();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @FunctionalInterface
    private interface Sql {
        void run() throws Exception;
    }

    @Test
    void aBadRecordStopsTheWholeImportWithItsPosition() {
        List<AccountData> accounts = List.of(TestCounty.ACCOUNTS.get(0),
                TestCounty.account("3101000002", "李四", "城关镇", "110", Category.RESIDENTIAL, "NOPE"));

        assertThatThrownBy(() -> service.importCounty(Caller.system(QS), TestCounty.STATIONS, TestCounty.AREAS, accounts))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsOnlyKeys("accounts[1].phone", "accounts[1].areaCode"));
        assertThat(store.count("cus_station")).isZero();
        assertThat(store.events()).isEmpty();
        assertThat(store.count("cg_outbox")).isZero();
    }

    @Test
    void importingTheSameCountyTwiceIsAConflictAndChangesNothing() {
        service.importCounty(Caller.system(QS), TestCounty.STATIONS, TestCounty.AREAS, TestCounty.ACCOUNTS);

        assertThatThrownBy(() -> service.importCounty(Caller.system(QS), List.of(), List.of(), TestCounty.ACCOUNTS))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage())
                        .contains("3101000001", "nothing was imported"));
        assertThat(store.count("cus_account")).isEqualTo(3);
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void onlyAnAdminImports() {
        assertThatThrownBy(() -> service.importCounty(TestCounty.operator(QS), TestCounty.STATIONS, TestCounty.AREAS,
                TestCounty.ACCOUNTS)).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }
}
