package org.countygrid.customers.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.AccountDetails;
import org.countygrid.customers.internal.domain.County;
import org.countygrid.customers.internal.domain.Station;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.platform.api.OfficeCode;

/**
 * Writes a checked {@link County} with plain JDBC batches: 200,000 accounts through JPA would take several
 * times longer. The caller decides the transactions (see {@code CountyImport}). Bypassing EclipseLink means setting
 * the office column by hand — every insert below does.
 * Ids come from the columns' sequence defaults, the same sequences JPA draws from.
 */
public final class CountyWriter {

    static final int BATCH = 1000;

    private final Connection connection;
    private final String office;
    private final String importId;

    /**
     * {@code connection} is the one of the surrounding JPA transaction, so data and event commit together; every row
     * written records {@code importId}.
     */
    public CountyWriter(Connection connection, OfficeCode office, String importId) {
        this.connection = connection;
        this.office = office.value();
        this.importId = importId;
    }

    /**
     * Marks the import as in progress, by this node and run of the module; {@link #finish} ends it. Times are the
     * database's, so that nodes whose clocks differ agree on a lease.
     */
    public void begin(String node, String run) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into cus_import (id, office, node, run,"
                + " started_at, progress_at) values (?, ?, ?, ?, current_timestamp, current_timestamp)")) {
            ps.setString(1, importId);
            ps.setString(2, office);
            ps.setString(3, node);
            ps.setString(4, run);
            ps.executeUpdate();
        }
    }

    /**
     * Renews the marker's lease, first thing in each chunk's transaction (its row lock then orders the chunk against
     * a removal of the import).
     *
     * @throws IllegalStateException when the marker is gone: the import was taken for abandoned and removed
     */
    public void progress() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "update cus_import set progress_at = current_timestamp where id = ?")) {
            ps.setString(1, importId);
            requireMarker(ps.executeUpdate());
        }
    }

    /**
     * The import is complete (call in the transaction of its last rows).
     *
     * @throws IllegalStateException when the marker is gone: the import was taken for abandoned and removed
     */
    public void finish() throws SQLException {
        requireMarker(deleteMarker());
    }

    private int deleteMarker() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("delete from cus_import where id = ?")) {
            ps.setString(1, importId);
            return ps.executeUpdate();
        }
    }

    private void requireMarker(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("import " + importId + " was taken for abandoned and removed meanwhile");
        }
    }

    /**
     * Imports of any office whose marker is left: from another run of the module on this node, or without progress
     * for {@code lease} by the database's clock.
     */
    public static List<Abandoned> abandoned(Connection connection, String node, String run, Duration lease)
            throws SQLException {
        List<Abandoned> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select id, office from cus_import"
                + " where (node = ? and run <> ?) or progress_at < current_timestamp - interval '" + lease.toMinutes()
                + "' minute")) {
            ps.setString(1, node);
            ps.setString(2, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Abandoned(rs.getString(1), OfficeCode.of(rs.getString(2))));
                }
            }
        }
        return found;
    }

    /** An import whose marker outlived it. */
    public record Abandoned(String id, OfficeCode office) {
    }

    /** Stores the county's stations and areas; returns the ids of the office's areas by code, for the accounts. */
    public Map<String, Long> writeNetwork(County county) throws SQLException {
        insertStations(county.stations());
        Map<String, Long> stationIds = ids("cus_station");
        insertAreas(county.areas(), stationIds);
        return ids("cus_area");
    }

    /** Those of the accounts' numbers that the office holds already; at most {@code limit} of them. */
    public List<String> storedNumbers(List<Account> accounts, int limit) throws SQLException {
        Set<String> wanted = new HashSet<>(accounts.size() * 2);
        accounts.forEach(a -> wanted.add(a.number().value()));
        List<String> stored = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select number from cus_account where office = ?")) {
            ps.setString(1, office);
            ps.setFetchSize(BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && stored.size() < limit) {
                    if (wanted.contains(rs.getString(1))) {
                        stored.add(rs.getString(1));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Deletes this import's marker, then what the import stored (its accounts, then its areas and stations that
     * nothing else refers to: an account opened in an imported area meanwhile keeps its area). Only rows of this office
     * that record this import. The marker goes first: a chunk of the import still running waits for its row lock and
     * then fails, and this transaction's later statements see the rows of a chunk that committed before.
     *
     * @return the accounts deleted, or -1 when the marker was gone already (someone else removes the import)
     */
    public int remove() throws SQLException {
        if (deleteMarker() != 1) {
            return -1;
        }
        int accounts = delete("delete from cus_account where office = ? and import_id = ?");
        delete("delete from cus_area a where a.office = ? and a.import_id = ?"
                + " and not exists (select 1 from cus_account c where c.area_id = a.id)");
        delete("delete from cus_station s where s.office = ? and s.import_id = ?"
                + " and not exists (select 1 from cus_area a where a.station_id = s.id)");
        return accounts;
    }

    private int delete(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, office);
            ps.setString(2, importId);
            return ps.executeUpdate();
        }
    }

    private void insertStations(List<Station> stations) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into cus_station (office, code, name, version, import_id) values (?, ?, ?, 1, ?)")) {
            for (Station s : stations) {
                ps.setString(1, office);
                ps.setString(2, s.code());
                ps.setString(3, s.name());
                ps.setString(4, importId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertAreas(List<TransformerArea> areas, Map<String, Long> stationIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into cus_area (office, code, name, station_id, capacity_kva, version, import_id)"
                + " values (?, ?, ?, ?, ?, 1, ?)")) {
            for (TransformerArea a : areas) {
                ps.setString(1, office);
                ps.setString(2, a.code());
                ps.setString(3, a.name());
                ps.setLong(4, stationIds.get(a.stationCode()));
                ps.setInt(5, a.capacityKva());
                ps.setString(6, importId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stores accounts whose areas are in {@code areaIds} (from {@link #writeNetwork}). */
    public void insertAccounts(List<Account> accounts, Map<String, Long> areaIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into cus_account (office, number, name, phone,"
                + " address, area_id, category, voltage_level, important_class, status, opened_at, version, import_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
            int pending = 0;
            for (Account account : accounts) {
                AccountDetails d = account.details();
                ps.setString(1, office);
                ps.setString(2, account.number().value());
                ps.setString(3, d.name());
                ps.setString(4, d.phone());
                ps.setString(5, d.premise().address());
                ps.setLong(6, areaIds.get(d.premise().areaCode()));
                ps.setString(7, d.category().name());
                ps.setString(8, d.voltageLevel().name());
                ps.setString(9, d.importantClass().name());
                ps.setString(10, account.status().name());
                ps.setObject(11, AccountEntity.toColumn(account.openedAt()));
                ps.setString(12, importId);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private Map<String, Long> ids(String table) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("select code, id from " + table + " where office = ?")) {
            ps.setString(1, office);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }
}
