package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code mtr_topology}: a meter under a terminal from attachedAt until detachedAt (null: now). */
@Entity
@Table(name = "mtr_topology")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class TopologyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_topology_seq")
    @SequenceGenerator(name = "mtr_topology_seq", sequenceName = "mtr_topology_seq", allocationSize = 1)
    private long id;

    @Column(nullable = false, length = 30, updatable = false)
    private String terminal;

    @Column(name = "area_code", nullable = false, length = 20, updatable = false)
    private String areaCode;

    @Column(nullable = false, length = 22, updatable = false)
    private String barcode;

    @Column(name = "comm_address", nullable = false, length = 12, updatable = false)
    private String commAddress;

    @Column(name = "attached_at", nullable = false, updatable = false)
    private LocalDateTime attachedAt;

    @Column(name = "detached_at")
    private LocalDateTime detachedAt;

    @Column(length = 60)
    private String reason;

    /** The barcode while the row is current, null once detached: unique per office, so a meter hangs under one terminal. */
    @Column(name = "attached_barcode", length = 22)
    private String attachedBarcode;

    protected TopologyEntity() {
        // for JPA
    }

    TopologyEntity(String terminal, String areaCode, String barcode, String commAddress, Instant at, String reason) {
        this.terminal = terminal;
        this.areaCode = areaCode;
        this.barcode = barcode;
        this.commAddress = commAddress;
        this.attachedAt = Columns.of(at);
        this.reason = MeterRepository.clip(reason, 60);
        this.attachedBarcode = barcode;
    }

    void detach(Instant at, String why) {
        this.detachedAt = Columns.of(at);
        this.reason = MeterRepository.clip(why, 60);
        this.attachedBarcode = null;
    }

    public String terminal() {
        return terminal;
    }

    public String areaCode() {
        return areaCode;
    }

    public String barcode() {
        return barcode;
    }

    public String commAddress() {
        return commAddress;
    }

    public Instant attachedAt() {
        return Columns.instant(attachedAt);
    }
}
