package org.countygrid.metering.internal;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.event.TopologyChanged;
import org.countygrid.metering.internal.domain.Terminal;
import org.countygrid.metering.internal.persistence.InstallationEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.TopologyEntity;
import org.countygrid.metering.internal.persistence.TopologyRepository;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.data.ModuleStore;

/**
 * Keeps the terminal ↔ meter topology in step inside the transaction of whatever changed it (a work order, a
 * terminal installed or removed, a reconciliation), and publishes each attach and detach as
 * {@code metering.topology-changed}.
 */
final class TopologyKeeper {

    private final ModuleStore store;

    TopologyKeeper(ModuleStore store) {
        this.store = store;
    }

    /** A meter was installed at an account of {@code area} (null: unknown, so it hangs nowhere yet). */
    void installed(EntityManager em, OfficeCode office, String barcode, String commAddress, String area, Instant now,
            String reason) {
        if (area == null) {
            return;
        }
        new TopologyRepository(em).readerOf(area)
                .ifPresent(terminal -> attach(em, office, terminal, barcode, commAddress, now, reason));
    }

    /** A meter came off its account: it comes off its terminal. */
    void removed(EntityManager em, OfficeCode office, String barcode, Instant now, String reason) {
        TopologyRepository topology = new TopologyRepository(em);
        topology.attachmentOf(barcode).ifPresent(row -> detach(em, office, row, now, reason));
    }

    /** The new meter takes the old one's place under its terminal, or the area's terminal if the old hung nowhere. */
    void replaced(EntityManager em, OfficeCode office, String oldBarcode, String newBarcode, String newAddress,
            String area, Instant now, String reason) {
        TopologyRepository topology = new TopologyRepository(em);
        TopologyEntity old = topology.attachmentOf(oldBarcode).orElse(null);
        if (old == null) {
            installed(em, office, newBarcode, newAddress, area, now, reason);
            return;
        }
        detach(em, office, old, now, reason);
        Terminal terminal = topology.require(old.terminal()).toTerminal();
        attach(em, office, terminal, newBarcode, newAddress, now, reason);
    }

    /**
     * The account of an installed meter moved from {@code fromArea} to {@code toArea} (台区切改): a meter under a
     * terminal of the old area (or under none) goes under the new area's terminal, or hangs nowhere until one is
     * installed there; a meter a reconciliation put under a terminal of another area stays where it is.
     */
    void moved(EntityManager em, OfficeCode office, String barcode, String commAddress, String fromArea, String toArea,
            Instant now, String reason) {
        TopologyEntity row = new TopologyRepository(em).attachmentOf(barcode).orElse(null);
        if (row != null && !row.areaCode().equals(fromArea)) {
            return;
        }
        if (row != null) {
            detach(em, office, row, now, reason);
        }
        installed(em, office, barcode, commAddress, toArea, now, reason);
    }

    /** A terminal was installed: the meters installed in its area that hang nowhere come under it. */
    int adoptArea(EntityManager em, OfficeCode office, Terminal terminal, Instant now) {
        TopologyRepository topology = new TopologyRepository(em);
        MeterRepository meters = new MeterRepository(em);
        int adopted = 0;
        for (InstallationEntity i : meters.installedInArea(terminal.areaCode())) {
            if (topology.attachmentOf(i.barcode()).isEmpty()) {
                String address = meters.require(i.barcode()).toMeter().commAddress();
                attach(em, office, terminal, i.barcode(), address, now, "terminal installed");
                adopted++;
            }
        }
        return adopted;
    }

    /** A terminal was removed: its meters hang nowhere until another terminal reads them. */
    void releaseAll(EntityManager em, OfficeCode office, Terminal terminal, Instant now) {
        for (TopologyEntity row : new TopologyRepository(em).attachedTo(terminal.assetNumber())) {
            detach(em, office, row, now, "terminal removed");
        }
    }

    void attach(EntityManager em, OfficeCode office, Terminal terminal, String barcode, String commAddress, Instant now,
            String reason) {
        new TopologyRepository(em).attach(terminal, barcode, commAddress, now, reason);
        store.publish(em, new TopologyChanged(office, terminal.assetNumber(), terminal.address(), terminal.areaCode(),
                barcode, commAddress, true, reason, now));
    }

    void detach(EntityManager em, OfficeCode office, TopologyEntity row, Instant now, String reason) {
        TopologyRepository topology = new TopologyRepository(em);
        topology.detach(row, now, reason);
        String address = topology.find(row.terminal()).map(t -> t.toTerminal().address()).orElse(null);
        store.publish(em, new TopologyChanged(office, row.terminal(), address, row.areaCode(), row.barcode(),
                row.commAddress(), false, reason, now));
    }
}
