package org.countygrid.customers.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import javax.ws.rs.core.Response;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationView;
import org.countygrid.customers.internal.FakeCustomerService;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.CurrentCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The station and area resources: the caller passed on, 201 with a Location that can be read back. */
class StationResourceTest {

    private static final Caller OPERATOR = new Caller("zhang", OfficeCode.of("QS"), Set.of("operator"));

    private final FakeCustomerService customers = new FakeCustomerService();
    private final StationResource stations = new StationResource(customers);
    private final AreaResource areas = new AreaResource(customers);

    @BeforeEach
    void login() {
        CurrentCaller.set(OPERATOR);
    }

    @AfterEach
    void logout() {
        CurrentCaller.clear();
    }

    @Test
    void addingAStationAnswers201WithItsLocation() {
        Response response = stations.add(new NewStation("QSH", "清水镇供电所"));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).endsWith("customers/stations/QSH");
        assertThat(response.getEntity()).isEqualTo(new StationView("QSH", "清水镇供电所", 0));
        assertThat(customers.callers).containsExactly(OPERATOR);
    }

    @Test
    void addingAnAreaPassesTheStationOfThePathAndAnswers201WithTheAreasLocation() {
        Response response = stations.addArea("CG", new NewArea("CG-T003", "城关镇3号台区", 630));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).endsWith("customers/areas/CG-T003");
        assertThat(((AreaView) response.getEntity()).stationCode()).isEqualTo("CG");
        assertThat(customers.commands).containsExactly("add-area CG NewArea[code=CG-T003, name=城关镇3号台区, capacityKva=630]");
    }

    @Test
    void readsOneStationAndOneArea() {
        assertThat(stations.station("CG")).isEqualTo(new StationView("CG", "城关供电所", 42));
        assertThatThrownBy(() -> stations.station("XX"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(areas.area("CG-001")).isEqualTo(FakeCustomerService.CG_001);
        assertThat(customers.commands).containsExactly("area CG-001");
        assertThat(customers.callers).containsOnly(OPERATOR);
    }
}
