package org.countygrid.metering.internal.persistence;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.persistence.Column;
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

    @Column(length = 200, updatable = false)
    private String address;

    @Column(nullable = false, length = 60)
    private String worker;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, updatable = false)
    private Phase phase;

    @Column(name = "old_meter", length = 22, updatable = false)
    private String oldMeter;

    @Column(name = "new_meter", length = 22)
    private String newMeter;

    @Column(name = "final_total")
    private Long finalTotal;

    @Column(name = "final_peak")
    private Long finalPeak;

    @Column(name = "final_flat")
    private Long finalFlat;

    @Column(name = "final_valley")
    private Long finalValley;

    @Column(name = "err_code", length = 16)
    private String errCode;

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

    WorkOrderEntity(WorkOrder order) {
        this.type = order.type();
        this.accountNumber = order.accountNumber();
        this.address = order.address();
        this.phase = order.phase();
        this.oldMeter = order.oldMeter();
        this.createdAt = Columns.of(order.createdAt());
        this.createdBy = order.createdBy();
        apply(order);
    }

    public void apply(WorkOrder order) {
        this.status = order.status();
        this.worker = order.worker();
        this.newMeter = order.newMeter();
        RegisterValues r = order.finalReadings();
        this.finalTotal = r == null ? null : r.total();
        this.finalPeak = r == null ? null : r.peak();
        this.finalFlat = r == null ? null : r.flat();
        this.finalValley = r == null ? null : r.valley();
        this.errCode = r == null ? null : r.errCode();
        this.completedAt = Columns.of(order.completedAt());
    }

    public long id() {
        return id;
    }

    public WorkOrder toOrder() {
        RegisterValues readings = finalTotal == null ? null
                : new RegisterValues(finalTotal, finalPeak, finalFlat, finalValley, errCode);
        return new WorkOrder(id, type, status, accountNumber, address, worker, phase, oldMeter, newMeter, readings,
                Columns.instant(createdAt), createdBy, Columns.instant(completedAt), version);
    }

    public WorkOrderView toView(List<WorkOrderStep> history) {
        WorkOrder o = toOrder();
        return new WorkOrderView(id, type, status, accountNumber, address, worker, phase, oldMeter, newMeter,
                o.finalReadings() == null ? null : o.finalReadings().toApi(), o.createdAt(), createdBy, o.completedAt(),
                version, history);
    }
}
