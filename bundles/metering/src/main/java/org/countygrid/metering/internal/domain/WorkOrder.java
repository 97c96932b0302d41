package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.util.Objects;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;

/**
 * A field work order (装表/拆表/换表) and its rules. Immutable: each rule returns the order afterwards with the
 * history step it adds, or throws (409 for a state that forbids it, 400 for bad input) having changed nothing.
 *
 * @param oldMeter the meter installed at the account when a REMOVE or REPLACE order was created
 * @param newMeter the meter the worker scanned for an INSTALL or REPLACE order
 */
public record WorkOrder(long id, WorkOrderType type, WorkOrderStatus status, String accountNumber, String address,
        String worker, Phase phase, String oldMeter, String newMeter, RegisterValues finalReadings, Instant createdAt,
        String createdBy, Instant completedAt, long version) {

    static final int MAX_WORKER = 60;
    static final int MAX_ADDRESS = 200;
    static final int MAX_NOTE = 200;

    /** The order afterwards and the step for its history. */
    public record Step(WorkOrder order, String action, String note) {
    }

    /** A new OPEN order; {@code installedMeter} is the meter at the account now, or null. */
    public static Step create(NewWorkOrder o, String installedMeter, String creator, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (o == null) {
            errors.add("body", Texts.REQUIRED);
            errors.throwIfAny();
        }
        if (o.type() == null) {
            errors.add("type", Texts.REQUIRED);
        }
        String account = Texts.clean(o.accountNumber());
        if (account == null || account.isEmpty()) {
            errors.add("accountNumber", Texts.REQUIRED);
        } else if (!AccountNumber.isValid(account)) {
            errors.add("accountNumber", "must be exactly 10 digits");
        }
        String worker = Texts.required(errors, "worker", o.worker(), MAX_WORKER);
        String address = Texts.optional(errors, "address", o.address(), MAX_ADDRESS);
        String note = Texts.optional(errors, "note", o.note(), MAX_NOTE);
        errors.throwIfAny();
        if (o.type() == WorkOrderType.INSTALL && installedMeter != null) {
            throw Problem.conflict("account " + account + " has meter " + installedMeter
                    + " installed already; create a REPLACE order");
        }
        if (o.type() != WorkOrderType.INSTALL && installedMeter == null) {
            throw Problem.conflict("account " + account + " has no installed meter to " + verb(o.type()));
        }
        WorkOrder order = new WorkOrder(0, o.type(), WorkOrderStatus.OPEN, account, address, worker, o.phase(),
                o.type() == WorkOrderType.INSTALL ? null : installedMeter, null, null, now, creator, null, 0);
        return new Step(order, "created", note == null ? "assigned to " + worker : note);
    }

    /** The assigned worker scanned {@code meter}: it becomes the order's new meter. */
    public Step scan(Meter meter, String byWorker) {
        requireOpen();
        requireAssigned(byWorker);
        if (type == WorkOrderType.REMOVE) {
            throw refused("a removal order installs no meter");
        }
        if (meter.barcode().equals(oldMeter)) {
            throw refused("wrong meter: " + meter.barcode() + " is the account's old meter");
        }
        if (phase != null && meter.phase() != phase) {
            throw refused("wrong meter: the order needs a " + phase + " phase meter, " + meter.barcode() + " is " + meter.phase());
        }
        if (meter.state() != MeterState.RECEIVED || !byWorker.equals(meter.holder())) {
            throw refused("meter " + meter.barcode() + " is not received by " + byWorker + " (it is " + meter.state()
                    + (meter.holder() == null ? "" : ", held by " + meter.holder()) + ")");
        }
        return new Step(with(status, worker, meter.barcode(), finalReadings, null), "meter-scanned", meter.barcode());
    }

    public Step recordFinalReadings(RegisterValues values, String byWorker) {
        requireOpen();
        requireAssigned(byWorker);
        if (type == WorkOrderType.INSTALL) {
            throw refused("an installation order has no old meter to read");
        }
        return new Step(with(status, worker, newMeter, values, null), "final-readings", "total " + Kwh.of(values.total()) + " kWh"
                + (values.errCode() == null ? "" : ", ERR " + values.errCode()));
    }

    /** Completes the order; the caller moves the meters in the same transaction. */
    public Step complete(String byWorker, Instant now) {
        requireOpen();
        requireAssigned(byWorker);
        if (type != WorkOrderType.REMOVE && newMeter == null) {
            throw refused("scan the new meter's barcode first");
        }
        if (type != WorkOrderType.INSTALL && finalReadings == null) {
            throw refused("record the old meter's final readings first");
        }
        return new Step(with(WorkOrderStatus.COMPLETED, worker, newMeter, finalReadings, now), "completed", null);
    }

    public Step suspend(String reason) {
        String why = Texts.require("reason", reason, MAX_NOTE);
        requireOpen();
        return new Step(with(WorkOrderStatus.SUSPENDED, worker, newMeter, finalReadings, null), "suspended", why);
    }

    public Step resume() {
        if (status != WorkOrderStatus.SUSPENDED) {
            throw refused("it is " + status + ", not suspended");
        }
        return new Step(with(WorkOrderStatus.OPEN, worker, newMeter, finalReadings, null), "resumed", null);
    }

    /** Another worker takes the order; the scanned meter was received by the previous one, so it is unbound. */
    public Step handOver(String toWorker, String note) {
        String to = Texts.require("worker", toWorker, MAX_WORKER);
        requireActive();
        if (to.equals(worker)) {
            throw refused("it is assigned to " + worker + " already");
        }
        String text = "from " + worker + " to " + to + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return new Step(with(status, to, null, finalReadings, null), "handed-over", text);
    }

    public Step cancel(String reason) {
        String why = Texts.require("reason", reason, MAX_NOTE);
        requireActive();
        return new Step(with(WorkOrderStatus.CANCELLED, worker, newMeter, finalReadings, null), "cancelled", why);
    }

    public boolean isAssignedTo(String user) {
        return Objects.equals(worker, user);
    }

    private void requireOpen() {
        if (status == WorkOrderStatus.SUSPENDED) {
            throw refused("it is SUSPENDED; resume it first");
        }
        requireActive();
    }

    private void requireActive() {
        if (status == WorkOrderStatus.COMPLETED || status == WorkOrderStatus.CANCELLED) {
            throw refused("it is " + status);
        }
    }

    private void requireAssigned(String user) {
        if (!isAssignedTo(user)) {
            throw Problem.forbidden("work order " + id + " is assigned to " + worker + ", not to " + user);
        }
    }

    private WorkOrder with(WorkOrderStatus next, String toWorker, String scanned, RegisterValues readings, Instant completed) {
        return new WorkOrder(id, type, next, accountNumber, address, toWorker, phase, oldMeter, scanned, readings,
                createdAt, createdBy, completed, version);
    }

    private Problem refused(String reason) {
        return Problem.conflict("work order " + id + " refused: " + reason);
    }

    private static String verb(WorkOrderType type) {
        return type == WorkOrderType.REMOVE ? "remove" : "replace";
    }
}
