package org.countygrid.metering.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.FeeControl;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.OrderFileView;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.event.MeterInstalled;
import org.countygrid.metering.event.MeterRemoved;
import org.countygrid.metering.event.MeterReplaced;
import org.countygrid.metering.internal.domain.Images;
import org.countygrid.metering.internal.domain.Meter;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.persistence.MeterEntity;
import org.countygrid.metering.internal.form.FormRenderer;
import org.countygrid.metering.internal.form.WorkOrderForm;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;

/**
 * What completing an order does to the meters, inside the order's transaction: the new meter INSTALLED at the
 * account, the old one REMOVED, installation periods opened and closed, audit rows, and the one event.
 */
final class OrderCompletion {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ConsumptionService.DAY_ZONE);

    private final ModuleStore store;
    private final FormRenderer forms;
    private final TopologyKeeper topology;

    OrderCompletion(ModuleStore store, FormRenderer forms) {
        this.store = store;
        this.forms = forms;
        this.topology = new TopologyKeeper(store);
    }

    /**
     * Renders the completed form with the photos of the order's meters and the signature, and keeps it with the
     * order: it is part of the completion, so a form that cannot be made fails the completion.
     */
    void keepForm(EntityManager em, Caller caller, WorkOrder order, String customerName, Long residualBalanceFen,
            Instant now) {
        WorkOrderRepository orders = new WorkOrderRepository(em);
        List<WorkOrderForm.Picture> photos = new ArrayList<>();
        WorkOrderForm.Picture signature = null;
        for (OrderFile f : orders.contents(order.id(), List.of(OrderFileKind.OLD_METER_PHOTO,
                OrderFileKind.NEW_METER_PHOTO, OrderFileKind.SIGNATURE))) {
            OrderFileView v = f.file();
            WorkOrderForm.Picture picture = new WorkOrderForm.Picture(v.kind(), v.barcode(), v.contentType(),
                    f.content(), v.sha256());
            if (v.kind() == OrderFileKind.SIGNATURE) {
                signature = picture; // the newest: the one that signed what the form shows
            } else if (v.barcode() != null && (v.barcode().equals(order.oldMeter()) || v.barcode().equals(order.newMeter()))) {
                photos.add(picture);
            }
        }
        List<String> history = new ArrayList<>();
        orders.view(orders.require(order.id())).history().forEach(s -> history.add(
                TIME.format(s.at()) + "  " + s.action() + "  " + s.actor() + (s.note() == null ? "" : "  " + s.note())));
        history.add(TIME.format(now) + "  completed  " + caller.user());
        byte[] pdf = forms.render(new WorkOrderForm(caller.office().value(), order, customerName, residualBalanceFen,
                photos, signature, history, now));
        orders.addFile(order.id(), OrderFileKind.FORM, null, "application/pdf", pdf, Images.sha256(pdf), caller.user(),
                now, null);
    }

    static final String RESIDUAL_REQUIRED = "is required: the old meter is prepaid (fee control LOCAL); enter the"
            + " remaining balance it shows, in fen (negative for an overdraft)";

    void moveMeters(EntityManager em, Caller caller, WorkOrder order, Long residualBalanceFen, FieldContext where,
            Instant now) {
        if (residualBalanceFen != null && order.type() != WorkOrderType.REPLACE) {
            throw new ValidationException("residualBalanceFen", "only a replacement carries a residual balance");
        }
        MeterRepository meters = new MeterRepository(em);
        if (order.type() == WorkOrderType.REPLACE && residualBalanceFen == null
                && meters.require(order.oldMeter()).toMeter().feeControl() == FeeControl.LOCAL) {
            // the cards module carries the prepaid balance over to the new meter (清零结转): without it the
            // customer's money would stay in a meter on its way back to verification
            throw new ValidationException("residualBalanceFen", RESIDUAL_REQUIRED);
        }
        String worker = caller.user();
        String detail = "work order " + order.id() + " at account " + order.accountNumber();
        Meter installed = null;
        if (order.type() != WorkOrderType.REMOVE) {
            MeterEntity entity = meters.require(order.newMeter());
            Meter before = entity.toMeter();
            installed = before.install(order.accountNumber(), worker);
            meters.transition(entity, before, installed, worker, now, where, detail);
            meters.installed(installed.barcode(), order.accountNumber(), order.areaCode(), order.id(), now);
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
        String why = "work order " + order.id();
        switch (order.type()) {
            case INSTALL -> topology.installed(em, caller.office(), installed.barcode(), installed.commAddress(),
                    order.areaCode(), now, why);
            case REMOVE -> topology.removed(em, caller.office(), order.oldMeter(), now, why);
            case REPLACE -> topology.replaced(em, caller.office(), order.oldMeter(), installed.barcode(),
                    installed.commAddress(), order.areaCode(), now, why);
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
