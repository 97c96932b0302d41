package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.internal.ReadingIngest.Parsed;
import org.countygrid.metering.internal.ReadingIngest.Series;
import org.countygrid.metering.internal.domain.Installations;
import org.countygrid.metering.internal.domain.SeriesValidation;
import org.countygrid.metering.internal.domain.SeriesValidation.Judged;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.metering.internal.persistence.ReadingTable;

/**
 * The stored rows an ingest batch judges its series against, read for many series at once: the history before each
 * series' new readings, and the stored readings after them up to the re-judge horizon ({@code rejudgeReadings}
 * intervals after the batch's last point), which a batch newer than everything stored finds empty.
 */
final class StoredHistories {

    /** A plain valid row; also rows before the window found by the fallback queries, where only that matters. */
    private static final Vee.Verdict PLAIN_VALID = new Vee.Verdict(ReadingStatus.VALID, null, null);
    private static final Vee.Verdict OLDER_FAILED = new Vee.Verdict(ReadingStatus.FAILED, null, null);

    private final int historyReadings;
    private final int rejudgeReadings;

    StoredHistories(int historyReadings, int rejudgeReadings) {
        this.historyReadings = historyReadings;
        this.rejudgeReadings = rejudgeReadings;
    }

    /**
     * The stored readings every series of the batch is judged against, read for many series at once: series of one
     * kind and register whose spans lie close together (a channel's batch: the same hour or day of many meters) share
     * one window, from a lookback before the earliest first point to the re-judge horizon after the latest last
     * point. A series with fewer than {@code historyReadings} valid points before its first one in the window (a new
     * meter, or one after a long gap) looks further back on its own, unless its meter was installed only after the
     * window began; a late series counts only those up to its last valid real reading before its first new one.
     */
    Map<Series, TreeMap<Instant, Judged>> read(ReadingTable table,
            Map<Series, TreeMap<Instant, Parsed>> series, Map<String, Installations> meters) throws SQLException {
        List<Series> ordered = new ArrayList<>(series.keySet());
        ordered.sort(Comparator.comparing(Series::kind).thenComparing(Series::register)
                .thenComparing(s -> series.get(s).firstKey()));
        Map<Series, TreeMap<Instant, Judged>> histories = new HashMap<>();
        List<Series> group = new ArrayList<>();
        for (Series s : ordered) {
            if (!group.isEmpty() && !together(series, group.get(0), s)) {
                load(table, series, meters, group, histories);
                group = new ArrayList<>();
            }
            group.add(s);
        }
        if (!group.isEmpty()) {
            load(table, series, meters, group, histories);
        }
        return histories;
    }

    /** Half the history again, so a few missing points do not send a series to its own queries. */
    private Duration lookback(ReadingKind kind) {
        return kind.step().multipliedBy(historyReadings + historyReadings / 2);
    }

    /**
     * Whether a meter may have valid readings before {@code t}: VEE accepts a reading only while the meter is
     * installed, so there are none before its first installation, and none of an unknown meter.
     */
    private static boolean installedBefore(Installations meter, Instant t) {
        return meter != null && meter.periods().stream().anyMatch(p -> p.installedAt().isBefore(t));
    }

    /** A series joins a group when it adds at most a lookback of rows to read at either end of the window. */
    private boolean together(Map<Series, TreeMap<Instant, Parsed>> series, Series lead, Series s) {
        if (lead.kind() != s.kind() || lead.register() != s.register()) {
            return false;
        }
        Duration slack = lookback(s.kind());
        TreeMap<Instant, Parsed> a = series.get(lead);
        TreeMap<Instant, Parsed> b = series.get(s);
        return !b.firstKey().isAfter(a.firstKey().plus(slack))
                && Duration.between(a.lastKey(), b.lastKey()).abs().compareTo(slack) <= 0;
    }

    private void load(ReadingTable table, Map<Series, TreeMap<Instant, Parsed>> series, Map<String, Installations> meters,
            List<Series> group, Map<Series, TreeMap<Instant, Judged>> histories) throws SQLException {
        Series lead = group.get(0);
        Instant from = series.get(lead).firstKey().minus(lookback(lead.kind()));
        Instant last = group.stream().map(s -> series.get(s).lastKey()).max(Comparator.naturalOrder()).orElseThrow();
        // up to the horizon: what a late reading re-judges; nothing lies after the last point when none is late
        Instant to = last.plus(lead.kind().step().multipliedBy(rejudgeReadings));
        Map<String, List<ReadingTable.Stored>> stored = table.stored(group.stream().map(Series::barcode).toList(),
                lead.kind(), lead.register(), from, to);
        Map<Series, Instant> late = new HashMap<>(); // a late series and its first new point
        for (Series s : group) {
            TreeMap<Instant, Parsed> points = series.get(s);
            TreeMap<Instant, Judged> rows = new TreeMap<>();
            int valid = 0;
            for (ReadingTable.Stored r : stored.getOrDefault(s.barcode(), List.of())) {
                Judged j = judged(r);
                rows.put(r.at(), j);
                if (j.history() && r.at().isBefore(points.firstKey())) {
                    valid++;
                }
            }
            Instant first = firstNew(points, rows); // null when every point repeats a stored reading
            if (first != null && rows.ceilingKey(first) != null) {
                // late: the history ends at the last valid real reading before the first new one, since the
                // estimates after it may be split by the new readings; it may lie before the window
                late.put(s, first);
                Instant anchor = SeriesValidation.lastRealValid(rows, first);
                long known = anchor == null ? 0
                        : rows.headMap(anchor, true).values().stream().filter(Judged::history).count();
                if (known < historyReadings && installedBefore(meters.get(s.barcode()), from)) {
                    table.historyBefore(s.barcode(), s.kind(), s.register(), first, historyReadings)
                            .forEach(r -> rows.putIfAbsent(r.at(), judged(r)));
                }
            } else if (first != null && valid < historyReadings && installedBefore(meters.get(s.barcode()), from)) {
                // the history may reach back before the window: its last valid points before it, and every time
                // stored since the oldest of them (a gap filled later must not estimate over a failed reading)
                List<Vee.Point> older = table.lastValid(s.barcode(), s.kind(), s.register(), from, historyReadings);
                older.forEach(v -> rows.putIfAbsent(v.at(), new Judged(v.at(), v.value(), PLAIN_VALID)));
                if (!older.isEmpty()) {
                    for (Instant t : table.storedTimes(s.barcode(), s.kind(), s.register(), older.get(0).at(), from)) {
                        rows.putIfAbsent(t, new Judged(t, 0, OLDER_FAILED));
                    }
                }
            }
            histories.put(s, rows);
        }
        if (!late.isEmpty()) {
            // the verdicts of the readings to judge again: reason and flags, which the window query leaves out
            Instant earliest = late.values().stream().min(Comparator.naturalOrder()).orElseThrow();
            Map<String, List<ReadingTable.Stored>> verdicts = table.storedVerdicts(
                    late.keySet().stream().map(Series::barcode).toList(), lead.kind(), lead.register(), earliest, to);
            late.forEach((s, first) -> {
                for (ReadingTable.Stored r : verdicts.getOrDefault(s.barcode(), List.of())) {
                    if (!r.at().isBefore(first)) {
                        histories.get(s).put(r.at(), judged(r));
                    }
                }
            });
        }
    }

    /**
     * The first of a series' new points that is not a stored valid reading (a repeat), or null. A point at a stored
     * failed reading counts as new here: the window query leaves out the reason, and one that failed on arrival
     * ({@link Vee#failedOnArrival}) is judged anew when sent again, so the series is read as a late one, with the
     * verdicts from that point on.
     */
    private static Instant firstNew(TreeMap<Instant, Parsed> points, TreeMap<Instant, Judged> stored) {
        for (Instant t : points.keySet()) {
            Judged there = stored.get(t);
            if (there == null || there.estimate() || there.verdict().status() == ReadingStatus.FAILED) {
                return t;
            }
        }
        return null;
    }

    /** Most stored rows are plain valid ones: they share one verdict, a batch reads a dozen of them per reading. */
    private static Judged judged(ReadingTable.Stored r) {
        Vee.Verdict verdict;
        if (r.reason() != null || r.flags() != null) {
            verdict = new Vee.Verdict(r.status(), r.reason(), r.flags());
        } else if (r.status() == ReadingStatus.VALID) {
            verdict = PLAIN_VALID;
        } else if (r.status() == ReadingStatus.ESTIMATED) {
            verdict = Vee.Verdict.ESTIMATE;
        } else {
            verdict = new Vee.Verdict(r.status(), null, null);
        }
        return new Judged(r.at(), r.value(), verdict);
    }
}
