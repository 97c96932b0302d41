package org.countygrid.metering.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.ReadingKind;
import org.countygrid.platform.api.FieldErrors;

/**
 * When a reading may be taken: a daily frozen reading (日冻结) at 00:00 China time, an interval reading (曲线) on a
 * quarter hour — what meters and head-end systems deliver. Anything else is malformed, not a failed reading: a daily
 * reading at 08:00 would never count as a day's value, and a time with a fraction of a second would be rounded by
 * the database and then no longer match itself when it is sent again.
 */
public final class ReadingTimes {

    /** The day of a daily reading: the day of daily consumption. */
    static final ZoneId DAY_ZONE = ConsumptionService.DAY_ZONE;
    /** 2000-01-01 and 2100-01-01 begin in China: the years are China's, as the readings' days are. */
    static final Instant EARLIEST = LocalDate.of(2000, 1, 1).atStartOfDay(DAY_ZONE).toInstant();
    static final Instant LATEST = LocalDate.of(2100, 1, 1).atStartOfDay(DAY_ZONE).toInstant();
    private static final long DAY_SECONDS = 86_400;
    public static final String OUT_OF_RANGE = "must lie between the years 2000 and 2099 (China time)";
    public static final String NOT_MIDNIGHT = "must be 00:00 China time for a daily reading (e.g. 2026-11-20T16:00:00Z)";
    public static final String NOT_QUARTER = "must be on a quarter hour (:00, :15, :30 or :45, whole minutes) for an interval reading";

    /** What a question about readings or consumption may name: wider than the readings' years, safe for day arithmetic. */
    static final LocalDate QUERY_FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate QUERY_LAST_DAY = LocalDate.of(2199, 12, 31);
    public static final String QUERY_OUT_OF_RANGE = "must lie between the years 1900 and 2199";

    private ReadingTimes() {
    }

    /**
     * Adds to {@code errors} under {@code field} when a queried day is outside the years 1900-2199; null passes.
     *
     * @return true when it passes
     */
    public static boolean checkQueried(FieldErrors errors, String field, LocalDate day) {
        if (day != null && (day.isBefore(QUERY_FIRST_DAY) || day.isAfter(QUERY_LAST_DAY))) {
            errors.add(field, QUERY_OUT_OF_RANGE);
            return false;
        }
        return true;
    }

    /**
     * The same for a queried instant (its day in China), up to the end of 2200-01-02: daily consumption up to
     * 2199-12-31 reads the readings two days past its last day.
     */
    public static boolean checkQueried(FieldErrors errors, String field, Instant at) {
        if (at != null && (at.isBefore(QUERY_FIRST_DAY.atStartOfDay(DAY_ZONE).toInstant())
                || !at.isBefore(QUERY_LAST_DAY.plusDays(3).atStartOfDay(DAY_ZONE).toInstant()))) {
            errors.add(field, QUERY_OUT_OF_RANGE);
            return false;
        }
        return true;
    }

    /** Adds to {@code errors} under {@code field} why {@code at} is no time for a reading of this kind; true if none. */
    public static boolean check(FieldErrors errors, String field, ReadingKind kind, Instant at) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            errors.add(field, OUT_OF_RANGE);
            return false;
        }
        boolean aligned = switch (kind) {
            // checked for every reading of a batch: arithmetic on the epoch second, no ZonedDateTime per reading
            case DAILY -> at.getNano() == 0 && Math.floorMod(at.getEpochSecond()
                    + DAY_ZONE.getRules().getOffset(at).getTotalSeconds(), DAY_SECONDS) == 0;
            case INTERVAL_15 -> at.getNano() == 0 && at.getEpochSecond() % kind.step().toSeconds() == 0;
        };
        if (!aligned) {
            errors.add(field, kind == ReadingKind.DAILY ? NOT_MIDNIGHT : NOT_QUARTER);
        }
        return aligned;
    }
}
