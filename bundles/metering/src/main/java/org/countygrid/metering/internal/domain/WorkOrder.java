package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.OrderFileKind;
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
 * @param areaCode         the account's transformer area when the customers module knew it at creation
 * @param worker           the field worker who performs it; null until a dispatcher assigns an order that was made
 *                         without one (e.g. from an event)
 * @param oldMeter         the meter installed at the account when a REMOVE or REPLACE order was created
 * @param newMeter         the meter the worker scanned for an INSTALL or REPLACE order
 * @param newMeterReadings the scanned meter's register values read by infrared
 * @param signedBy         the customer who signed the electronic form; voided by any later change of meters or
 *                         readings
 * @param photos           which meter photos are kept for the order's current meters (a photo shows one meter:
 *                         scanning another new meter leaves the earlier photo behind)
 */
public record WorkOrder(long id, WorkOrderType type, WorkOrderStatus status, String accountNumber, String address,
        String areaCode, String worker, Phase phase, String oldMeter, String newMeter, RegisterValues finalReadings,
        RegisterValues newMeterReadings, String signedBy, Set<OrderFileKind> photos, Instant createdAt,
        String createdBy, Instant completedAt, long version) {

    static final int MAX_WORKER = 60;
    static final int MAX_ADDRESS = 200;
    static final int MAX_NOTE = 200;
    static final int MAX_SIGNER = 60;

    public WorkOrder {
        photos = photos.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(photos));
    }

    /** The order afterwards and the step for its history. */
    public record Step(WorkOrder order, String action, String note) {
    }

    /** A new OPEN order; {@code installedMeter} is the meter at the account now, or null. */
    public static Step create(NewWorkOrder o, String installedMeter, String areaCode, String creator, Instant now) {
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
        String worker = Texts.optional(errors, "worker", o.worker(), MAX_WORKER);
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
        WorkOrder order = new WorkOrder(0, o.type(), WorkOrderStatus.OPEN, account, address, areaCode, worker,
                o.phase(), o.type() == WorkOrderType.INSTALL ? null : installedMeter, null, null, null, null, Set.of(),
                now, creator, null, 0);
        String assignment = worker == null ? "not assigned yet" : "assigned to " + worker;
        return new Step(order, "created", note == null ? assignment : note);
    }

    /**
     * The assigned worker scanned {@code meter}: it becomes the order's new meter. The same meter scanned again (a
     * phone retrying after a dropped answer) changes nothing: null.
     */
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
        if (meter.barcode().equals(newMeter)) {
            return null;
        }
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter,
                meter.barcode(), finalReadings, null, null, without(OrderFileKind.NEW_METER_PHOTO), createdAt, createdBy, null,
                version);
        return new Step(after, "meter-scanned", meter.barcode());
    }

    /**
     * The old meter's final readings; they void the customer's signature, which confirms them — unless they are the
     * ones recorded already (a phone retrying): then nothing changes (null).
     */
    public Step recordFinalReadings(RegisterValues values, String byWorker) {
        requireOpen();
        requireAssigned(byWorker);
        if (type == WorkOrderType.INSTALL) {
            throw refused("an installation order has no old meter to read");
        }
        if (values.equals(finalReadings)) {
            return null;
        }
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter,
                newMeter, values, newMeterReadings, null, photos, createdAt, createdBy, null, version);
        return new Step(after, "final-readings", describe(values));
    }

    /** 红外抄读: the scanned new meter's register values, read through its infrared port. */
    public Step recordNewMeterReadings(RegisterValues values, String byWorker) {
        requireOpen();
        requireAssigned(byWorker);
        if (type == WorkOrderType.REMOVE) {
            throw refused("a removal order installs no meter");
        }
        if (newMeter == null) {
            throw refused("scan the new meter's barcode first");
        }
        if (values.equals(newMeterReadings)) {
            return null; // the same values again (a phone retrying): the signature stands
        }
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter,
                newMeter, finalReadings, values, null, photos, createdAt, createdBy, null, version);
        return new Step(after, "infrared-reading", newMeter + ": " + describe(values));
    }

    /** The barcode of the meter a photo of {@code kind} shows; refused when the order has no such meter. */
    public String photographedMeter(OrderFileKind kind) {
        if (kind == OrderFileKind.OLD_METER_PHOTO) {
            if (type == WorkOrderType.INSTALL) {
                throw refused("an installation order has no old meter to photograph");
            }
            return oldMeter;
        }
        if (kind == OrderFileKind.NEW_METER_PHOTO) {
            if (type == WorkOrderType.REMOVE) {
                throw refused("a removal order installs no meter");
            }
            if (newMeter == null) {
                throw refused("scan the new meter's barcode first: the photo shows that meter");
            }
            return newMeter;
        }
        throw new IllegalArgumentException(kind + " is not a photo");
    }

    /**
     * A photo of the old or the new meter was taken. The form the customer signs shows every photo, so a new photo
     * after the signature voids it: the customer signs again what the form now shows.
     */
    public Step attachPhoto(OrderFileKind kind, String sha256, String byWorker) {
        requireOpen();
        requireAssigned(byWorker);
        String meter = photographedMeter(kind);
        Set<OrderFileKind> kinds = EnumSet.of(kind);
        kinds.addAll(photos);
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter,
                newMeter, finalReadings, newMeterReadings, null, kinds, createdAt, createdBy, null, version);
        return new Step(after, "photo", kind + " of " + meter + " sha256 " + sha256
                + (signedBy != null ? "; the signature of " + signedBy + " is void: the customer signs again" : ""));
    }

    /** The customer signs the form once everything else it shows is there. */
    public Step sign(String signer, String byWorker) {
        String who = Texts.require("signer", signer, MAX_SIGNER);
        requireOpen();
        requireAssigned(byWorker);
        List<String> missing = missing(false);
        if (!missing.isEmpty()) {
            throw refused("the customer signs the completed form; still missing: " + String.join(", ", missing));
        }
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, worker, phase, oldMeter,
                newMeter, finalReadings, newMeterReadings, who, photos, createdAt, createdBy, null, version);
        return new Step(after, "signed", who);
    }

    /** Completes the order; the caller moves the meters in the same transaction. */
    public Step complete(String byWorker, Instant now) {
        requireOpen();
        requireAssigned(byWorker);
        List<String> missing = missing(true);
        if (!missing.isEmpty()) {
            throw refused("still missing: " + String.join(", ", missing));
        }
        return new Step(with(WorkOrderStatus.COMPLETED, worker, now), "completed", null);
    }

    /** What the electronic form still lacks, in the order a worker collects it. */
    public List<String> missing(boolean withSignature) {
        List<String> missing = new ArrayList<>();
        if (type != WorkOrderType.INSTALL) {
            if (finalReadings == null) {
                missing.add("the old meter's final readings");
            }
            if (!photos.contains(OrderFileKind.OLD_METER_PHOTO)) {
                missing.add("a photo of the old meter");
            }
        }
        if (type != WorkOrderType.REMOVE) {
            if (newMeter == null) {
                missing.add("the new meter's barcode scan");
            }
            if (newMeterReadings == null) {
                missing.add("the new meter's infrared reading");
            }
            if (!photos.contains(OrderFileKind.NEW_METER_PHOTO)) {
                missing.add("a photo of the new meter");
            }
        }
        if (withSignature && signedBy == null) {
            missing.add("the customer's signature");
        }
        return missing;
    }

    public Step suspend(String reason) {
        String why = Texts.require("reason", reason, MAX_NOTE);
        requireOpen();
        return new Step(with(WorkOrderStatus.SUSPENDED, worker, null), "suspended", why);
    }

    public Step resume() {
        if (status != WorkOrderStatus.SUSPENDED) {
            throw refused("it is " + status + ", not suspended");
        }
        return new Step(with(WorkOrderStatus.OPEN, worker, null), "resumed", null);
    }

    /**
     * Another worker takes the order (or the first, for an order not assigned yet). The scanned meter was received by the previous one, so it is unbound with its
     * infrared reading and photo, and the signature is void.
     */
    public Step handOver(String toWorker, String note) {
        FieldErrors errors = new FieldErrors();
        String to = Texts.required(errors, "worker", toWorker, MAX_WORKER);
        String why = Texts.optional(errors, "note", note, MAX_NOTE);
        errors.throwIfAny();
        requireActive();
        if (to.equals(worker)) {
            throw refused("it is assigned to " + worker + " already");
        }
        String text = (worker == null ? "assigned to " + to : "from " + worker + " to " + to)
                + (why == null || why.isEmpty() ? "" : ": " + why);
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, address, areaCode, to, phase, oldMeter, null,
                finalReadings, null, null, without(OrderFileKind.NEW_METER_PHOTO), createdAt, createdBy, null, version);
        return new Step(after, "handed-over", text);
    }

    public Step cancel(String reason) {
        String why = Texts.require("reason", reason, MAX_NOTE);
        requireActive();
        return new Step(with(WorkOrderStatus.CANCELLED, worker, null), "cancelled", why);
    }

    /**
     * The account's address or transformer area changed while the order is under way (customers.account-changed):
     * the order takes them, so that the worker goes to the right place and the meter is hung under the right
     * terminal. Null when nothing changes, so that the same change delivered again does nothing. Scanned meters,
     * readings, photos and the signature stay: they are about the meters, not the place.
     */
    public Step followAccount(String newAddress, String newAreaCode) {
        requireActive();
        String toAddress = newAddress == null || newAddress.isBlank() ? address : newAddress;
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(toAddress, address)) {
            changes.add("address " + address + " → " + toAddress);
        }
        if (!Objects.equals(newAreaCode, areaCode)) {
            changes.add("area " + (areaCode == null ? "-" : areaCode) + " → " + (newAreaCode == null ? "-" : newAreaCode));
        }
        if (changes.isEmpty()) {
            return null;
        }
        WorkOrder after = new WorkOrder(id, type, status, accountNumber, toAddress, newAreaCode, worker, phase, oldMeter,
                newMeter, finalReadings, newMeterReadings, signedBy, photos, createdAt, createdBy, completedAt, version);
        return new Step(after, "account-changed", String.join("; ", changes));
    }

    /** An account has one order under way at a time: this OPEN or SUSPENDED one refuses a second (409). */
    public void refuseAnother() {
        if (status == WorkOrderStatus.OPEN || status == WorkOrderStatus.SUSPENDED) {
            throw Problem.conflict("account " + accountNumber + " has work order " + id + " (" + type + ", " + status
                    + ") under way; finish or cancel it first");
        }
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
        if (worker == null) {
            throw refused("it is not assigned to a worker yet");
        }
        if (!isAssignedTo(user)) {
            throw Problem.forbidden("work order " + id + " is assigned to " + worker + ", not to " + user);
        }
    }

    private WorkOrder with(WorkOrderStatus next, String toWorker, Instant completed) {
        return new WorkOrder(id, type, next, accountNumber, address, areaCode, toWorker, phase, oldMeter, newMeter,
                finalReadings, newMeterReadings, signedBy, photos, createdAt, createdBy, completed, version);
    }

    private Set<OrderFileKind> without(OrderFileKind kind) {
        Set<OrderFileKind> rest = photos.isEmpty() ? EnumSet.noneOf(OrderFileKind.class) : EnumSet.copyOf(photos);
        rest.remove(kind);
        return rest;
    }

    private static String describe(RegisterValues values) {
        return "total " + Kwh.of(values.total()) + " kWh" + (values.errCode() == null ? "" : ", ERR " + values.errCode());
    }

    private Problem refused(String reason) {
        return Problem.conflict("work order " + id + " refused: " + reason);
    }

    private static String verb(WorkOrderType type) {
        return type == WorkOrderType.REMOVE ? "remove" : "replace";
    }
}
