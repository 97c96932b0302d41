package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>The stored history is read for many series at once ({@link StoredHistories}), not per series, on to
 * {@code rejudgeReadings} intervals after the batch's last point: a batch newer than everything stored finds nothing
 * there and costs no more, while a series with stored readings after one of its new ones (a late reading) has them
 * judged again in the same walk, and their changed verdicts and re-estimated gaps are written in the same
 * transaction (deletes and updates only then). Stored readings beyond that horizon keep their verdicts.
 */
final class ReadingIngest {

    /** A reading that passed the format checks, its value in hundredths of kWh. */
    record Parsed(String barcode, ReadingKind kind, Register register, Instant at, long value) {
    }

    /** The readings of one meter, kind and register: validated in time order. */
    record Series(String barcode, ReadingKind kind, Register register) {
    }

    private static final Installations NEVER_INSTALLED = new Installations(List.of());

    private final Vee vee;
    private final int historyReadings;
    private final StoredHistories histories;

    ReadingIngest(Vee vee, int historyReadings, int rejudgeReadings) {
        this.vee = vee;
        this.historyReadings = historyReadings;
        this.histories = new StoredHistories(historyReadings, rejudgeReadings);
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
        Map<Series, TreeMap<Instant, Judged>> stored = histories.read(table, series, meters);
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> entry : series.entrySet()) {
            Series s = entry.getKey();
            TreeMap<Instant, Judged> history = stored.get(s);
            Installations periods = meters.getOrDefault(s.barcode(), NEVER_INSTALLED);
            TreeMap<Instant, SeriesValidation.Incoming> incoming = new TreeMap<>();
            for (Parsed p : entry.getValue().values()) {
                Judged there = history.get(p.at());
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
                    .validate(history, incoming);
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
}
