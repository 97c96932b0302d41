package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.QS;

import java.time.Clock;
import java.util.List;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.event.AccountsImported;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/** The bulk import: all or nothing, office column right, one summary event. */
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
    void importsMoreThanOneBatchOfAccounts() {
        List<AccountData> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2345; i++) {
            many.add(TestCounty.account(String.format("32%08d", i), "住户" + i, "城关镇" + i + "号", "13800000000",
                    Category.RESIDENTIAL, "CG-001"));
        }
        service.importCounty(Caller.system(QS), TestCounty.STATIONS, TestCounty.AREAS, many);

        assertThat(store.count("cus_account")).isEqualTo(2345);
        assertThat(service.searchAccounts(TestCounty.operator(QS), "3200002344", 0, 1).items()).hasSize(1);
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
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(store.count("cus_account")).isEqualTo(3);
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void onlyAnAdminImports() {
        assertThatThrownBy(() -> service.importCounty(TestCounty.operator(QS), TestCounty.STATIONS, TestCounty.AREAS,
                TestCounty.ACCOUNTS)).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }
}
