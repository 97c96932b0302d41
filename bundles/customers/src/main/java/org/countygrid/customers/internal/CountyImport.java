package org.countygrid.customers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.ImportSummary;
import org.countygrid.customers.StationData;
import org.countygrid.customers.event.AccountsImported;
import org.countygrid.customers.internal.domain.Account;
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
 * transactions' own connections.
 *
 * <p>The accounts are stored in transactions of {@value #CHUNK}: embedded H2 commits one transaction of 200,000
 * accounts at a fraction of the speed of twenty of 10,000 (the demo county stored in 40 s instead of 20 s), and
 * PostgreSQL does not care. The import stays all or nothing for what can go wrong: the whole county is checked
 * first, numbers already stored in the office included, so bad input and a second import of the same county write
 * nothing; the summary event is written with the last chunk; and when a chunk fails after others committed (an
 * account opened meanwhile with a number of the import, a database error) the accounts stored so far are deleted
 * again, then the county's areas and stations that nothing else refers to. What remains visible: while an import
 * runs, searches see its accounts chunk by chunk.
 */
final class CountyImport {

    static final int CHUNK = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CountyImport.class);

    private final ModuleStore store;
    private final Clock clock;
    private final int chunk;

    CountyImport(ModuleStore store, Clock clock) {
        this(store, clock, CHUNK);
    }

    CountyImport(ModuleStore store, Clock clock, int chunk) {
        this.store = store;
        this.clock = clock;
        this.chunk = chunk;
    }

    ImportSummary run(OfficeCode office, List<StationData> stations, List<AreaData> areas, List<AccountData> accounts) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Network network = store.write(office, em -> {
            StationRepository known = new StationRepository(em);
            County checked = County.checked(stations, areas, accounts, known.stationCodes(), known.areaCodes(), now);
            return jdbc(em, office, writer -> {
                List<String> clashes = writer.storedNumbers(checked.accounts(), 3);
                if (!clashes.isEmpty()) {
                    throw Problem.conflict("account " + String.join(", ", clashes)
                            + " exists already in this office; nothing was imported");
                }
                Map<String, Long> areaIds = writer.writeNetwork(checked);
                if (checked.accounts().isEmpty()) {
                    publish(em, office, checked, now);
                }
                return new Network(checked, areaIds);
            });
        });
        County county = network.county();
        List<Account> all = county.accounts();
        int stored = 0;
        try {
            while (stored < all.size()) {
                List<Account> next = all.subList(stored, Math.min(all.size(), stored + chunk));
                boolean last = stored + next.size() == all.size();
                store.write(office, em -> jdbc(em, office, writer -> {
                    writer.insertAccounts(next, network.areaIds());
                    if (last) {
                        publish(em, office, county, now);
                    }
                    return null;
                }));
                stored += next.size();
            }
        } catch (RuntimeException e) {
            undo(office, county, all.subList(0, stored));
            throw e;
        }
        try {
            TableStatistics.refresh(store.dataSource());
        } catch (SQLException e) {
            LOG.warn("Statistics of the customer tables not refreshed after the import: {}", e.getMessage());
        }
        return new ImportSummary(county.stations().size(), county.areas().size(), all.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void publish(EntityManager em, OfficeCode office, County county, Instant now) {
        store.publish(em, new AccountsImported(office, county.stations().size(), county.areas().size(),
                county.accounts().size(), now));
    }

    /** Deletes what a failed import had committed; says so loudly if even that fails. */
    private void undo(OfficeCode office, County county, List<Account> stored) {
        try {
            store.write(office, em -> jdbc(em, office, writer -> {
                writer.remove(stored, county);
                return null;
            }));
            LOG.info("Import into office {} failed after {} of {} accounts; those, and its areas and stations that"
                    + " nothing else uses, were removed again", office, stored.size(), county.accounts().size());
        } catch (RuntimeException e) {
            LOG.error("Import into office {} failed after {} of {} accounts, and removing them failed too ({}): the"
                    + " office holds part of the import", office, stored.size(), county.accounts().size(), e.getMessage());
        }
    }

    private static <T> T jdbc(EntityManager em, OfficeCode office, WriterWork<T> work) {
        try {
            return work.run(new CountyWriter(em.unwrap(Connection.class), office));
        } catch (SQLException e) {
            // a batch's own message on PostgreSQL repeats the whole batch, customers' names included
            SQLException cause = e.getNextException() == null ? e : e.getNextException();
            LOG.warn("Import into office {} rolled back (SQLSTATE {}): {}", office, cause.getSQLState(), cause.getMessage());
            if (cause.getSQLState() != null && cause.getSQLState().startsWith("23")) {
                throw Problem.conflict("the import clashes with data stored in this office meanwhile"
                        + " (a station, area or account number exists already)");
            }
            throw new IllegalStateException("the import failed in the database (SQLSTATE " + cause.getSQLState() + ")", e);
        }
    }

    @FunctionalInterface
    private interface WriterWork<T> {
        T run(CountyWriter writer) throws SQLException;
    }

    private record Network(County county, Map<String, Long> areaIds) {
    }
}
