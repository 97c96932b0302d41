package org.countygrid.metering.internal;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.event.MeterInstalled;
import org.countygrid.metering.event.MeterRemoved;
import org.countygrid.metering.event.MeterReplaced;
import org.countygrid.metering.internal.domain.Meter;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.persistence.MeterEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;

/**
 * What completing an order does to the meters, inside the order's transaction: the new meter INSTALLED at the
 * account, the old one REMOVED, installation periods opened and closed, audit rows, and the one event.
 */
final class OrderCompletion {

    private final ModuleStore store;

    OrderCompletion(ModuleStore store) {
        this.store = store;
    }

    void moveMeters(EntityManager em, Caller caller, WorkOrder order, Long residualBalanceFen, FieldContext where,
            Instant now) {
        if (residualBalanceFen != null && order.type() != WorkOrderType.REPLACE) {
            throw new ValidationException("residualBalanceFen", "only a replacement carries a residual balance");
        }
        MeterRepository meters = new MeterRepository(em);
        String worker = caller.user();
        String detail = "work order " + order.id() + " at account " + order.accountNumber();
        Meter installed = null;
        if (order.type() != WorkOrderType.REMOVE) {
            MeterEntity entity = meters.require(order.newMeter());
            Meter before = entity.toMeter();
            installed = before.install(order.accountNumber(), worker);
            meters.transition(entity, before, installed, worker, now, where, detail);
            meters.installed(installed.barcode(), order.accountNumber(), order.id(), now);
        }
        if (order.type() != WorkOrderType.INSTALL) {
            MeterEntity entity = meters.require(order.oldMeter());
            Meter before = entity.toMeter();
            if (residualBalanceFen != null && before.feeControl() != FeeControl.LOCAL) {
                throw new ValidationException("residualBalanceFen", "the old meter is not prepaid (fee control LOCAL)");
            }
            Meter removed = before.remove(worker);
            meters.transition(entity, before, removed, worker, now, where, detail);
            meters.removed(removed.barcode(), now);
        }
        switch (order.type()) {
            case INSTALL -> store.publish(em, new MeterInstalled(caller.office(), order.id(), order.accountNumber(),
                    installed.barcode(), installed.commAddress(), worker, now));
            case REMOVE -> store.publish(em, new MeterRemoved(caller.office(), order.id(), order.accountNumber(),
                    order.oldMeter(), order.finalReadings().toApi(), worker, now));
            case REPLACE -> store.publish(em, new MeterReplaced(caller.office(), order.id(), order.accountNumber(),
                    order.oldMeter(), installed.barcode(), installed.commAddress(), order.finalReadings().toApi(),
                    residualBalanceFen, worker, now));
        }
    }
}
