package org.countygrid.customers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.StationData;
import org.countygrid.customers.event.AccountsImported;
import org.countygrid.customers.internal.domain.County;
import org.countygrid.customers.internal.persistence.CountyWriter;
import org.countygrid.customers.internal.persistence.StationRepository;
import org.countygrid.customers.internal.persistence.TableStatistics;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.ModuleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path of {@code CustomerService.importCounty}: check everything, then JDBC batches on the JPA
 * transaction's own connection, so the rows and the one summary event commit or roll back together.
 */
final class CountyImport {

    private static final Logger LOG = LoggerFactory.getLogger(CountyImport.class);

    private final ModuleStore store;
    private final Clock clock;

    CountyImport(ModuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ImportSummary run(OfficeCode office, List<StationData> stations, List<AreaData> areas, List<AccountData> accounts) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        County county = store.write(office, em -> {
            StationRepository known = new StationRepository(em);
            County checked = County.checked(stations, areas, accounts, known.stationCodes(), known.areaCodes(), now);
            insert(em, office, checked);
            store.publish(em, new AccountsImported(office, checked.stations().size(), checked.areas().size(),
                    checked.accounts().size(), now));
            return checked;
        });
        try {
            TableStatistics.refresh(store.dataSource());
        } catch (SQLException e) {
            LOG.warn("Statistics of the customer tables not refreshed after the import: {}", e.getMessage());
        }
        return new ImportSummary(county.stations().size(), county.areas().size(), county.accounts().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void insert(EntityManager em, OfficeCode office, County county) {
        try {
            new CountyWriter(em.unwrap(Connection.class), office).write(county);
        } catch (SQLException e) {
            // a batch's own message on PostgreSQL repeats the whole batch, customers' names included
            SQLException cause = e.getNextException() == null ? e : e.getNextException();
            LOG.warn("Import into office {} rolled back (SQLSTATE {}): {}", office, cause.getSQLState(), cause.getMessage());
            throw Problem.conflict("the import clashes with data already stored in this office"
                    + " (a station, area or account number exists already)");
        }
    }
}
