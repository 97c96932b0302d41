package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.QS;
import static org.countygrid.customers.internal.TestCounty.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationView;
import org.countygrid.customers.event.AreaAdded;
import org.countygrid.customers.event.StationAdded;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/** Adding stations and areas one by one on the real persistence unit and schema, office by office. */
class CustomerServiceStationsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final OfficeCode QT = OfficeCode.of("QT");
    private static final NewArea CG_T003 = new NewArea("CG-T003", "城关镇3号台区", 630);

    private RecordingModuleStore store;
    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        TestCounty.load(service, QS);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void addsAStationThatListsWithoutAreasAndPublishesTheFact() {
        StationView added = service.addStation(operator(QS), new NewStation(" QSH ", "清水镇供电所"));

        assertThat(added).isEqualTo(new StationView("QSH", "清水镇供电所", 0));
        assertThat(service.stations(operator(QS))).extracting(StationView::code).containsExactly("CG", "QSH", "QSZ");
        assertThat(service.areas(operator(QS), "QSH")).isEmpty();
        assertThat(store.events()).filteredOn(StationAdded.class::isInstance)
                .containsExactly(new StationAdded(QS, "QSH", "清水镇供电所", NOW));
    }

    @Test
    void addsAnAreaToAStationAndPublishesTheFact() {
        AreaView added = service.addArea(operator(QS), "CG", CG_T003);

        assertThat(added).isEqualTo(new AreaView("CG-T003", "城关镇3号台区", "CG", 630));
        assertThat(service.area(operator(QS), "CG-T003")).isEqualTo(added);
        assertThat(service.areas(operator(QS), "CG")).extracting(AreaView::code)
                .containsExactly("CG-001", "CG-002", "CG-T003");
        assertThat(service.stations(operator(QS))).contains(new StationView("CG", "城关供电所", 3));
        assertThat(store.events()).filteredOn(AreaAdded.class::isInstance)
                .containsExactly(new AreaAdded(QS, "CG-T003", "城关镇3号台区", "CG", 630, NOW));
    }

    @Test
    void anAddedAreaTakesAccounts() {
        service.addStation(operator(QS), new NewStation("QSH", "清水镇供电所"));
        service.addArea(operator(QS), "QSH", new NewArea("QSH-T001", "清水镇1号台区", 200));
        var account = TestCounty.newAccount("3103000001");
        account = new org.countygrid.customers.NewAccount(account.number(), account.name(), account.address(),
                account.phone(), account.category(), account.voltageLevel(), null, "QSH-T001");

        assertThat(service.openAccount(operator(QS), account).stationName()).isEqualTo("清水镇供电所");
    }

    @Test
    void aCodeTheOfficeUsesIsABadRequestOnTheCodeFieldAndStoresNothing() {
        assertThatThrownBy(() -> service.addStation(operator(QS), new NewStation("QSZ", "青山镇第二供电所")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code").containsEntry("code", "is already used in this office"));
        // area codes are unique in the office, not only in their station
        assertThatThrownBy(() -> service.addArea(operator(QS), "QSZ", new NewArea("CG-001", "重复台区", 200)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("code"));
        assertThat(store.count("cus_station")).isEqualTo(2);
        assertThat(store.count("cus_area")).isEqualTo(3);
        assertThat(store.events()).noneMatch(e -> e instanceof StationAdded || e instanceof AreaAdded);
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> service.addStation(operator(QS), new NewStation("q", "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("code", "name"));
        assertThatThrownBy(() -> service.addArea(operator(QS), "CG", new NewArea("-1", null, 0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("code", "name", "capacityKva"));
        assertThatThrownBy(() -> service.addStation(operator(QS), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("body"));
    }

    @Test
    void anUnknownStationIsNotFoundWhateverTheBody() {
        assertThatThrownBy(() -> service.addArea(operator(QS), "XX", CG_T003))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> service.addArea(operator(QS), "XX", new NewArea("", "", null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> service.addArea(operator(QS), " ", CG_T003))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("stationCode"));
        assertThatThrownBy(() -> service.area(operator(QS), "CG-T999"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void anotherOfficeNeitherSeesNorAddsToTheStationsOfThisOne() {
        assertThat(service.stations(operator(QT))).isEmpty();
        assertThatThrownBy(() -> service.areas(operator(QT), "CG"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> service.area(operator(QT), "CG-001"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> service.addArea(operator(QT), "CG", CG_T003))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(service.areas(operator(QS), "CG")).hasSize(2);

        // the same codes are free in another office
        service.addStation(operator(QT), new NewStation("CG", "城关供电所"));
        service.addArea(operator(QT), "CG", new NewArea("CG-001", "城关镇1号台区", 100));

        assertThat(service.area(operator(QT), "CG-001").capacityKva()).isEqualTo(100);
        assertThat(service.area(operator(QS), "CG-001").capacityKva()).isEqualTo(400);
        assertThat(service.stations(operator(QS))).contains(new StationView("CG", "城关供电所", 2));
        assertThat(store.events()).filteredOn(AreaAdded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(e.office()).isEqualTo(QT));
    }

    @Test
    void onlyOperatorsAndAdminsAddWhileEveryReaderReads() {
        var cashier = TestCounty.caller(QS, Role.CASHIER);
        var auditor = TestCounty.caller(QS, Role.AUDITOR);

        assertThatThrownBy(() -> service.addStation(cashier, new NewStation("QSH", "清水镇供电所")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> service.addArea(auditor, "CG", CG_T003))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> service.area(TestCounty.caller(QS, "guest"), "CG-001"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThat(service.area(auditor, "CG-001").name()).isEqualTo("城关镇1号台区");
        assertThat(service.addArea(TestCounty.caller(QS, Role.ADMIN), "CG", CG_T003).code()).isEqualTo("CG-T003");
        assertThat(store.count("cus_station")).isEqualTo(2);
    }
}
