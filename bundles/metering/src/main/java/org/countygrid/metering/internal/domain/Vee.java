package org.countygrid.metering.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.countygrid.metering.ReadingStatus;

/**
 * Validation, estimation and editing (VEE) of one reading against its series' recent valid history. The checks run
 * in a fixed order and the first failure is the reason; a failed reading is stored with that reason, never dropped.
 *
 * @param spikeFactor       a consumption rate above this many times the history's average rate is a spike
 * @param futureTolerance   clock skew allowed between a meter and this node
 * @param minHistory        consumption intervals of history needed before spikes are judged
 * @param maxEstimated      the most points one gap is filled with; a longer gap is only flagged
 */
public record Vee(double spikeFactor, Duration futureTolerance, int minHistory, int maxEstimated) {

    public static final String FUTURE = "FUTURE";
    public static final String UNKNOWN_METER = "UNKNOWN_METER";
    public static final String NOT_INSTALLED = "NOT_INSTALLED";
    public static final String ROLLBACK = "ROLLBACK";
    public static final String SPIKE = "SPIKE";
    /** Flag on a valid reading that follows missing points. */
    public static final String GAP_BEFORE = "GAP_BEFORE";

    /** A register value (hundredths of kWh) at a time. */
    public record Point(Instant at, long value) {
    }

    public record Verdict(ReadingStatus status, String reason, String flags) {

        /** The verdict of a point filled in for a gap. */
        public static final Verdict ESTIMATE = new Verdict(ReadingStatus.ESTIMATED, null, null);

        static Verdict failed(String reason) {
            return new Verdict(ReadingStatus.FAILED, reason, null);
        }
    }

    /**
     * @param history valid readings of the same meter, kind and register before {@code at}, oldest first
     */
    public Verdict check(Instant at, long value, Instant now, boolean knownMeter, boolean installedThen,
            List<Point> history, Duration step) {
        Verdict failed = precheck(at, now, knownMeter, installedThen);
        return failed != null ? failed : judge(at, value, history, step);
    }

    /** The checks that need no history, in their order: the failed verdict, or null when the reading passed them. */
    public Verdict precheck(Instant at, Instant now, boolean knownMeter, boolean installedThen) {
        if (at.isAfter(now.plus(futureTolerance))) {
            return Verdict.failed(FUTURE);
        }
        if (!knownMeter) {
            return Verdict.failed(UNKNOWN_METER);
        }
        if (!installedThen) {
            return Verdict.failed(NOT_INSTALLED);
        }
        return null;
    }

    /** The checks against the history, for a reading that passed {@link #precheck}. */
    public Verdict judge(Instant at, long value, List<Point> history, Duration step) {
        if (history.isEmpty()) {
            return new Verdict(ReadingStatus.VALID, null, null);
        }
        Point last = history.get(history.size() - 1);
        if (value < last.value()) {
            return Verdict.failed(ROLLBACK);
        }
        if (isSpike(history, at, value)) {
            return Verdict.failed(SPIKE);
        }
        boolean gap = Duration.between(last.at(), at).compareTo(step) > 0;
        return new Verdict(ReadingStatus.VALID, null, gap ? GAP_BEFORE : null);
    }

    /**
     * Whether a stored reading's verdict came from {@link #judge}, so a changed history may change it: valid ones and
     * rollbacks and spikes. An estimate, or a reading that failed a {@link #precheck}, keeps its verdict.
     */
    public static boolean dependsOnHistory(Verdict verdict) {
        return verdict.status() == ReadingStatus.VALID
                || verdict.status() == ReadingStatus.FAILED && (ROLLBACK.equals(verdict.reason()) || SPIKE.equals(verdict.reason()));
    }

    /**
     * Whether a stored reading failed a {@link #precheck}: it was judged by when it arrived (too early) or by what the
     * office knew then (a meter not registered or not installed yet), not by its value, so the same reading sent again
     * is judged anew instead of being dropped as a repeat — a concentrator whose clock runs fast must not lose the day.
     */
    public static boolean failedOnArrival(Verdict verdict) {
        return verdict.status() == ReadingStatus.FAILED && (FUTURE.equals(verdict.reason())
                || UNKNOWN_METER.equals(verdict.reason()) || NOT_INSTALLED.equals(verdict.reason()));
    }

    /** Compares rates per second, so history of any spacing (a day, 15 minutes, with gaps) compares fairly. */
    boolean isSpike(List<Point> history, Instant at, long value) {
        if (history.size() < minHistory + 1) {
            return false;
        }
        Point first = history.get(0);
        Point last = history.get(history.size() - 1);
        long span = Duration.between(first.at(), last.at()).toSeconds();
        long since = Duration.between(last.at(), at).toSeconds();
        if (span <= 0 || since <= 0 || last.value() == first.value()) {
            return false; // no consumption history to scale: a first use of an idle meter is not a spike
        }
        // rate > factor × average rate, cross-multiplied so that exactly the factor is not a spike
        double consumption = (double) (value - last.value()) * span;
        return consumption > spikeFactor * (double) (last.value() - first.value()) * since;
    }

    /**
     * Linear estimates for the missing points strictly between {@code last} and {@code next} at multiples of
     * {@code step}; none when more than {@link #maxEstimated} are missing. Values round down, so they never exceed
     * the following real reading.
     */
    public List<Point> estimateGap(Point last, Point next, Duration step) {
        long total = Duration.between(last.at(), next.at()).toSeconds();
        long missing = (total - 1) / step.toSeconds();
        if (missing <= 0 || missing > maxEstimated) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        for (Instant t = last.at().plus(step); t.isBefore(next.at()); t = t.plus(step)) {
            long elapsed = Duration.between(last.at(), t).toSeconds();
            long value = last.value() + Math.floorDiv((next.value() - last.value()) * elapsed, total);
            points.add(new Point(t, value));
        }
        return points;
    }
}
