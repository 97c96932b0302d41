package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.QS;
import static org.countygrid.customers.internal.TestCounty.operator;

import java.time.Clock;

import org.countygrid.customers.AccountView;
import org.countygrid.customers.AreaView;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/** Search, paging, stations and areas on the real schema. */
class CustomerServiceSearchTest {

    private RecordingModuleStore store;
    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.of(2, 3), Clock.systemUTC());
        TestCounty.load(service, QS);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void findsByNumberPrefixNameAddressAndPhonePrefix() {
        assertThat(numbers("3101")).containsExactly("3101000001", "3101000002");
        assertThat(numbers("建国")).containsExactly("3101000001");
        assertThat(numbers("石门村")).containsExactly("3102000001");
        assertThat(numbers("1399876")).containsExactly("3102000001");
        assertThat(numbers("0571-")).containsExactly("3101000002");
        assertThat(numbers("8765")).isEmpty(); // a phone matches by prefix only
    }

    @Test
    void treatsLikeWildcardsAsText() {
        assertThat(numbers("%")).isEmpty();
        assertThat(numbers("_")).isEmpty();
    }

    @Test
    void newSearchLimitsTakeEffectInPlace() {
        service.modified(CustomersConfigs.of(1, 3));

        assertThat(service.searchAccounts(operator(QS), "", 0, 0).limit()).isEqualTo(1);
        assertThat(service.searchAccounts(operator(QS), "", 0, 3).items()).hasSize(3);
    }

    @Test
    void pagesInNumberOrderWithTheTotal() {
        var first = service.searchAccounts(operator(QS), "", 0, 0);
        var second = service.searchAccounts(operator(QS), null, 2, 2);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.limit()).isEqualTo(2); // the configured default
        assertThat(first.items()).extracting(AccountView::number).containsExactly("3101000001", "3101000002");
        assertThat(second.items()).extracting(AccountView::number).containsExactly("3102000001");
        // past the end: no accounts, and still the total
        var past = service.searchAccounts(operator(QS), "", 6, 2);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(3);
    }

    @Test
    void refusesPagesBeyondTheConfiguredMaximum() {
        assertThatThrownBy(() -> service.searchAccounts(operator(QS), "", 0, 4))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("limit"));
        assertThatThrownBy(() -> service.searchAccounts(operator(QS), "", -1, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("offset"));
        assertThatThrownBy(() -> service.searchAccounts(operator(QS), "王".repeat(101), 0, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsKey("q"));
    }

    @Test
    void listsStationsWithTheirAreas() {
        assertThat(service.stations(operator(QS))).containsExactly(new StationView("CG", "城关供电所", 2),
                new StationView("QSZ", "青山镇供电所", 1));
        assertThat(service.areas(operator(QS), "CG")).extracting(AreaView::code).containsExactly("CG-001", "CG-002");
        assertThatThrownBy(() -> service.areas(operator(QS), "XX"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void anotherOfficeFindsNothing() {
        assertThat(service.searchAccounts(operator(TestCounty.LY), "", 0, 3).total()).isZero();
        assertThat(service.searchAccounts(operator(TestCounty.LY), "王", 0, 3).total()).isZero();
        assertThat(service.stations(operator(TestCounty.LY))).isEmpty();
    }

    @Test
    void aTextSearchSeesItsOwnOfficeOnlyAndCountsPastThePage() {
        TestCounty.load(service, TestCounty.LY); // the same accounts in another office
        service.openAccount(operator(TestCounty.LY), TestCounty.newAccount("3101000003")); // 张伟, 城关镇建设路7号

        var cityQs = service.searchAccounts(operator(QS), "城关镇", 0, 1);
        var cityLy = service.searchAccounts(operator(TestCounty.LY), "城关镇", 0, 3);
        var pastTheEnd = service.searchAccounts(operator(TestCounty.LY), "城关镇", 3, 3);

        assertThat(cityQs.total()).isEqualTo(2);
        assertThat(cityQs.items()).extracting(AccountView::number).containsExactly("3101000001");
        assertThat(cityQs.items().get(0).areaCode()).isEqualTo("CG-001");
        assertThat(cityQs.items().get(0).stationName()).isEqualTo("城关供电所");
        assertThat(cityLy.total()).isEqualTo(3);
        assertThat(cityLy.items()).extracting(AccountView::number).containsExactly("3101000001", "3101000002", "3101000003");
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(3);
        assertThat(service.searchAccounts(operator(QS), "张伟", 0, 3).total()).isZero();
    }

    private java.util.List<String> numbers(String q) {
        return service.searchAccounts(operator(QS), q, 0, 3).items().stream().map(AccountView::number).toList();
    }
}
