package org.countygrid.customers.internal;

import java.time.Clock;
import java.time.Instant;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.NewArea;
import org.countygrid.customers.NewStation;
import org.countygrid.customers.StationView;
import org.countygrid.customers.event.AreaAdded;
import org.countygrid.customers.event.StationAdded;
import org.countygrid.customers.internal.domain.Station;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.customers.internal.persistence.AreaEntity;
import org.countygrid.customers.internal.persistence.StationEntity;
import org.countygrid.customers.internal.persistence.StationRepository;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.ModuleStore;

/**
 * Adding supply stations and transformer areas one at a time, the path staff use between bulk imports. Each
 * add checks, stores and publishes its event in one transaction of the office; roles are checked by the
 * caller, {@link CustomerServiceImpl}.
 */
final class SupplyNetwork {

    private final ModuleStore store;
    private final Clock clock;

    SupplyNetwork(ModuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    StationView addStation(OfficeCode office, NewStation command) {
        return store.write(office, em -> {
            StationRepository stations = new StationRepository(em);
            Station station = Station.add(command, stations);
            stations.add(station);
            store.publish(em, new StationAdded(office, station.code(), station.name(), now()));
            return new StationView(station.code(), station.name(), 0);
        });
    }

    AreaView addArea(OfficeCode office, String stationCode, NewArea command) {
        return store.write(office, em -> {
            StationRepository stations = new StationRepository(em);
            // the station first: a request about a station the office does not have is a 404 whatever its body
            StationEntity station = stations.findStation(stationCode)
                    .orElseThrow(() -> Problem.notFound("supply station " + stationCode));
            TransformerArea area = TransformerArea.add(station.code(), command, stations);
            AreaEntity entity = stations.add(area, station);
            store.publish(em, new AreaAdded(office, area.code(), area.name(), area.stationCode(), area.capacityKva(),
                    now()));
            return entity.toView();
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
