package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;

/**
 * A row of {@code mtr_meter_audit}: one transition of a meter (asset type METER, key its barcode) or of a
 * collection terminal (TERMINAL, key its asset number); rows are only ever added.
 */
@Entity
@Table(name = "mtr_meter_audit")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class MeterAuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_meter_audit_seq")
    @SequenceGenerator(name = "mtr_meter_audit_seq", sequenceName = "mtr_meter_audit_seq", allocationSize = 1)
    private long id;

    static final String METER = "METER";
    static final String TERMINAL = "TERMINAL";

    @Column(name = "asset_type", nullable = false, length = 10, updatable = false)
    private String assetType;

    @Column(nullable = false, length = 30, updatable = false)
    private String barcode;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 12, updatable = false)
    private MeterState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 12, updatable = false)
    private MeterState toState;

    @Column(nullable = false, length = 60, updatable = false)
    private String actor;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private LocalDateTime happenedAt;

    @Column(name = "device_id", length = 60, updatable = false)
    private String deviceId;

    @Column(length = 200, updatable = false)
    private String location;

    @Column(length = 200, updatable = false)
    private String detail;

    protected MeterAuditEntity() {
        // for JPA
    }

    MeterAuditEntity(String assetType, String barcode, MeterState from, MeterState to, String actor, Instant at, String deviceId,
            String location, String detail) {
        this.assetType = assetType;
        this.barcode = barcode;
        this.fromState = from;
        this.toState = to;
        this.actor = actor;
        this.happenedAt = Columns.of(at);
        this.deviceId = deviceId;
        this.location = location;
        this.detail = detail;
    }

    public MeterTransitionView toView() {
        return new MeterTransitionView(barcode, fromState, toState, actor, Columns.instant(happenedAt), deviceId,
                location, detail);
    }
}
