package org.countygrid.metering.internal.persistence;


import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.Phase;
import org.countygrid.metering.internal.domain.Meter;

/** A row of {@code mtr_meter}: stores a {@link Meter}; the rules live in the domain object. */
@Entity
@Table(name = "mtr_meter")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class MeterEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_meter_seq")
    @SequenceGenerator(name = "mtr_meter_seq", sequenceName = "mtr_meter_seq", allocationSize = 1)
    private long id;

    /**
     * The tenant column, read-only (EclipseLink fills and filters it): named first in a list's ORDER BY, since H2 reads
     * an index in order only for an ORDER BY of its leading columns, (office, barcode) or (office, state, barcode);
     * ordered by barcode alone it read and sorted all 200,000 meters of a county for a page of three.
     */
    @Column(name = "office", insertable = false, updatable = false)
    private String office;

    @Column(nullable = false, length = 22, updatable = false)
    private String barcode;

    @Column(name = "asset_number", nullable = false, length = 30, updatable = false)
    private String assetNumber;

    @Column(name = "comm_address", nullable = false, length = 12, updatable = false)
    private String commAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(name = "fee_control", nullable = false, length = 8, updatable = false)
    private FeeControl feeControl;

    @Column(nullable = false, length = 60, updatable = false)
    private String manufacturer;

    @Column(name = "accuracy_class", nullable = false, length = 8, updatable = false)
    private String accuracyClass;

    @Embedded
    private LifeColumns life;

    @Column(name = "account_number", length = 10)
    private String accountNumber;

    @Column(name = "delivery_batch", length = 40, updatable = false)
    private String deliveryBatch;

    @Version
    private long version;

    protected MeterEntity() {
        // for JPA
    }

    MeterEntity(Meter meter, String batch) {
        this.barcode = meter.barcode();
        this.assetNumber = meter.assetNumber();
        this.commAddress = meter.commAddress();
        this.phase = meter.phase();
        this.feeControl = meter.feeControl();
        this.manufacturer = meter.manufacturer();
        this.accuracyClass = meter.accuracyClass();
        this.deliveryBatch = batch;
        apply(meter);
    }

    /** Stores the state a lifecycle rule returned. */
    public void apply(Meter meter) {
        this.life = new LifeColumns(meter.verifiedOn(), meter.state(), meter.warehouseCode(), meter.stationCode(),
                meter.cabinetCode(), meter.holder());
        this.accountNumber = meter.accountNumber();
    }

    public Meter toMeter() {
        return new Meter(barcode, assetNumber, commAddress, phase, feeControl, manufacturer, accuracyClass,
                life.verifiedOn(), life.state(), life.warehouseCode(), life.stationCode(), life.cabinetCode(), life.holder(),
                accountNumber, version);
    }

    public MeterView toView() {
        return new MeterView(barcode, assetNumber, commAddress, phase, feeControl, manufacturer, accuracyClass,
                life.verifiedOn(), life.state(), life.warehouseCode(), life.stationCode(), life.cabinetCode(), life.holder(),
                accountNumber, version);
    }
}
