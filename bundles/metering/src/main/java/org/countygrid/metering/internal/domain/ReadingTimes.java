package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.countygrid.metering.ReadingKind;
import org.countygrid.platform.api.FieldErrors;

/**
 * When a reading may be taken: a daily frozen reading (日冻结) at 00:00 China time, an interval reading (曲线) on a
 * quarter hour — what meters and head-end systems deliver. Anything else is malformed, not a failed reading: a daily
 * reading at 08:00 would never count as a day's value, and a time with a fraction of a second would be rounded by
 * the database and then no longer match itself when it is sent again.
 */
public final class ReadingTimes {

    /** The day of a daily reading and of daily consumption (the same as ConsumptionService.DAY_ZONE). */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;
    public static final String OUT_OF_RANGE = "must lie between the years 2000 and 2099 (China time)";
    public static final String NOT_MIDNIGHT = "must be 00:00 China time for a daily reading (e.g. 2026-11-20T16:00:00Z)";
    public static final String NOT_QUARTER = "must be on a quarter hour (:00, :15, :30 or :45, whole minutes) for an interval reading";

    private ReadingTimes() {
    }

    /** Adds to {@code errors} under {@code field} why {@code at} is no time for a reading of this kind; true if none. */
    public static boolean check(FieldErrors errors, String field, ReadingKind kind, Instant at) {
        int year = at.atZone(DAY_ZONE).getYear(); // the reading's day is China's: 2000-01-01 begins at 1999-12-31T16:00Z
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(field, OUT_OF_RANGE);
            return false;
        }
        boolean aligned = switch (kind) {
            case DAILY -> at.getNano() == 0 && at.atZone(DAY_ZONE).toLocalTime().equals(LocalTime.MIDNIGHT);
            case INTERVAL_15 -> at.getNano() == 0 && at.getEpochSecond() % kind.step().toSeconds() == 0;
        };
        if (!aligned) {
            errors.add(field, kind == ReadingKind.DAILY ? NOT_MIDNIGHT : NOT_QUARTER);
        }
        return aligned;
    }
}
