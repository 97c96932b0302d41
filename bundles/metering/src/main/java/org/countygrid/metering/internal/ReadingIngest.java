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

import jakarta.persistence.EntityManager;

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
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.FieldErrors;

/**
 * One ingest batch: readings grouped into series (meter, kind, register) and walked in time order, each judged by
 * {@link Vee} against the series' recent valid history, then all rows written with one JDBC batch. Readings already
 * stored are skipped (idempotency), so a channel may resend a batch after a timeout.
 *
 * <p>Limits of this first version: a reading older than stored later ones is judged against the history before
 * it, and the later ones are not judged again; three lookups per series per batch.
 */
final class ReadingIngest {

    /** A reading that passed the format checks, its value in hundredths of kWh. */
    record Parsed(String barcode, ReadingKind kind, Register register, Instant at, long value) {
    }

    private record Series(String barcode, ReadingKind kind, Register register) {
    }

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

    IngestSummary run(EntityManager em, ReadingTable table, List<Parsed> readings, Instant now) throws SQLException {
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
        MeterRepository meters = new MeterRepository(em);
        Set<String> known = meters.known(barcodes);
        Map<String, Installations> installations = meters.installations(known);

        List<ReadingTable.Row> rows = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        int accepted = 0;
        int estimated = 0;
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> entry : series.entrySet()) {
            Series s = entry.getKey();
            TreeMap<Instant, Parsed> points = entry.getValue();
            // valid points of the series known so far: stored before and inside the batch's span, then accepted ones
            TreeMap<Instant, Long> valid = new TreeMap<>();
            table.lastValid(s.barcode(), s.kind(), s.register(), points.firstKey(), historyReadings)
                    .forEach(v -> valid.put(v.at(), v.value()));
            table.validBetween(s.barcode(), s.kind(), s.register(), points.firstKey(), points.lastKey())
                    .forEach(v -> valid.put(v.at(), v.value()));
            Instant windowStart = valid.isEmpty() ? points.firstKey() : valid.firstKey();
            Set<Instant> stored = table.storedTimes(s.barcode(), s.kind(), s.register(), windowStart, points.lastKey());
            Installations periods = installations.getOrDefault(s.barcode(), new Installations(List.of()));
            for (Parsed p : points.values()) {
                if (stored.contains(p.at())) {
                    duplicates++;
                    continue;
                }
                List<Vee.Point> history = history(valid, p.at());
                Vee.Verdict verdict = vee.check(p.at(), p.value(), now, known.contains(p.barcode()),
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
}
