package org.countygrid.metering;

import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.FreeText;

/**
 * Where and with what a transition happened, for its audit row: the scanner or phone id and a location text
 * (cabinet, station, GPS or address). Who and when come from the caller and the clock. Both may be null; a longer one
 * than its column holds, or one with control characters, is refused (400 naming it) rather than cut.
 */
public record FieldContext(String deviceId, String location) {

    public static final int MAX_DEVICE_ID = 60;
    public static final int MAX_LOCATION = 200;

    public static final FieldContext NONE = new FieldContext(null, null);

    public FieldContext {
        FieldErrors errors = new FieldErrors();
        check(errors, "deviceId", deviceId, MAX_DEVICE_ID);
        check(errors, "location", location, MAX_LOCATION);
        errors.throwIfAny();
    }

    private static void check(FieldErrors errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.strip().length() > max) {
            errors.add(field, "must be at most " + max + " characters");
            return;
        }
        String unfit = FreeText.problem(value);
        if (unfit != null) {
            errors.add(field, unfit);
        }
    }
}
