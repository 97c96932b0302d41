package org.countygrid.metering;

/**
 * The Camel endpoint through which the metering module follows changes of the accounts it serves: the wiring of
 * {@code customers.account-changed} sends each such event here as the relay delivered it — its JSON body (with
 * {@code changes: [{field, before, after}]}) and the {@code CountyGrid*} headers. A change of {@code address} or
 * {@code areaCode} is followed by {@link WorkOrderService#followAccount}; other changes need nothing. An account the
 * customers module no longer knows is logged and not retried; any other failure is thrown, so that the relay tries
 * the event again.
 */
public final class AccountChanges {

    /** {@code direct:metering.account-changes}. */
    public static final String ENDPOINT = "direct:metering.account-changes";

    /** The office of the account: the relayed event's own header. */
    public static final String OFFICE = "CountyGridOffice";
    /** The event's type and outbox position, named in the order's history as where the change came from. */
    public static final String EVENT_TYPE = "CountyGridEventType";
    public static final String SEQUENCE = "CountyGridSequence";

    private AccountChanges() {
    }
}
