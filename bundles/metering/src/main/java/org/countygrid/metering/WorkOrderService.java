package org.countygrid.metering;

import java.util.List;
import java.util.OptionalLong;

import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Field work orders of the caller's office. Creating, cancelling and handing over need operator, dispatcher or
 * admin; the assigned field worker performs (scan, final readings, complete), suspends and hands over his own
 * orders; reading needs any metering role, and a field worker sees only his own orders. Every change adds a
 * history step. Errors are {@link org.countygrid.platform.api.Problem}s (403, 404, 409) or
 * {@link org.countygrid.platform.api.ValidationException}s (400).
 */
@ProviderType
public interface WorkOrderService {

    /**
     * Creates an OPEN order, assigned to {@code order.worker()} or, without one, waiting for a dispatcher to hand it
     * to a worker. REMOVE and REPLACE need a meter installed at the account; an account with an OPEN or SUSPENDED
     * order gets no second one (409).
     */
    WorkOrderView create(Caller caller, NewWorkOrder order);

    /**
     * Creates an order that something else asked for — another module's event through a wiring route — once:
     * {@code origin} (e.g. {@code customers.account-opened#1234}, at most 120 characters) is kept with the order, and
     * the same origin again returns the order made the first time instead of a second one, as events arrive at least
     * once. Otherwise as {@link #create}, except for a REMOVE of a closed account (销户, the customers module
     * installed): an INSTALL or REPLACE under way at it is cancelled first (the REPLACE's meter then comes off with
     * the REMOVE); when a cancelled INSTALL leaves no meter to remove, that cancelled order is returned and no REMOVE
     * made — the origin is then kept nowhere, so the same request again finds nothing to do and is refused (409).
     */
    WorkOrderView request(Caller caller, NewWorkOrder order, String origin);

    WorkOrderView order(Caller caller, long id);

    /**
     * One page of the orders by status (all when null) and worker (all when null), newest first, with their total.
     * {@code beforeId}, when not null, keeps only orders older than that one (ids grow with time): the next page
     * after a page's last order, which neither repeats nor skips an order when new ones arrive or others change
     * status in between; the total then counts those older ones. {@code limit} 0 means the configured default page
     * size; at most {@link Page#MAX_LIMIT}.
     */
    Page<WorkOrderView> orders(Caller caller, WorkOrderStatus status, String worker, Long beforeId, int offset, int limit);

    /**
     * The field workers of the caller's office an order can be given to (logins with the role {@code field}), sorted;
     * empty when the login realm cannot list them. Creating or handing over an order to anyone else is refused.
     */
    List<String> workers(Caller caller);

    /** The calling field worker's OPEN and SUSPENDED orders: the phone's list. */
    List<WorkOrderView> mine(Caller caller);

    /**
     * The worker scanned a meter's barcode: binds it as the new meter of an INSTALL or REPLACE order. Refused when
     * the meter is not RECEIVED by this worker or does not fit the order (phase, the account's own old meter).
     */
    WorkOrderView scan(Caller caller, long id, String barcode, FieldContext where);

    /** The old meter's final readings (REMOVE, REPLACE). */
    WorkOrderView recordFinalReadings(Caller caller, long id, FinalReadings readings);

    /** The scanned new meter's register values read through its infrared port (INSTALL, REPLACE). */
    WorkOrderView recordNewMeterReadings(Caller caller, long id, FinalReadings readings, FieldContext where);

    /**
     * A photo of the old or the new meter (JPEG or PNG, size-limited, checked to be a readable image), kept with
     * its SHA-256; a new meter's photo needs the meter scanned first, since it shows that meter. The same photo
     * twice is kept once.
     */
    WorkOrderView attachPhoto(Caller caller, long id, OrderFileKind kind, String contentType, byte[] content,
            FieldContext where);

    /**
     * The customer signed the electronic form on the worker's phone (a PNG of the signature). Any later change of
     * the order's meters or readings voids the signature: the customer signed what the form showed then.
     */
    WorkOrderView sign(Caller caller, long id, String signer, String contentType, byte[] png, FieldContext where);

    /** A file kept with the order, by its SHA-256; the completed form is the one of kind FORM. */
    OrderFile file(Caller caller, long id, String sha256);

    /** The completed form (PDF) of a COMPLETED order. */
    OrderFile form(Caller caller, long id);

    /**
     * Follows a change of an account's address or transformer area (customers.account-changed, delivered through
     * {@link AccountChanges#ENDPOINT}), with what the customers module says of the account now: the order under way
     * at the account takes the account's area, and its address if the order had {@code addressBefore} (an address
     * given by hand for the order stays); the meter installed there takes the new area with its installation and
     * moves to the terminal of that area ({@code metering.topology-changed}). The same change again does nothing.
     * Without the customers module there is nothing to follow; an account unknown to it is a 404.
     */
    void followAccount(Caller caller, String accountNumber, String addressBefore, String origin);

    /**
     * Completes the order once everything the form needs is there (new meter scanned, its infrared reading and
     * photo; the old meter's final readings and photo; the customer's signature — each as far as the type has
     * them; otherwise 409 listing what is missing): moves the meters (new one INSTALLED at the account, old one
     * REMOVED) and publishes
     * {@code metering.meter-installed}, {@code metering.meter-removed} or {@code metering.meter-replaced} in the same
     * transaction, and keeps the completed form as a PDF. {@code residualBalanceFen} is the remaining balance the old meter
     * shows (negative for an overdraft): required when a prepaid (fee control LOCAL) meter is replaced, refused
     * for any other order or meter.
     */
    WorkOrderView complete(Caller caller, long id, Long residualBalanceFen, FieldContext where);

    /**
     * The back office's moves of an order — suspend, resume, hand over, cancel — take the order's {@code version}
     * as the caller read it (from {@link WorkOrderView#version()}): when the order has changed since, they are
     * refused with a stale 409 ({@code Problem.stale}) and change nothing, so a screen opened before a colleague's
     * move cannot undo it. Empty: no check (the shell, whose user has just looked the order up).
     */
    WorkOrderView suspend(Caller caller, long id, String reason, OptionalLong expectedVersion);

    WorkOrderView resume(Caller caller, long id, OptionalLong expectedVersion);

    /** Assigns the order to another worker; a meter scanned by the previous worker is unbound. */
    WorkOrderView handOver(Caller caller, long id, String worker, String note, OptionalLong expectedVersion);

    WorkOrderView cancel(Caller caller, long id, String reason, OptionalLong expectedVersion);

    default WorkOrderView suspend(Caller caller, long id, String reason) {
        return suspend(caller, id, reason, OptionalLong.empty());
    }

    default WorkOrderView resume(Caller caller, long id) {
        return resume(caller, id, OptionalLong.empty());
    }

    default WorkOrderView handOver(Caller caller, long id, String worker, String note) {
        return handOver(caller, id, worker, note, OptionalLong.empty());
    }

    default WorkOrderView cancel(Caller caller, long id, String reason) {
        return cancel(caller, id, reason, OptionalLong.empty());
    }
}
