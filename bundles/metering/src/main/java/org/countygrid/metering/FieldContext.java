package org.countygrid.metering;

/**
 * Where and with what a transition happened, for its audit row: the scanner or phone id and a location text
 * (cabinet, station, GPS or address). Who and when come from the caller and the clock. Both may be null.
 */
public record FieldContext(String deviceId, String location) {

    public static final FieldContext NONE = new FieldContext(null, null);
}
