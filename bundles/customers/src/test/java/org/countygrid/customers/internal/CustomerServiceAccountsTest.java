package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.LY;
import static org.countygrid.customers.internal.TestCounty.QS;
import static org.countygrid.customers.internal.TestCounty.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.countygrid.customers.AccountChange;
import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.customers.event.AccountChanged;
import org.countygrid.customers.event.AccountClosed;
import org.countygrid.customers.event.AccountOpened;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/** Open, change and close on the real persistence unit and schema (in-memory H2), office by office. */
class CustomerServiceAccountsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final AccountNumber WANG = AccountNumber.of("3101000001");

    private RecordingModuleStore store;
    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        TestCounty.load(service, QS);
        TestCounty.load(service, LY);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void opensAnAccountAndPublishesTheFact() {
        AccountView opened = service.openAccount(operator(QS), TestCounty.newAccount("3101000099"));

        assertThat(opened.status()).isEqualTo(AccountStatus.OPEN);
        assertThat(opened.importantClass()).isEqualTo(ImportantUserClass.NONE);
        assertThat(opened.stationName()).isEqualTo("城关供电所");
        assertThat(opened.openedAt()).isEqualTo(NOW);
        assertThat(service.account(operator(QS), AccountNumber.of("3101000099"))).isEqualTo(opened);
        assertThat(store.events()).filteredOn(AccountOpened.class::isInstance).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("3101000099"))
                .satisfies(e -> assertThat(e.office()).isEqualTo(QS));
    }

    @Test
    void reportsEveryBadFieldAtOnceAndStoresNothing() {
        NewAccount bad = new NewAccount("31010", " ", "城关镇", "12345", null, VoltageLevel.V220, null, "NOPE");

        assertThatThrownBy(() -> service.openAccount(operator(QS), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField())
                        .containsOnlyKeys("number", "name", "phone", "category", "areaCode"));
        assertThat(store.events()).noneMatch(AccountOpened.class::isInstance);
    }

    @Test
    void refusesANumberTakenInTheOfficeButNotOneTakenElsewhere() {
        service.openAccount(operator(LY), TestCounty.newAccount("3101000099"));

        service.openAccount(operator(QS), TestCounty.newAccount("3101000099"));
        assertThatThrownBy(() -> service.openAccount(operator(QS), TestCounty.newAccount("3101000099")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("number", "is already taken in this office"));
    }

    @Test
    void anOfficeNeitherSeesNorChangesAnotherOfficesAccount() {
        service.openAccount(operator(LY), TestCounty.newAccount("3109999999"));
        AccountChange rename = AccountChange.of(service.account(operator(LY), WANG));
        rename = new AccountChange("改名", rename.address(), rename.phone(), rename.category(), rename.voltageLevel(),
                rename.importantClass(), rename.areaCode());

        service.changeAccount(operator(QS), WANG, rename, OptionalLong.empty());

        assertThat(service.account(operator(LY), WANG).name()).isEqualTo("王建国");
        assertThat(service.account(operator(QS), WANG).name()).isEqualTo("改名");
        assertThatThrownBy(() -> service.account(operator(QS), AccountNumber.of("3109999999")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> service.closeAccount(operator(QS), AccountNumber.of("3109999999"), "搬迁"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void changePublishesOnlyTheFieldsThatDiffer() {
        AccountView before = service.account(operator(QS), WANG);
        AccountChange change = new AccountChange(before.name(), before.address(), "13900001111", Category.COMMERCIAL,
                VoltageLevel.V380, ImportantUserClass.NONE, "CG-002");

        AccountView after = service.changeAccount(operator(QS), WANG, change, OptionalLong.of(before.version()));

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.areaName()).isEqualTo("城关镇2号台区");
        assertThat(store.events()).filteredOn(AccountChanged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AccountChanged) e).changes())
                        .extracting(AccountChanged.FieldChange::field)
                        .containsExactlyInAnyOrder("phone", "category", "voltageLevel", "areaCode"));
        service.changeAccount(operator(QS), WANG, change, OptionalLong.empty());
        assertThat(store.events()).filteredOn(AccountChanged.class::isInstance).hasSize(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        AccountView before = service.account(operator(QS), WANG);

        assertThatThrownBy(() -> service.changeAccount(operator(QS), WANG, AccountChange.of(before),
                OptionalLong.of(before.version() - 1)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void aCloseFromAPageReadBeforeSomeoneElsesChangeIsRefusedAsStale() {
        AccountView read = service.account(operator(QS), WANG);
        AccountChange renamed = new AccountChange("王建军", read.address(), read.phone(), read.category(),
                read.voltageLevel(), read.importantClass(), read.areaCode()); // 过户 meanwhile
        service.changeAccount(operator(QS), WANG, renamed, OptionalLong.of(read.version()));

        assertThatThrownBy(() -> service.closeAccount(operator(QS), WANG, "迁出", OptionalLong.of(read.version())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo(Problem.STALE));
        assertThat(service.account(operator(QS), WANG).status()).isEqualTo(AccountStatus.OPEN);
        assertThat(store.events()).filteredOn(AccountClosed.class::isInstance).isEmpty();
        AccountView current = service.account(operator(QS), WANG);
        assertThat(service.closeAccount(operator(QS), WANG, "迁出", OptionalLong.of(current.version())).status())
                .isEqualTo(AccountStatus.CLOSED);
    }

    @Test
    void closingKeepsTheDataAndRefusesFurtherChanges() {
        AccountView closed = service.closeAccount(operator(QS), WANG, " 拆迁 ");

        assertThat(closed.status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("拆迁");
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(closed.name()).isEqualTo("王建国");
        assertThat(store.events()).filteredOn(AccountClosed.class::isInstance).hasSize(1);
        assertThatThrownBy(() -> service.closeAccount(operator(QS), WANG, "再次"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> service.changeAccount(operator(QS), WANG, AccountChange.of(closed), OptionalLong.empty()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void closingNeedsAReason() {
        assertThatThrownBy(() -> service.closeAccount(operator(QS), WANG, "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("reason"));
        assertThat(service.account(operator(QS), WANG).status()).isEqualTo(AccountStatus.OPEN);
    }

    @Test
    void readersMayReadButNotWrite() {
        var auditor = TestCounty.caller(QS, Role.AUDITOR);
        var cashier = TestCounty.caller(QS, Role.CASHIER);

        assertThat(service.account(auditor, WANG).name()).isEqualTo("王建国");
        assertThatThrownBy(() -> service.openAccount(auditor, TestCounty.newAccount("3101000099")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> service.closeAccount(cashier, WANG, "x"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> service.account(TestCounty.caller(QS, "guest"), WANG))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThat(service.account(operator(QS), WANG).status()).isEqualTo(AccountStatus.OPEN);
    }
}
