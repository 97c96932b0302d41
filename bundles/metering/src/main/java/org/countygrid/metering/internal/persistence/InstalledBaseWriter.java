package org.countygrid.metering.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.NewTerminal;
import org.countygrid.platform.api.OfficeCode;

/**
 * Writes a checked installed base with JDBC batches on the transaction's connection: 200,000 meters through JPA
 * would take minutes. Rows carry their office by hand (the tenant discriminator JPA would set).
 */
public final class InstalledBaseWriter {

    static final int BATCH = 2_000;

    private final Connection connection;
    private final String office;

    /** On the connection of the entity manager's transaction. */
    public InstalledBaseWriter(EntityManager em, OfficeCode office) {
        this.connection = em.unwrap(Connection.class);
        this.office = office.value();
    }

    /**
     * @param readers area code → the terminal whose archive the area's meters join
     * @return how many meters were attached to a terminal
     */
    public int write(List<InstalledBase.Meter> meters, List<InstalledBase.Terminal> terminals,
            Map<String, InstalledBase.Terminal> readers, String actor, Instant now) throws SQLException {
        Timestamp at = timestamp(now);
        try (PreparedStatement t = connection.prepareStatement("insert into mtr_terminal (office, asset_number, address,"
                + " kind, manufacturer, state, area_code, version) values (?, ?, ?, ?, ?, 'INSTALLED', ?, 1)");
                PreparedStatement audit = audit()) {
            for (InstalledBase.Terminal terminal : terminals) {
                NewTerminal n = terminal.terminal();
                t.setString(1, office);
                t.setString(2, n.assetNumber());
                t.setString(3, n.address());
                t.setString(4, n.kind().name());
                t.setString(5, n.manufacturer());
                t.setString(6, terminal.areaCode());
                t.addBatch();
                addAudit(audit, "TERMINAL", n.assetNumber(), actor, at, "installed base taken over: area " + terminal.areaCode());
            }
            t.executeBatch();
            audit.executeBatch();
        }
        int attached = 0;
        try (PreparedStatement m = connection.prepareStatement("insert into mtr_meter (office, barcode, asset_number,"
                + " comm_address, phase, fee_control, manufacturer, accuracy_class, state, account_number, delivery_batch,"
                + " version) values (?, ?, ?, ?, ?, ?, ?, ?, 'INSTALLED', ?, 'INSTALLED-BASE', 1)");
                PreparedStatement i = connection.prepareStatement("insert into mtr_installation (office, barcode,"
                        + " account_number, area_code, installed_at) values (?, ?, ?, ?, ?)");
                PreparedStatement p = connection.prepareStatement("insert into mtr_topology (office, terminal, area_code,"
                        + " barcode, comm_address, attached_at, reason, attached_barcode)"
                        + " values (?, ?, ?, ?, ?, ?, 'installed base', ?)");
                PreparedStatement audit = audit()) {
            int n = 0;
            for (InstalledBase.Meter meter : meters) {
                NewMeter nm = meter.meter();
                m.setString(1, office);
                m.setString(2, nm.barcode());
                m.setString(3, nm.assetNumber());
                m.setString(4, nm.commAddress());
                m.setString(5, nm.phase().name());
                m.setString(6, nm.feeControl().name());
                m.setString(7, nm.manufacturer());
                m.setString(8, nm.accuracyClass());
                m.setString(9, meter.accountNumber());
                m.addBatch();
                i.setString(1, office);
                i.setString(2, nm.barcode());
                i.setString(3, meter.accountNumber());
                i.setString(4, meter.areaCode());
                i.setTimestamp(5, timestamp(meter.installedAt()));
                i.addBatch();
                InstalledBase.Terminal reader = meter.areaCode() == null ? null : readers.get(meter.areaCode());
                if (reader != null) {
                    p.setString(1, office);
                    p.setString(2, reader.terminal().assetNumber());
                    p.setString(3, meter.areaCode());
                    p.setString(4, nm.barcode());
                    p.setString(5, nm.commAddress());
                    p.setTimestamp(6, timestamp(meter.installedAt().isAfter(reader.installedAt()) ? meter.installedAt()
                            : reader.installedAt()));
                    p.setString(7, nm.barcode());
                    p.addBatch();
                    attached++;
                }
                addAudit(audit, "METER", nm.barcode(), actor, at, "installed base taken over: account " + meter.accountNumber());
                if (++n % BATCH == 0) {
                    execute(m, i, p, audit);
                }
            }
            execute(m, i, p, audit);
        }
        return attached;
    }

    private PreparedStatement audit() throws SQLException {
        return connection.prepareStatement("insert into mtr_meter_audit (office, asset_type, barcode, to_state, actor,"
                + " happened_at, detail) values (?, ?, ?, 'INSTALLED', ?, ?, ?)");
    }

    private void addAudit(PreparedStatement audit, String type, String key, String actor, Timestamp at, String detail)
            throws SQLException {
        audit.setString(1, office);
        audit.setString(2, type);
        audit.setString(3, key);
        audit.setString(4, actor);
        audit.setTimestamp(5, at);
        audit.setString(6, detail);
        audit.addBatch();
    }

    private static void execute(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
