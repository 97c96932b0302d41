package org.countygrid.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.customers.internal.TestCounty.QS;

import java.time.Clock;

import org.countygrid.customers.internal.domain.Station;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.customers.internal.persistence.StationRepository;
import org.countygrid.platform.api.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.countygrid.platform.testing.RecordingModuleStore;

/**
 * A code another node stored between our check and our insert: the rules saw it free, the unique key does
 * not. The repository is driven directly with an already checked station or area, as the service would
 * after losing that race, and the clash must come back as a 409 with the transaction rolled back.
 */
class StationClashTest {

    private RecordingModuleStore store;
    private CustomerServiceImpl service;

    @BeforeEach
    void start() {
        store = new RecordingModuleStore(CustomerServiceImpl.UNIT, CustomerServiceImpl.CHANGELOG,
                getClass().getClassLoader());
        service = new CustomerServiceImpl(store, CustomersConfigs.defaults(), Clock.systemUTC());
        TestCounty.load(service, QS);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aStationCodeTakenMeanwhileIsAConflict() {
        assertThatThrownBy(() -> store.write(QS, em -> new StationRepository(em).add(new Station("CG", "另一个城关供电所"))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessageContaining("supply station CG");
        assertThat(store.count("cus_station")).isEqualTo(2);
    }

    @Test
    void anAreaCodeTakenMeanwhileIsAConflict() {
        assertThatThrownBy(() -> store.write(QS, em -> {
            StationRepository stations = new StationRepository(em);
            return stations.add(new TransformerArea("CG-001", "重复台区", "QSZ", 200), stations.findStation("QSZ").orElseThrow());
        })).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(store.count("cus_area")).isEqualTo(3);
    }
}
