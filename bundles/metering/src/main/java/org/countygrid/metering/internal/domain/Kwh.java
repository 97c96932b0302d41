package org.countygrid.metering.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.countygrid.platform.api.FieldErrors;

/** Energy in kWh with two decimals, held as long hundredths (0.01 kWh) like money in fen: never a double. */
public final class Kwh {

    static final String BAD = "must be a number of kWh, 0 or more, with at most two decimals";

    private Kwh() {
    }

    /** Hundredths of {@code kwh}, or null after recording a bad value; null in, null out. */
    public static Long hundredths(FieldErrors errors, String field, BigDecimal kwh) {
        if (kwh == null) {
            return null;
        }
        try {
            long value = kwh.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            if (value >= 0) {
                return value;
            }
        } catch (ArithmeticException e) {
            // more than two decimals or too large: reported below
        }
        errors.add(field, BAD);
        return null;
    }

    public static BigDecimal of(Long hundredths) {
        return hundredths == null ? null : BigDecimal.valueOf(hundredths, 2);
    }
}
