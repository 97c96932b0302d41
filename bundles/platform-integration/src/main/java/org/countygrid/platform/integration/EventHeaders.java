package org.countygrid.platform.integration;

/**
 * Headers the outbox relay sets on every event it sends to its subscribers; the body is the event's JSON payload
 * as a String. An event type has any number of subscribers: the route consuming {@code direct:<event type>} (at
 * most one, since a direct endpoint has one consumer) and the routes consuming
 * {@code direct:<event type>/<subscriber>}, e.g. {@code direct:customers.account-opened/metering} — the form a
 * module wiring or an integrator's route uses so that it never takes the event away from another.
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

    /** Between the event's endpoint and a subscriber's name. */
    public static final String SUBSCRIBER_SEPARATOR = "/";

    /** The endpoint an event of this type is sent to. */
    public static String endpointFor(String eventType) {
        return "direct:" + eventType;
    }

    /** The endpoint of one named subscriber to events of this type. */
    public static String endpointFor(String eventType, String subscriber) {
        return endpointFor(eventType) + SUBSCRIBER_SEPARATOR + subscriber;
    }

    private EventHeaders() {
    }
}
