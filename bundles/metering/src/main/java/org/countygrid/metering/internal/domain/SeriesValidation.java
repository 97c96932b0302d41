package org.countygrid.metering.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.internal.domain.Vee.Point;
import org.countygrid.metering.internal.domain.Vee.Verdict;

/**
 * {@link Vee} over one series (meter, kind, register) in time order, so that every reading gets the verdict it would
 * have had had the readings arrived in time order. New readings newer than everything stored are judged one after
 * the other. When some are older than stored ones (they arrived late), the stored later readings are judged again
 * against the corrected history and the gaps between them estimated again:
 * <ul>
 * <li>a new real reading at the time of an estimate replaces the estimate (the estimate is deleted, the reading
 * inserted with its own verdict); estimates are derived data, so the walked span's estimates are computed again and
 * those that no longer come out the same are deleted (and inserted with their new value where a gap remains);</li>
 * <li>a stored reading that failed a check needing no history ({@link Vee#precheck}) keeps its verdict;</li>
 * <li>the walk stops at the first stored reading after the last new one that follows {@code historyReadings}
 * unchanged valid verdicts in a row: from there on the history each reading is judged against is the one it was
 * judged against before, so no verdict can change. The caller bounds the stored readings it hands in (the
 * horizon), which bounds the walk when it does not settle.</li>
 * </ul>
 * Stored values never change; only verdicts do.
 */
public final class SeriesValidation {

    /** A reading of the series with its verdict; an estimate's verdict is {@link Verdict#ESTIMATE}. */
    public record Judged(Instant at, long value, Verdict verdict) {

        public boolean estimate() {
            return verdict.status() == ReadingStatus.ESTIMATED;
        }

        /** Whether it counts as history: valid or estimated. */
        public boolean history() {
            return verdict.status() != ReadingStatus.FAILED;
        }
    }

    /** A new reading and its verdict from {@link Vee#precheck} (null when it passed). */
    public record Incoming(long value, Verdict failed) {
    }

    /**
     * What the walk changes: rows to insert (new readings and estimates), stored readings whose verdict changed, and
     * the times of stored estimates to delete (before the inserts: a real reading may take an estimate's time).
     */
    public record Changes(List<Judged> inserts, List<Judged> updates, List<Instant> deletes) {
    }

    private final Vee vee;
    private final int historyReadings;
    private final Duration step;

    public SeriesValidation(Vee vee, int historyReadings, Duration step) {
        this.vee = vee;
        this.historyReadings = historyReadings;
        this.step = step;
    }

    /**
     * @param stored   the series' stored rows: at least its last {@code historyReadings} valid ones before its last
     *                 valid real reading before the first new one, every row since, and the later ones up to the
     *                 horizon
     * @param incoming the new readings by time, none at the time of a stored real reading
     */
    public Changes validate(NavigableMap<Instant, Judged> stored, NavigableMap<Instant, Incoming> incoming) {
        Instant first = incoming.firstKey();
        Instant anchor = lastRealValid(stored, first);
        // the history: valid points up to the anchor (estimates after it fill a gap the new readings may split),
        // then the walk's own; always in time order, so a list
        List<Point> valid = new ArrayList<>();
        Set<Instant> taken = new HashSet<>();
        NavigableMap<Instant, Judged> later = Collections.emptyNavigableMap(); // stored real readings from first on
        for (Judged j : stored.values()) {
            boolean before = anchor != null ? !j.at().isAfter(anchor) : j.at().isBefore(first);
            if (before && j.history()) {
                valid.add(new Point(j.at(), j.value()));
            }
            if (!j.estimate()) {
                taken.add(j.at()); // a real reading, failed ones too, is never estimated over
                if (!j.at().isBefore(first)) {
                    if (later.isEmpty()) {
                        later = new TreeMap<>();
                    }
                    later.put(j.at(), j);
                }
            }
        }
        NavigableSet<Instant> times = incoming.navigableKeySet();
        if (!later.isEmpty()) {
            times = new TreeSet<>(times);
            times.addAll(later.keySet());
        }

        List<Judged> inserts = new ArrayList<>();
        List<Judged> updates = new ArrayList<>();
        TreeMap<Instant, Long> estimates = new TreeMap<>();
        Instant lastNew = incoming.lastKey();
        Instant end = first;
        int unchanged = 0;
        for (Instant t : times) {
            Judged old = later.get(t);
            if (old != null && unchanged >= historyReadings && t.isAfter(lastNew)) {
                break; // settled: the history from here on is the one the stored verdicts were judged against
            }
            Incoming in = old == null ? incoming.get(t) : null;
            long value = old != null ? old.value() : in.value();
            Verdict verdict;
            if (in != null && in.failed() != null) {
                verdict = in.failed();
            } else if (old != null && !Vee.dependsOnHistory(old.verdict())) {
                verdict = old.verdict();
            } else {
                verdict = vee.judge(t, value, history(valid), step);
            }
            if (verdict.status() != ReadingStatus.FAILED) {
                Point point = new Point(t, value);
                if (Vee.GAP_BEFORE.equals(verdict.flags())) {
                    for (Point e : vee.estimateGap(valid.get(valid.size() - 1), point, step)) {
                        if (!taken.contains(e.at())) {
                            estimates.put(e.at(), e.value());
                            valid.add(e);
                        }
                    }
                }
                valid.add(point);
            }
            if (old == null) {
                taken.add(t);
                inserts.add(new Judged(t, value, verdict));
                unchanged = 0;
            } else if (!verdict.equals(old.verdict())) {
                updates.add(new Judged(t, value, verdict));
                unchanged = 0;
            } else if (verdict.status() != ReadingStatus.FAILED) {
                unchanged++;
            }
            end = t;
        }

        // the walked span's stored estimates: kept when estimated again alike, deleted otherwise
        List<Instant> deletes = new ArrayList<>();
        NavigableMap<Instant, Judged> span = anchor != null ? stored.subMap(anchor, false, end, true)
                : stored.subMap(first, true, end, true);
        for (Judged j : span.values()) {
            if (j.estimate()) {
                Long again = estimates.get(j.at());
                if (again != null && again == j.value()) {
                    estimates.remove(j.at());
                } else {
                    deletes.add(j.at());
                }
            }
        }
        estimates.forEach((t, v) -> inserts.add(new Judged(t, v, Verdict.ESTIMATE)));
        return new Changes(inserts, updates, deletes);
    }

    /** The last stored valid real reading (not an estimate) before {@code t}, or null. */
    public static Instant lastRealValid(NavigableMap<Instant, Judged> stored, Instant t) {
        for (Judged j : stored.headMap(t, false).descendingMap().values()) {
            if (j.verdict().status() == ReadingStatus.VALID) {
                return j.at();
            }
        }
        return null;
    }

    /** The last {@code historyReadings} valid points so far, oldest first. */
    private List<Point> history(List<Point> valid) {
        return List.copyOf(valid.subList(Math.max(0, valid.size() - historyReadings), valid.size()));
    }
}
