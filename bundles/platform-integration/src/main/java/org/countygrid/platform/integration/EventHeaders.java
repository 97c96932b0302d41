package org.countygrid.platform.integration;

/**
 * Headers the outbox relay sets on every event it sends to {@code direct:<event type>}; the body is the
 * event's JSON payload as a String.
 */
public final class EventHeaders {

    /** e.g. {@code customers.account-opened}. */
    public static final String TYPE = "CountyGridEventType";
    public static final String VERSION = "CountyGridEventVersion";
    /** The office code the event belongs to. */
    public static final String OFFICE = "CountyGridOffice";
    /** The aggregate id, e.g. an account number. */
    public static final String SUBJECT = "CountyGridSubject";
    /** The outbox position; unique and rising, so consumers use it to drop repeats. */
    public static final String SEQUENCE = "CountyGridSequence";

    /** The endpoint an event of this type is sent to. */
    public static String endpointFor(String eventType) {
        return "direct:" + eventType;
    }

    private EventHeaders() {
    }
}
