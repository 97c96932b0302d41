package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.domain.Installations;
import org.countygrid.metering.internal.domain.Kwh;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.SeriesValidation;
import org.countygrid.metering.internal.domain.SeriesValidation.Judged;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.FieldErrors;

/**
 * One ingest batch: readings grouped into series (meter, kind, register) and walked in time order by
 * {@link SeriesValidation}, each judged by {@link Vee} against the series' recent valid history, then all rows
 * written with one JDBC batch. Readings already stored are skipped (idempotency), so a channel may resend a batch
 * after a timeout; a real reading at the time of an estimate is no repeat, it replaces the estimate.
 *
 * <p>The stored history is read for many series at once ({@link #histories}), not per series. The same query reads
 * on to {@code rejudgeReadings} intervals after the batch's last point: a batch newer than everything stored finds
 * nothing there and costs no more, while a series with stored readings after one of its new ones (a late reading)
 * has them judged again in the same walk (their reasons and flags read by one more query per window), and their
 * changed verdicts and re-estimated gaps are written in the same transaction (deletes and updates only then).
 * Stored readings beyond that horizon keep their verdicts.
 */
final class ReadingIngest {

    /** A reading that passed the format checks, its value in hundredths of kWh. */
    record Parsed(String barcode, ReadingKind kind, Register register, Instant at, long value) {
    }

    private record Series(String barcode, ReadingKind kind, Register register) {
    }

    private static final Installations NEVER_INSTALLED = new Installations(List.of());
    /** A plain valid row; also rows before the window found by the fallback queries, where only that matters. */
    private static final Vee.Verdict PLAIN_VALID = new Vee.Verdict(ReadingStatus.VALID, null, null);
    private static final Vee.Verdict OLDER_FAILED = new Vee.Verdict(ReadingStatus.FAILED, null, null);

    private final Vee vee;
    private final int historyReadings;
    private final int rejudgeReadings;

    ReadingIngest(Vee vee, int historyReadings, int rejudgeReadings) {
        this.vee = vee;
        this.historyReadings = historyReadings;
        this.rejudgeReadings = rejudgeReadings;
    }

    /** Malformed readings reject the whole batch with a 400 naming {@code readings[i].field}. */
    static List<Parsed> parse(List<NewReading> readings, int batchMax) {
        FieldErrors errors = new FieldErrors();
        if (readings == null || readings.isEmpty()) {
            errors.add("readings", "must hold at least one reading");
            errors.throwIfAny();
        }
        if (readings.size() > batchMax) {
            errors.add("readings", "must hold at most " + batchMax + " readings");
            errors.throwIfAny();
        }
        List<Parsed> parsed = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            NewReading r = readings.get(i);
            FieldErrors e = errors.nested("readings[" + i + "]");
            if (r == null) {
                e.add("reading", Texts.REQUIRED);
                continue;
            }
            String barcode = Texts.clean(r.barcode());
            if (barcode == null || !MeterIdentity.BARCODE.matcher(barcode).matches()) {
                e.add("barcode", MeterIdentity.BAD_BARCODE);
            }
            if (r.kind() == null) {
                e.add("kind", Texts.REQUIRED);
            }
            if (r.register() == null) {
                e.add("register", Texts.REQUIRED);
            }
            if (r.readAt() == null) {
                e.add("readAt", Texts.REQUIRED);
            }
            if (r.kwh() == null) {
                e.add("kwh", Texts.REQUIRED);
            }
            Long value = Kwh.hundredths(e, "kwh", r.kwh());
            if (value != null && barcode != null && r.kind() != null && r.register() != null && r.readAt() != null) {
                parsed.add(new Parsed(barcode, r.kind(), r.register(), r.readAt(), value));
            }
        }
        errors.throwIfAny();
        return parsed;
    }

    IngestSummary run(ReadingTable table, List<Parsed> readings, Instant now) throws SQLException {
        Map<Series, TreeMap<Instant, Parsed>> series = new LinkedHashMap<>();
        int duplicates = 0;
        for (Parsed p : readings) {
            TreeMap<Instant, Parsed> points = series.computeIfAbsent(new Series(p.barcode(), p.kind(), p.register()),
                    k -> new TreeMap<>());
            if (points.putIfAbsent(p.at(), p) != null) {
                duplicates++; // the same reading twice in one batch counts as a repeat, the first one wins
            }
        }
        Set<String> barcodes = new HashSet<>();
        series.keySet().forEach(s -> barcodes.add(s.barcode()));
        Map<String, Installations> meters = table.meters(barcodes); // the office's meters: unknown ones are missing

        List<ReadingTable.Row> rows = new ArrayList<>();
        List<ReadingTable.Row> updates = new ArrayList<>();
        List<ReadingTable.Key> deletes = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        int accepted = 0;
        int estimated = 0;
        Map<Series, TreeMap<Instant, Judged>> histories = histories(table, series, meters);
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> entry : series.entrySet()) {
            Series s = entry.getKey();
            TreeMap<Instant, Judged> stored = histories.get(s);
            Installations periods = meters.getOrDefault(s.barcode(), NEVER_INSTALLED);
            TreeMap<Instant, SeriesValidation.Incoming> incoming = new TreeMap<>();
            for (Parsed p : entry.getValue().values()) {
                Judged there = stored.get(p.at());
                if (there != null && !there.estimate()) {
                    duplicates++; // a real reading at an estimate's time is no repeat: it replaces the estimate
                    continue;
                }
                incoming.put(p.at(), new SeriesValidation.Incoming(p.value(),
                        vee.precheck(p.at(), now, meters.containsKey(p.barcode()), periods.installedAt(p.at()))));
            }
            if (incoming.isEmpty()) {
                continue;
            }
            SeriesValidation.Changes changes = new SeriesValidation(vee, historyReadings, s.kind().step())
                    .validate(stored, incoming);
            for (Judged j : changes.inserts()) {
                rows.add(row(s, j));
                if (j.estimate()) {
                    estimated++;
                } else if (j.verdict().status() == ReadingStatus.FAILED) {
                    failures.merge(j.verdict().reason(), 1, Integer::sum);
                } else {
                    accepted++;
                }
            }
            for (Judged j : changes.updates()) {
                updates.add(row(s, j));
            }
            for (Instant t : changes.deletes()) {
                deletes.add(new ReadingTable.Key(s.barcode(), s.kind(), s.register(), t));
            }
        }
        if (!deletes.isEmpty()) {
            table.delete(deletes); // first: a real reading may take the time of a deleted estimate
        }
        if (!updates.isEmpty()) {
            table.update(updates);
        }
        rows.sort(Comparator.comparing(ReadingTable.Row::barcode).thenComparing(ReadingTable.Row::at));
        table.insert(rows, now);
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestSummary(readings.size(), accepted, failed, duplicates, estimated, updates.size(), failures);
    }

    private static ReadingTable.Row row(Series s, Judged j) {
        return new ReadingTable.Row(s.barcode(), s.kind(), s.register(), j.at(), j.value(), j.verdict().status(),
                j.verdict().reason(), j.verdict().flags());
    }

    /**
     * The stored readings every series of the batch is judged against, read for many series at once: series of one
     * kind and register whose spans lie close together (a channel's batch: the same hour or day of many meters) share
     * one window, from a lookback before the earliest first point to the re-judge horizon after the latest last
     * point. A series with fewer than {@code historyReadings} valid points before its first one in the window (a new
     * meter, or one after a long gap) looks further back on its own, unless its meter was installed only after the
     * window began; a late series counts only those up to its last valid real reading before its first new one.
     */
    private Map<Series, TreeMap<Instant, Judged>> histories(ReadingTable table,
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

    /** The first of a series' new points that is not a stored real reading (a repeat), or null. */
    private static Instant firstNew(TreeMap<Instant, Parsed> points, TreeMap<Instant, Judged> stored) {
        for (Instant t : points.keySet()) {
            Judged there = stored.get(t);
            if (there == null || there.estimate()) {
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
