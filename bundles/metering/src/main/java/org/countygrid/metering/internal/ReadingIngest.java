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
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.FieldErrors;

/**
 * One ingest batch: readings grouped into series (meter, kind, register) and walked in time order, each judged by
 * {@link Vee} against the series' recent valid history, then all rows written with one JDBC batch. Readings already
 * stored are skipped (idempotency), so a channel may resend a batch after a timeout.
 *
 * <p>The stored history is read for many series at once ({@link #histories}), not per series. Limit of this first
 * version: a reading older than stored later ones is judged against the history before it, and the later ones are
 * not judged again.
 */
final class ReadingIngest {

    /** A reading that passed the format checks, its value in hundredths of kWh. */
    record Parsed(String barcode, ReadingKind kind, Register register, Instant at, long value) {
    }

    private record Series(String barcode, ReadingKind kind, Register register) {
    }

    /** What a series' new readings are judged against: its stored valid points, and the times stored at all. */
    private record History(TreeMap<Instant, Long> valid, Set<Instant> stored) {
    }

    private static final Installations NEVER_INSTALLED = new Installations(List.of());

    private final Vee vee;
    private final int historyReadings;

    ReadingIngest(Vee vee, int historyReadings) {
        this.vee = vee;
        this.historyReadings = historyReadings;
    }

    /** The last {@code historyReadings} valid points before {@code at}, oldest first. */
    private List<Vee.Point> history(TreeMap<Instant, Long> valid, Instant at) {
        List<Vee.Point> history = new ArrayList<>(historyReadings);
        for (Map.Entry<Instant, Long> e : valid.headMap(at, false).descendingMap().entrySet()) {
            if (history.size() == historyReadings) {
                break;
            }
            history.add(0, new Vee.Point(e.getKey(), e.getValue()));
        }
        return history;
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
        Map<String, Integer> failures = new TreeMap<>();
        int accepted = 0;
        int estimated = 0;
        Map<Series, History> histories = histories(table, series, meters);
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> entry : series.entrySet()) {
            Series s = entry.getKey();
            TreeMap<Instant, Parsed> points = entry.getValue();
            // valid points of the series known so far: stored before and inside the batch's span, then accepted ones
            TreeMap<Instant, Long> valid = histories.get(s).valid();
            Set<Instant> stored = histories.get(s).stored();
            Installations periods = meters.getOrDefault(s.barcode(), NEVER_INSTALLED);
            for (Parsed p : points.values()) {
                if (stored.contains(p.at())) {
                    duplicates++;
                    continue;
                }
                List<Vee.Point> history = history(valid, p.at());
                Vee.Verdict verdict = vee.check(p.at(), p.value(), now, meters.containsKey(p.barcode()),
                        periods.installedAt(p.at()), history, s.kind().step());
                rows.add(new ReadingTable.Row(s.barcode(), s.kind(), s.register(), p.at(), p.value(), verdict.status(),
                        verdict.reason(), verdict.flags()));
                stored.add(p.at());
                if (verdict.status() == ReadingStatus.FAILED) {
                    failures.merge(verdict.reason(), 1, Integer::sum);
                    continue;
                }
                accepted++;
                Vee.Point point = new Vee.Point(p.at(), p.value());
                if (Vee.GAP_BEFORE.equals(verdict.flags())) {
                    for (Vee.Point e : vee.estimateGap(history.get(history.size() - 1), point, s.kind().step())) {
                        if (stored.add(e.at())) {
                            rows.add(new ReadingTable.Row(s.barcode(), s.kind(), s.register(), e.at(), e.value(),
                                    ReadingStatus.ESTIMATED, null, null));
                            valid.put(e.at(), e.value());
                            estimated++;
                        }
                    }
                }
                valid.put(point.at(), point.value());
            }
        }
        rows.sort(Comparator.comparing(ReadingTable.Row::barcode).thenComparing(ReadingTable.Row::at));
        table.insert(rows, now);
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestSummary(readings.size(), accepted, failed, duplicates, estimated, failures);
    }

    /**
     * The stored readings every series of the batch is judged against, read for many series at once: series of one
     * kind and register whose spans lie close together (a channel's batch: the same hour or day of many meters) share
     * one window, from a lookback before the earliest first point to the latest last point. A series with fewer than
     * {@code historyReadings} valid points before its first one in the window (a new meter, or one after a long
     * gap) looks further back on its own, unless its meter was installed only after the window began.
     */
    private Map<Series, History> histories(ReadingTable table, Map<Series, TreeMap<Instant, Parsed>> series,
            Map<String, Installations> meters) throws SQLException {
        List<Series> ordered = new ArrayList<>(series.keySet());
        ordered.sort(Comparator.comparing(Series::kind).thenComparing(Series::register)
                .thenComparing(s -> series.get(s).firstKey()));
        Map<Series, History> histories = new HashMap<>();
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
            List<Series> group, Map<Series, History> histories) throws SQLException {
        Series lead = group.get(0);
        Instant from = series.get(lead).firstKey().minus(lookback(lead.kind()));
        Instant to = group.stream().map(s -> series.get(s).lastKey()).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<ReadingTable.Stored>> stored = table.stored(group.stream().map(Series::barcode).toList(),
                lead.kind(), lead.register(), from, to);
        for (Series s : group) {
            TreeMap<Instant, Long> valid = new TreeMap<>();
            Set<Instant> times = new HashSet<>();
            for (ReadingTable.Stored r : stored.getOrDefault(s.barcode(), List.of())) {
                times.add(r.at());
                if (r.valid()) {
                    valid.put(r.at(), r.value());
                }
            }
            if (valid.headMap(series.get(s).firstKey()).size() < historyReadings
                    && installedBefore(meters.get(s.barcode()), from)) {
                // the history may reach back before the window: its last valid points before it, and every time
                // stored since the oldest of them (a gap filled later must not estimate over a failed reading)
                List<Vee.Point> older = table.lastValid(s.barcode(), s.kind(), s.register(), from, historyReadings);
                older.forEach(v -> valid.put(v.at(), v.value()));
                if (!older.isEmpty()) {
                    times.addAll(table.storedTimes(s.barcode(), s.kind(), s.register(), older.get(0).at(), from));
                }
            }
            histories.put(s, new History(valid, times));
        }
    }
}
