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
        if (!List.of("h2", "postgres", "both").contains(which)) {
            throw new IllegalArgumentException("usage: ReadingIngestBench [h2|postgres|both] [readings]");
        }
        ReadingIngestBench bench = new ReadingIngestBench();
        if (!which.equals("postgres")) {
            bench.run(() -> BenchDatabase.h2(Path.of(System.getProperty("bench.h2.dir", "bench/target/ingest/h2"))));
        }
        if (!which.equals("h2")) {
            bench.run(() -> BenchDatabase.postgres(System.getProperty("bench.postgres", "127.0.0.1:5432"),
                    System.getProperty("bench.postgres.user", "postgres")));
        }
        System.out.println();
        System.out.println("| database | service readings/s (min over " + bench.window + ") | plain JDBC readings/s"
                + " | ratio | targets | met? |");
        System.out.println("|---|---|---|---|---|---|");
        bench.report.forEach(System.out::println);
    }

    interface Opener {
        BenchDatabase open() throws Exception;
    }

    void run(Opener opener) throws Exception {
        if (readings % batch != 0 || warmup % batch != 0) {
            throw new IllegalArgumentException("readings and warm-up must be whole batches of " + batch);
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
            report.add(String.format("| %s | %,.0f (%,.0f) | %,.0f | %.2f | ≥ %,.0f/s, ≥ %.1f | %s |", db.name,
                    viaService.perSecond(), viaService.minPerSecond(window), plain.perSecond(), ratio, TARGET_RATE,
                    TARGET_RATIO, met ? "yes" : "no"));
        }
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
