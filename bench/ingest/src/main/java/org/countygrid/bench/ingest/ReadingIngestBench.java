package org.countygrid.bench.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.internal.StandaloneMetering;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;

/**
 * Issue 3's ingest benchmark. For each database: a fresh database with the schema and installed meters, then the
 * readings through {@link ReadingService#ingest} as a channel calls it, batch by batch (first an untimed warm-up),
 * then the table emptied and the same rows inserted again with plain JDBC batches of the same size. Prints the
 * rates, their ratio against the targets, and heap use.
 *
 * <p>Usage: {@code ReadingIngestBench [h2|postgres|both] [readings]}; system properties {@code bench.meters}
 * (20000), {@code bench.batch} (5000), {@code bench.warmup} (100000), {@code bench.window} (500000),
 * {@code bench.h2.dir} (bench/target/ingest/h2), {@code bench.postgres} (127.0.0.1:5432), {@code bench.postgres.user}
 * (postgres).
 */
public final class ReadingIngestBench {

    static final double TARGET_RATE = 100_000;
    static final double TARGET_RATIO = 0.3;
    static final OfficeCode OFFICE = OfficeCode.of("QS");
    static final long SEED = 20261126;

    /** Held so the levels stick (java.util.logging keeps loggers weakly): Liquibase's and EclipseLink's chatter. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("liquibase"),
            java.util.logging.Logger.getLogger("org.eclipse.persistence"));

    private final long readings = Long.getLong("bench.readings", 5_000_000);
    private final int meters = Integer.getInteger("bench.meters", 20_000);
    private final int batch = Integer.getInteger("bench.batch", 5_000);
    private final int warmup = Integer.getInteger("bench.warmup", 100_000);
    private final long window = Long.getLong("bench.window", 500_000);
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        String which = args.length > 0 ? args[0] : "both";
        if (args.length > 1) {
            System.setProperty("bench.readings", args[1]);
        }
        if (args.length > 2) {
            System.setProperty("bench.channels", args[2]);
        }
        if (!List.of("h2", "postgres", "both").contains(which)) {
            throw new IllegalArgumentException("usage: ReadingIngestBench [h2|postgres|both] [readings] [channels,...]");
        }
        ReadingIngestBench bench = new ReadingIngestBench();
        for (String n : System.getProperty("bench.channels", "1").split(",")) {
            int channels = Integer.parseInt(n.trim());
            if (!which.equals("postgres")) {
                bench.run(() -> BenchDatabase.h2(Path.of(System.getProperty("bench.h2.dir", "bench/target/ingest/h2"))),
                        channels);
            }
            if (!which.equals("h2")) {
                bench.run(() -> BenchDatabase.postgres(System.getProperty("bench.postgres", "127.0.0.1:5432"),
                        System.getProperty("bench.postgres.user", "postgres")), channels);
            }
        }
        System.out.println();
        System.out.println("| database | channels | service readings/s (min over " + bench.window + ")"
                + " | plain JDBC readings/s | ratio | targets | met? |");
        System.out.println("|---|---|---|---|---|---|---|");
        bench.report.forEach(System.out::println);
    }

    interface Opener {
        BenchDatabase open() throws Exception;
    }

    void run(Opener opener, int channels) throws Exception {
        if (readings % batch != 0 || warmup % batch != 0) {
            throw new IllegalArgumentException("readings and warm-up must be whole batches of " + batch);
        }
        if (channels > 1) {
            runConcurrent(opener, channels);
            return;
        }
        long hours = IntervalReadings.hours(meters, warmup + readings);
        // whole hours in the past, so every reading lies before the service's clock
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours + 1));
        try (BenchDatabase db = opener.open()) {
            List<String> barcodes = db.installMeters(OFFICE.value(), meters, start.minus(Duration.ofDays(30)));
            System.out.printf("== %s: %s%n   %d meters, %d readings in batches of %d after a warm-up of %d, from %s%n",
                    db.name, db.url, meters, readings, batch, warmup, start);

            ReadingService service = StandaloneMetering.readings(db.store, Clock.systemUTC());
            Caller channel = Caller.system(OFFICE);
            db.execute("checkpoint");
            Throughput viaService = timed("service", new IntervalReadings(barcodes, start, batch, SEED), rows -> {
                List<NewReading> sent = new ArrayList<>(rows.size());
                rows.forEach(r -> sent.add(r.toNewReading()));
                IngestSummary summary = service.ingest(channel, sent);
                if (summary.valid() != rows.size()) {
                    throw new IllegalStateException("not every reading passed VEE: " + summary);
                }
            });
            expect(db, warmup + readings);

            db.execute("truncate table mtr_reading", "checkpoint");
            Throughput plain;
            try (PlainReadingInsert insert = new PlainReadingInsert(db.pool, OFFICE.value(), Instant.now())) {
                plain = timed("plain JDBC", new IntervalReadings(barcodes, start, batch, SEED), insert::insert);
            }
            expect(db, warmup + readings);

            double ratio = viaService.perSecond() / plain.perSecond();
            boolean met = viaService.perSecond() >= TARGET_RATE && ratio >= TARGET_RATIO;
            System.out.printf("   ratio service / plain JDBC: %.2f (target ≥ %.1f); service ≥ %,.0f/s: %s%n", ratio,
                    TARGET_RATIO, TARGET_RATE, viaService.perSecond() >= TARGET_RATE ? "yes" : "no");
            report.add(String.format("| %s | 1 | %,.0f (%,.0f) | %,.0f | %.2f | ≥ %,.0f/s, ≥ %.1f | %s |", db.name,
                    viaService.perSecond(), viaService.minPerSecond(window), plain.perSecond(), ratio, TARGET_RATE,
                    TARGET_RATIO, met ? "yes" : "no"));
        }
    }

    /**
     * {@code channels} AMI channels ingesting at once, as several concentrator groups of a county do: the meters split
     * into that many disjoint groups (whole slices of {@code batch / 4} meters, the first groups one slice larger
     * when they do not split evenly), each channel a thread with its own rows (seed {@code SEED + channel}) calling
     * the one service with batches of {@link #batch}, the warm-up and the timed readings shared out as evenly as
     * whole batches allow. The clock starts when every channel has finished its warm-up and stops when the last one
     * is done, so the rate is the total over the wall clock, the slowest channel's tail included. The plain JDBC run
     * the same way: one connection per channel, the same groups and rows.
     */
    private void runConcurrent(Opener opener, int channels) throws Exception {
        int slice = batch / IntervalReadings.PER_HOUR;
        int slices = meters / slice;
        if (meters % slice != 0 || slices < channels) {
            throw new IllegalArgumentException(meters + " meters do not split into " + channels + " groups of whole"
                    + " slices of " + slice);
        }
        int[] warmBatches = share(warmup / batch, channels);
        int[] timedBatches = share((int) (readings / batch), channels);
        int[] groupSlices = share(slices, channels);
        long hours = 0;
        for (int c = 0; c < channels; c++) {
            hours = Math.max(hours, IntervalReadings.hours(groupSlices[c] * slice,
                    (long) (warmBatches[c] + timedBatches[c]) * batch));
        }
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours + 1));
        try (BenchDatabase db = opener.open()) {
            List<String> barcodes = db.installMeters(OFFICE.value(), meters, start.minus(Duration.ofDays(30)));
            List<List<String>> groups = new ArrayList<>();
            int from = 0;
            for (int c = 0; c < channels; c++) {
                groups.add(barcodes.subList(from, from + groupSlices[c] * slice));
                from += groupSlices[c] * slice;
            }
            System.out.printf("== %s: %s%n   %d meters in %d channels of %s meters, %d readings in batches of %d"
                    + " (%s per channel) after a warm-up of %d, from %s%n", db.name, db.url, meters, channels,
                    java.util.Arrays.toString(java.util.Arrays.stream(groupSlices).map(g -> g * slice).toArray()),
                    readings, batch, java.util.Arrays.toString(timedBatches), warmup, start);

            ReadingService service = StandaloneMetering.readings(db.store, Clock.systemUTC());
            Caller channel = Caller.system(OFFICE);
            List<Sink> serviceSinks = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                serviceSinks.add(rows -> {
                    List<NewReading> sent = new ArrayList<>(rows.size());
                    rows.forEach(r -> sent.add(r.toNewReading()));
                    IngestSummary summary = service.ingest(channel, sent);
                    if (summary.valid() != rows.size()) {
                        throw new IllegalStateException("not every reading passed VEE: " + summary);
                    }
                });
            }
            db.execute("checkpoint");
            Throughput viaService = timedConcurrent("service", sources(groups, start), warmBatches, timedBatches,
                    serviceSinks);
            expect(db, warmup + readings);

            db.execute("truncate table mtr_reading", "checkpoint");
            Throughput plain;
            List<PlainReadingInsert> inserts = new ArrayList<>();
            try {
                Instant now = Instant.now();
                List<Sink> plainSinks = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    PlainReadingInsert insert = new PlainReadingInsert(db.pool, OFFICE.value(), now);
                    inserts.add(insert);
                    plainSinks.add(insert::insert);
                }
                plain = timedConcurrent("plain JDBC", sources(groups, start), warmBatches, timedBatches, plainSinks);
            } finally {
                for (PlainReadingInsert insert : inserts) {
                    insert.close();
                }
            }
            expect(db, warmup + readings);

            double ratio = viaService.perSecond() / plain.perSecond();
            boolean met = viaService.perSecond() >= TARGET_RATE && ratio >= TARGET_RATIO;
            System.out.printf("   %d channels: ratio service / plain JDBC: %.2f (target ≥ %.1f); service ≥ %,.0f/s: %s%n",
                    channels, ratio, TARGET_RATIO, TARGET_RATE, viaService.perSecond() >= TARGET_RATE ? "yes" : "no");
            report.add(String.format("| %s | %d | %,.0f (%,.0f) | %,.0f | %.2f | ≥ %,.0f/s, ≥ %.1f | %s |", db.name,
                    channels, viaService.perSecond(), viaService.minPerSecond(window), plain.perSecond(), ratio,
                    TARGET_RATE, TARGET_RATIO, met ? "yes" : "no"));
        }
    }

    private static List<IntervalReadings> sources(List<List<String>> groups, Instant start) {
        List<IntervalReadings> sources = new ArrayList<>();
        int batch = Integer.getInteger("bench.batch", 5_000);
        for (int c = 0; c < groups.size(); c++) {
            sources.add(new IntervalReadings(groups.get(c), start, batch, SEED + c));
        }
        return sources;
    }

    /** {@code total} split into {@code parts} as evenly as whole units allow, the first parts one larger. */
    private static int[] share(int total, int parts) {
        int[] share = new int[parts];
        for (int p = 0; p < parts; p++) {
            share[p] = total / parts + (p < total % parts ? 1 : 0);
        }
        return share;
    }

    /** Every channel's warm-up untimed, then all channels at once, the clock around all of them. */
    private Throughput timedConcurrent(String what, List<IntervalReadings> sources, int[] warmBatches,
            int[] timedBatches, List<Sink> sinks) throws Exception {
        int channels = sources.size();
        Throughput t = new Throughput();
        long[] peakHeap = new long[1];
        long[] nextProgress = { window };
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(channels, () -> {
            System.gc();
            t.start();
        });
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(channels);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                int ch = c;
                done.add(threads.submit(() -> {
                    Thread.currentThread().setName("channel-" + ch);
                    try {
                        for (int b = 0; b < warmBatches[ch]; b++) {
                            sinks.get(ch).accept(sources.get(ch).next());
                        }
                        ready.await();
                        for (int b = 0; b < timedBatches[ch]; b++) {
                            List<IntervalReadings.Row> rows = sources.get(ch).next();
                            sinks.get(ch).accept(rows);
                            synchronized (t) {
                                t.batchDone(rows.size());
                                peakHeap[0] = Math.max(peakHeap[0], heapUsed());
                                if (t.readings() >= nextProgress[0] && t.readings() < readings) {
                                    System.out.printf("   %-10s %,10d readings, %6.1f s, %,9.0f/s so far (%d channels)%n",
                                            what, t.readings(), t.seconds(), t.perSecond(), channels);
                                    nextProgress[0] += window;
                                }
                            }
                        }
                        System.out.printf("   %-10s channel %d done: %,d readings at %.1f s%n", what, ch,
                                (long) timedBatches[ch] * batch, (System.nanoTime() - t.startNanos()) / 1e9);
                    } catch (Exception | Error e) {
                        ready.reset(); // a channel waiting for the others gives up too
                        throw e;
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.printf("   %-10s %,10d readings in %.1f s over %d channels: %,.0f readings/s sustained, lowest"
                + " %,.0f/s over %,d; heap used at the end %d MB, at most %d MB (after a batch)%n", what, t.readings(),
                t.seconds(), channels, t.perSecond(), t.minPerSecond(window), window, heapUsed() >> 20,
                peakHeap[0] >> 20);
        return t;
    }

    interface Sink {
        void accept(List<IntervalReadings.Row> rows) throws Exception;
    }

    /** The warm-up batches untimed, then {@link #readings} timed, wall clock around everything a caller does. */
    private Throughput timed(String what, IntervalReadings source, Sink sink) throws Exception {
        for (int done = 0; done < warmup; done += batch) {
            sink.accept(source.next());
        }
        System.gc();
        long peakHeap = 0;
        Throughput t = new Throughput();
        t.start();
        long nextProgress = window;
        while (t.readings() < readings) {
            List<IntervalReadings.Row> rows = source.next();
            sink.accept(rows);
            t.batchDone(rows.size());
            peakHeap = Math.max(peakHeap, heapUsed());
            if (t.readings() >= nextProgress && t.readings() < readings) {
                System.out.printf("   %-10s %,10d readings, %6.1f s, %,9.0f/s so far%n", what, t.readings(), t.seconds(),
                        t.perSecond());
                nextProgress += window;
            }
        }
        System.out.printf("   %-10s %,10d readings in %.1f s: %,.0f readings/s sustained, lowest %,.0f/s over %,d;"
                + " heap used at the end %d MB, at most %d MB (after a batch)%n", what, t.readings(), t.seconds(),
                t.perSecond(), t.minPerSecond(window), window, heapUsed() >> 20, peakHeap >> 20);
        return t;
    }

    private static void expect(BenchDatabase db, long rows) throws Exception {
        long stored = db.count("mtr_reading");
        if (stored != rows) {
            throw new IllegalStateException("mtr_reading holds " + stored + " rows, expected " + rows);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
