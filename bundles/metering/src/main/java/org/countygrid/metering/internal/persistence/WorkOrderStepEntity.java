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

import org.countygrid.metering.WorkOrderStep;

/** A row of {@code mtr_work_order_step}: one entry of an order's history; only ever added. */
@Entity
@Table(name = "mtr_work_order_step")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY)
public class WorkOrderStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mtr_work_order_step_seq")
    @SequenceGenerator(name = "mtr_work_order_step_seq", sequenceName = "mtr_work_order_step_seq", allocationSize = 1)
    private long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(nullable = false, length = 20, updatable = false)
    private String action;

    @Column(nullable = false, length = 60, updatable = false)
    private String actor;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private LocalDateTime happenedAt;

    @Column(length = 600, updatable = false)
    private String note;

    protected WorkOrderStepEntity() {
        // for JPA
    }

    WorkOrderStepEntity(long orderId, String action, String actor, Instant at, String note) {
        this.orderId = orderId;
        this.action = action;
        this.actor = actor;
        this.happenedAt = Columns.of(at);
        this.note = note;
    }

    long orderId() {
        return orderId;
    }

    public WorkOrderStep toView() {
        return new WorkOrderStep(action, actor, Columns.instant(happenedAt), note);
    }
}
