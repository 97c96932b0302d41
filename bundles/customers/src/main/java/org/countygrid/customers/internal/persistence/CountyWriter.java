package org.countygrid.customers.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.AccountDetails;
import org.countygrid.customers.internal.domain.County;
import org.countygrid.customers.internal.domain.Station;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.platform.api.OfficeCode;

/**
 * Writes a checked {@link County} with plain JDBC batches: 200,000 accounts through JPA would take several
 * times longer. Bypassing EclipseLink means setting the office column by hand — every insert below does.
 * Ids come from the columns' sequence defaults, the same sequences JPA draws from.
 */
public final class CountyWriter {

    static final int BATCH = 1000;

    private final Connection connection;
    private final String office;

    /** {@code connection} is the one of the surrounding JPA transaction, so data and event commit together. */
    public CountyWriter(Connection connection, OfficeCode office) {
        this.connection = connection;
        this.office = office.value();
    }

    public void write(County county) throws SQLException {
        insertStations(county.stations());
        Map<String, Long> stationIds = ids("cus_station");
        insertAreas(county.areas(), stationIds);
        Map<String, Long> areaIds = ids("cus_area");
        insertAccounts(county.accounts(), areaIds);
    }

    private void insertStations(List<Station> stations) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into cus_station (office, code, name, version) values (?, ?, ?, 1)")) {
            for (Station s : stations) {
                ps.setString(1, office);
                ps.setString(2, s.code());
                ps.setString(3, s.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertAreas(List<TransformerArea> areas, Map<String, Long> stationIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into cus_area (office, code, name, station_id, capacity_kva, version) values (?, ?, ?, ?, ?, 1)")) {
            for (TransformerArea a : areas) {
                ps.setString(1, office);
                ps.setString(2, a.code());
                ps.setString(3, a.name());
                ps.setLong(4, stationIds.get(a.stationCode()));
                ps.setInt(5, a.capacityKva());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertAccounts(List<Account> accounts, Map<String, Long> areaIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into cus_account (office, number, name, phone,"
                + " address, area_id, category, voltage_level, important_class, status, opened_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
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
