package org.countygrid.metering;

/**
 * The Camel endpoint through which routes ask the metering module for a work order — the wirings from other
 * modules' events (a new connection, a repair ticket) and integrators' routes. The request is the message headers
 * below, in the office of the {@code CountyGridOffice} header that every relayed event carries; the order is made
 * once per {@link #ORIGIN} ({@link WorkOrderService#request}). On return {@link #ORDER_ID} holds the order's id; a
 * request the rules refuse (an unknown account, an account with an order under way, a meter already installed)
 * is not retried: {@link #REFUSED} holds the reason, which is also logged. Any other failure (the database is
 * down) is thrown, so that the outbox relay tries the event again.
 */
public final class WorkOrderRequests {

    /** {@code direct:metering.work-order-requests}. */
    public static final String ENDPOINT = "direct:metering.work-order-requests";

    /** INSTALL, REMOVE or REPLACE; required. */
    public static final String TYPE = "MeteringOrderType";
    /** The 10-digit account number; required. */
    public static final String ACCOUNT = "MeteringAccountNumber";
    /** What asks, unique per request, e.g. {@code customers.account-opened#1234}; required. */
    public static final String ORIGIN = "MeteringOrigin";
    /** The worker to assign; optional (without one a dispatcher assigns it). */
    public static final String WORKER = "MeteringWorker";
    /** SINGLE or THREE; optional. */
    public static final String PHASE = "MeteringPhase";
    /** Shown in the order's history; optional. */
    public static final String NOTE = "MeteringNote";
    /** The office the order belongs to: the relayed event's own header. */
    public static final String OFFICE = "CountyGridOffice";

    /** Set on return: the order's id, when there is one. */
    public static final String ORDER_ID = "MeteringWorkOrderId";
    /** Set on return: why the rules refused the request. */
    public static final String REFUSED = "MeteringRequestRefused";

    private WorkOrderRequests() {
    }
}
