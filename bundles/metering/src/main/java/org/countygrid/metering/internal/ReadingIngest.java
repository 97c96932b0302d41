package org.countygrid.metering.internal;

import java.sql.SQLException;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingConflict;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.domain.Installations;
import org.countygrid.metering.internal.domain.Kwh;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.ReadingTimes;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.SeriesValidation;
import org.countygrid.metering.internal.domain.SeriesValidation.Judged;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.FieldErrors;

/**
 * One ingest batch: readings grouped into series (meter, kind, register) and walked in time order by
 * {@link SeriesValidation}, each judged by {@link Vee} against the series' recent valid history, then the rows
 * stored in the batch's transaction (COPY on PostgreSQL, a JDBC batch elsewhere). A large batch goes in chunks of
 * whole meters, the next chunk's lookups running on a second connection while the current chunk is stored. Readings
 * already stored are skipped (idempotency), so a channel may resend a batch after a timeout; a real reading at the
 * time of an estimate is no repeat, it replaces the estimate.
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

    /** One point of a series: a reading's key (meter, kind, register, time). */
    record PointKey(String barcode, ReadingKind kind, Register register, Instant at) {
        static PointKey of(Parsed p) {
            return new PointKey(p.barcode(), p.kind(), p.register(), p.at());
        }
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
            boolean timely = r.readAt() != null && r.kind() != null && ReadingTimes.check(e, "readAt", r.kind(), r.readAt());
            Long value = Kwh.hundredths(e, "kwh", r.kwh());
            if (value != null && barcode != null && r.kind() != null && r.register() != null && timely) {
                parsed.add(new Parsed(barcode, r.kind(), r.register(), r.readAt(), value));
            }
        }
        errors.throwIfAny();
        return parsed;
    }

    /** The lookups one chunk of a batch is judged with: its meters and its series' stored histories. */
    record Lookup(Map<String, Installations> meters, Map<Series, TreeMap<Instant, Judged>> stored) {
    }

    /**
     * Where a chunk's lookups run: on the batch's own connection ({@link ReadingReader#inline}), or on a second
     * connection while the batch's connection stores the previous chunk ({@link ReadingReader}).
     */
    interface Reader {
        Future<Lookup> lookup(SqlWork<Lookup> work);
    }

    /** Reads with the reader's table. */
    interface SqlWork<T> {
        T run(ReadingTable table) throws SQLException;
    }

    /** How many meters at least make a chunk of their own: below this, splitting a batch costs more than it saves. */
    static final int CHUNK_METERS = 250;
    /** At most this many chunks per batch: each costs a meter query and a history query of its own. */
    static final int MAX_CHUNKS = 4;

    /**
     * Judges and stores the batch chunk by chunk, each chunk a run of whole meters in barcode order: while the
     * batch's connection stores chunk i (deletes, updates, inserts), {@code reader} already reads what chunk i + 1 is
     * judged against. Chunks hold different series, so no chunk's lookups need another's uncommitted rows.
     */
    IngestSummary run(ReadingTable table, Reader reader, List<Parsed> readings, Instant now) throws SQLException {
        Map<Series, TreeMap<Instant, Parsed>> series = new TreeMap<>(Comparator.comparing(Series::barcode)
                .thenComparing(Series::kind).thenComparing(Series::register));
        Tally tally = new Tally();
        for (Parsed p : readings) {
            TreeMap<Instant, Parsed> points = series.computeIfAbsent(new Series(p.barcode(), p.kind(), p.register()),
                    k -> new TreeMap<>());
            if (points.putIfAbsent(p.at(), p) != null) {
                // the same point again in the batch: the first copy is the one judged; this one is weighed against
                // the value kept, the stored one or that first copy, once the stored ones are read (judge)
                tally.later.computeIfAbsent(PointKey.of(p), k -> new ArrayList<>()).add(p);
            }
        }
        List<Map<Series, TreeMap<Instant, Parsed>>> chunks = chunks(series);
        Reader lookups = chunks.size() == 1 ? ReadingReader.inline(table) : reader;
        Future<Lookup> next = lookups.lookup(chunkLookup(chunks.get(0)));
        try (ReadingTable.Appender appender = table.appender(now)) {
            for (int i = 0; i < chunks.size(); i++) {
                Lookup lookup = await(next);
                next = i + 1 < chunks.size() ? lookups.lookup(chunkLookup(chunks.get(i + 1))) : null;
                store(table, appender, judge(chunks.get(i), lookup, now, tally));
            }
            appender.flush();
        } finally {
            if (next != null) {
                finish(next); // a failed write: the lookup under way must not outlive the batch's transaction
            }
        }
        int failed = tally.failures.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestSummary(readings.size(), tally.accepted, failed, tally.duplicates, tally.conflicts,
                tally.estimated, tally.updated, tally.failures, tally.firstConflicts);
    }

    private SqlWork<Lookup> chunkLookup(Map<Series, TreeMap<Instant, Parsed>> chunk) {
        return t -> lookup(t, chunk);
    }

    private Lookup lookup(ReadingTable table, Map<Series, TreeMap<Instant, Parsed>> chunk) throws SQLException {
        Set<String> barcodes = new HashSet<>();
        chunk.keySet().forEach(s -> barcodes.add(s.barcode()));
        Map<String, Installations> meters = table.meters(barcodes); // the office's meters: unknown ones are missing
        return new Lookup(meters, histories.read(table, chunk, meters));
    }

    /** Runs of whole meters in barcode order, at least {@link #CHUNK_METERS} each, at most {@link #MAX_CHUNKS}. */
    static List<Map<Series, TreeMap<Instant, Parsed>>> chunks(Map<Series, TreeMap<Instant, Parsed>> series) {
        long meters = series.keySet().stream().map(Series::barcode).distinct().count();
        int count = (int) Math.max(1, Math.min(MAX_CHUNKS, meters / CHUNK_METERS));
        long perChunk = (meters + count - 1) / count;
        List<Map<Series, TreeMap<Instant, Parsed>>> chunks = new ArrayList<>();
        Map<Series, TreeMap<Instant, Parsed>> chunk = new LinkedHashMap<>();
        String barcode = null;
        int inChunk = 0;
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> e : series.entrySet()) {
            if (!e.getKey().barcode().equals(barcode)) {
                barcode = e.getKey().barcode();
                if (inChunk == perChunk) {
                    chunks.add(chunk);
                    chunk = new LinkedHashMap<>();
                    inChunk = 0;
                }
                inChunk++;
            }
            chunk.put(e.getKey(), e.getValue());
        }
        chunks.add(chunk);
        return chunks;
    }

    /** What a batch adds up to over its chunks. */
    private static final class Tally {
        final Map<String, Integer> failures = new TreeMap<>();
        /** The later copies of a point sent more than once in the batch, by the point (same key as the first copy). */
        final Map<PointKey, List<Parsed>> later = new HashMap<>();
        final List<ReadingConflict> firstConflicts = new ArrayList<>();
        int accepted;
        int estimated;
        int duplicates;
        int conflicts;
        int updated;

        /** A reading not taken because its point is kept already: a duplicate, or a conflict if its value differs. */
        void repeat(Parsed sent, long kept) {
            if (sent.value() == kept) {
                duplicates++;
                return;
            }
            conflicts++;
            if (firstConflicts.size() < IngestSummary.CONFLICTS_LISTED) {
                firstConflicts.add(new ReadingConflict(sent.barcode(), sent.kind(), sent.at(), sent.register(),
                        Kwh.of(kept), Kwh.of(sent.value())));
            }
        }
    }

    /** One chunk's writes; {@code retried}: stored readings that failed on arrival, sent again and judged anew. */
    private record Writes(List<ReadingTable.Row> rows, List<ReadingTable.Row> updates, List<ReadingTable.Key> deletes,
            List<ReadingTable.Key> retried) {
    }

    private Writes judge(Map<Series, TreeMap<Instant, Parsed>> chunk, Lookup lookup, Instant now, Tally tally) {
        Map<String, Installations> meters = lookup.meters();
        List<ReadingTable.Row> rows = new ArrayList<>();
        List<ReadingTable.Row> updates = new ArrayList<>();
        List<ReadingTable.Key> deletes = new ArrayList<>();
        List<ReadingTable.Key> retried = new ArrayList<>();
        for (Map.Entry<Series, TreeMap<Instant, Parsed>> entry : chunk.entrySet()) {
            Series s = entry.getKey();
            TreeMap<Instant, Judged> history = lookup.stored().get(s);
            Installations periods = meters.getOrDefault(s.barcode(), NEVER_INSTALLED);
            TreeMap<Instant, SeriesValidation.Incoming> incoming = new TreeMap<>();
            for (Parsed p : entry.getValue().values()) {
                Judged there = history.get(p.at());
                List<Parsed> copies = tally.later.isEmpty() ? List.of() // the usual batch: no key made per reading
                        : tally.later.getOrDefault(PointKey.of(p), List.of());
                if (there != null && !there.estimate()) {
                    if (!Vee.failedOnArrival(there.verdict())) {
                        // stored: every copy is weighed against the stored value (an estimate is replaced instead)
                        tally.repeat(p, there.value());
                        copies.forEach(copy -> tally.repeat(copy, there.value()));
                        continue;
                    }
                    // refused for when it came (too early) or for a meter not known then: the re-send is judged anew
                    history.remove(p.at());
                    retried.add(new ReadingTable.Key(s.barcode(), s.kind(), s.register(), p.at()));
                }
                copies.forEach(copy -> tally.repeat(copy, p.value())); // new: the first copy is the one kept
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
                    tally.estimated++;
                } else if (j.verdict().status() == ReadingStatus.FAILED) {
                    tally.failures.merge(j.verdict().reason(), 1, Integer::sum);
                } else {
                    tally.accepted++;
                }
            }
            for (Judged j : changes.updates()) {
                updates.add(row(s, j));
            }
            for (Instant t : changes.deletes()) {
                deletes.add(new ReadingTable.Key(s.barcode(), s.kind(), s.register(), t));
            }
        }
        tally.updated += updates.size();
        return new Writes(rows, updates, deletes, retried);
    }

    /** Late readings' deletes and updates run between COPYs; in-order batches append to one COPY throughout. */
    private static void store(ReadingTable table, ReadingTable.Appender appender, Writes writes) throws SQLException {
        if (!writes.deletes().isEmpty() || !writes.updates().isEmpty() || !writes.retried().isEmpty()) {
            appender.flush();
        }
        if (!writes.deletes().isEmpty()) {
            table.delete(writes.deletes()); // first: a real reading may take the time of a deleted estimate
        }
        if (!writes.retried().isEmpty()) {
            table.delete(writes.retried(), ReadingStatus.FAILED); // the re-sent reading takes its time
        }
        if (!writes.updates().isEmpty()) {
            table.update(writes.updates());
        }
        List<ReadingTable.Row> rows = new ArrayList<>(writes.rows());
        rows.sort(Comparator.comparing(ReadingTable.Row::barcode).thenComparing(ReadingTable.Row::at));
        appender.append(rows);
    }

    private static Lookup await(Future<Lookup> lookup) throws SQLException {
        try {
            return lookup.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the batch's stored readings", e);
        }
    }

    /**
     * After a failure: a lookup not started yet is dropped, one under way is waited for, even when this thread is
     * interrupted, since its connection goes back to the pool when the batch ends.
     */
    private static void finish(Future<Lookup> lookup) {
        lookup.cancel(false);
        boolean interrupted = false;
        while (!lookup.isDone()) {
            try {
                lookup.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break; // the batch fails for its own reason already
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ReadingTable.Row row(Series s, Judged j) {
        return new ReadingTable.Row(s.barcode(), s.kind(), s.register(), j.at(), j.value(), j.verdict().status(),
                j.verdict().reason(), j.verdict().flags());
    }
}
