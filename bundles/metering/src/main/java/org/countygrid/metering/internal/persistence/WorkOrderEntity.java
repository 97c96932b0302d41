package org.countygrid.metering.internal.persistence;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
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

import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.OrderFileView;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.domain.RegisterValues;
import org.countygrid.metering.internal.domain.WorkOrder;

/** A row of {@code mtr_work_order}; final readings in hundredths of kWh. */
@Entity
@Table(name = "mtr_work_order")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class WorkOrderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_work_order_seq")
    @SequenceGenerator(name = "mtr_work_order_seq", sequenceName = "mtr_work_order_seq", allocationSize = 1)
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private WorkOrderType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WorkOrderStatus status;

    @Column(name = "account_number", nullable = false, length = 10, updatable = false)
    private String accountNumber;

    /** The account's address at creation (or the one given), followed while under way (AccountFollowing). */
    @Column(length = 200)
    private String address;

    /** The account number while the order is under way, else null: unique per office (one order under way). */
    @Column(name = "active_account", length = 10)
    private String activeAccount;

    @Column(name = "area_code", length = 20)
    private String areaCode;

    @Column(length = 60)
    private String worker;

    /** What asked for the order from elsewhere (an event: type and outbox position), unique in the office. */
    @Column(length = 120, updatable = false)
    private String origin;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, updatable = false)
    private Phase phase;

    @Column(name = "old_meter", length = 22, updatable = false)
    private String oldMeter;

    @Column(name = "new_meter", length = 22)
    private String newMeter;

    /** The old meter's final readings (REMOVE, REPLACE). */
    @Embedded
    @AttributeOverride(name = "total", column = @Column(name = "final_total"))
    @AttributeOverride(name = "peak", column = @Column(name = "final_peak"))
    @AttributeOverride(name = "flat", column = @Column(name = "final_flat"))
    @AttributeOverride(name = "valley", column = @Column(name = "final_valley"))
    @AttributeOverride(name = "errCode", column = @Column(name = "err_code", length = 16))
    private RegisterColumns finalReadings;

    /** The new meter's registers read by infrared (INSTALL, REPLACE). */
    @Embedded
    @AttributeOverride(name = "total", column = @Column(name = "new_total"))
    @AttributeOverride(name = "peak", column = @Column(name = "new_peak"))
    @AttributeOverride(name = "flat", column = @Column(name = "new_flat"))
    @AttributeOverride(name = "valley", column = @Column(name = "new_valley"))
    @AttributeOverride(name = "errCode", column = @Column(name = "new_err_code", length = 16))
    private RegisterColumns newMeterReadings;

    @Column(name = "signed_by", length = 60)
    private String signedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "completed_at")
    private LocalDateTime completedAt;

    @Version
    private long version;

    protected WorkOrderEntity() {
        // for JPA
    }

    WorkOrderEntity(WorkOrder order, String origin) {
        this.origin = origin;
        this.type = order.type();
        this.accountNumber = order.accountNumber();
        this.address = order.address();
        this.areaCode = order.areaCode();
        this.phase = order.phase();
        this.oldMeter = order.oldMeter();
        this.createdAt = Columns.of(order.createdAt());
        this.createdBy = order.createdBy();
        apply(order);
    }

    public void apply(WorkOrder order) {
        // an order that was under way before the database kept one per account (metering-9 marked only the newest
        // of such twins) stays unmarked until it ends, so that it can still be performed
        boolean unmarkedTwin = status != null && WorkOrderRepository.ACTIVE.contains(status) && activeAccount == null;
        this.status = order.status();
        this.address = order.address();
        this.areaCode = order.areaCode();
        this.activeAccount = WorkOrderRepository.ACTIVE.contains(order.status()) && !unmarkedTwin ? accountNumber : null;
        this.worker = order.worker();
        this.newMeter = order.newMeter();
        this.finalReadings = RegisterColumns.of(order.finalReadings());
        this.newMeterReadings = RegisterColumns.of(order.newMeterReadings());
        this.signedBy = order.signedBy();
        this.completedAt = Columns.of(order.completedAt());
    }

    public long id() {
        return id;
    }

    /** @param photos the meter photos kept for the order's current meters (see {@link WorkOrderRepository#order}) */
    public WorkOrder toOrder(Set<OrderFileKind> photos) {
        RegisterValues readings = RegisterColumns.values(finalReadings);
        RegisterValues infrared = RegisterColumns.values(newMeterReadings);
        return new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter, newMeter,
                readings, infrared, signedBy, photos, Columns.instant(createdAt), createdBy, Columns.instant(completedAt),
                version);
    }

    public WorkOrderView toView(Set<OrderFileKind> photos, List<OrderFileView> files, List<WorkOrderStep> history) {
        WorkOrder o = toOrder(photos);
        return new WorkOrderView(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter, newMeter,
                o.finalReadings() == null ? null : o.finalReadings().toApi(),
                o.newMeterReadings() == null ? null : o.newMeterReadings().toApi(), signedBy, o.createdAt(), createdBy,
                o.completedAt(), version, files, history);
    }
}
