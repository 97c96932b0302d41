package org.countygrid.metering.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.countygrid.platform.api.FieldErrors;

/** Energy in kWh with two decimals, held as long hundredths (0.01 kWh) like money in fen: never a double. */
public final class Kwh {

    static final String BAD = "must be a number of kWh, 0 or more, with at most two decimals";
    /**
     * The largest register value taken, in hundredths: 99,999,999.99 kWh, eight digits before the point — a DL/T
     * 645-2007 energy register (XXXXXX.XX) rolls over at 999,999.99, and eight digits leave room for registers read
     * with a transformer's ratio applied; a probe had 10^15 kWh stored as a valid first reading.
     */
    static final long MAX = 9_999_999_999L;
    static final String TOO_LARGE = "must be at most 99999999.99 kWh (no meter register holds more)";

    private Kwh() {
    }

    /** Hundredths of {@code kwh}, or null after recording a bad value; null in, null out. */
    public static Long hundredths(FieldErrors errors, String field, BigDecimal kwh) {
        if (kwh == null) {
            return null;
        }
        try {
            if (kwh.compareTo(BigDecimal.valueOf(MAX, 2)) > 0) {
                errors.add(field, TOO_LARGE);
                return null;
            }
            long value = kwh.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            if (value >= 0) {
                return value;
            }
        } catch (ArithmeticException e) {
            // more than two decimals: reported below
        }
        errors.add(field, BAD);
        return null;
    }

    public static BigDecimal of(Long hundredths) {
        return hundredths == null ? null : BigDecimal.valueOf(hundredths, 2);
    }
}
