package org.countygrid.bench.ingest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.Register;

/**
 * The 15-minute TOTAL register of every meter, delivered as a head-end system does: one hour (four intervals) of a
 * slice of the meters per batch, slice after slice, hour after hour. Values rise by a per-meter base load shaped
 * by the time of day with some noise, so every reading passes VEE (a few meters of empty houses stay flat). The
 * same seed gives the same rows, so the plain JDBC run stores exactly what the service stored.
 */
final class IntervalReadings {

    static final Duration STEP = ReadingKind.INTERVAL_15.step();
    static final int PER_HOUR = 4;

    /** One reading as both runs see it: the register value in hundredths of kWh. */
    record Row(String barcode, Instant at, long hundredths) {

        NewReading toNewReading() {
            return new NewReading(barcode, ReadingKind.INTERVAL_15, at, Register.TOTAL, BigDecimal.valueOf(hundredths, 2));
        }
    }

    private final List<String> barcodes;
    private final Instant start;
    private final int metersPerBatch;
    private final long[] value;
    private final int[] baseLoad;
    private final SplittableRandom random;
    private int batch;

    /**
     * @param start          the first interval; every later one must lie before the service's clock
     * @param readingsPerBatch a multiple of four that divides the meters' hourly readings
     */
    IntervalReadings(List<String> barcodes, Instant start, int readingsPerBatch, long seed) {
        if (readingsPerBatch % PER_HOUR != 0 || barcodes.size() % (readingsPerBatch / PER_HOUR) != 0) {
            throw new IllegalArgumentException("a batch of " + readingsPerBatch + " readings does not split "
                    + barcodes.size() + " meters × " + PER_HOUR + " intervals evenly");
        }
        this.barcodes = List.copyOf(barcodes);
        this.start = start;
        this.metersPerBatch = readingsPerBatch / PER_HOUR;
        this.random = new SplittableRandom(seed);
        this.value = new long[barcodes.size()];
        this.baseLoad = new int[barcodes.size()];
        for (int m = 0; m < value.length; m++) {
            value[m] = random.nextLong(100_000, 5_000_000); // 1,000 to 50,000 kWh on the register
            baseLoad[m] = random.nextInt(100) < 3 ? 0 : random.nextInt(5, 60); // 0.05 to 0.6 kWh per 15 minutes
        }
    }

    /** How many hours of data {@code readings} readings span, for placing {@link #start} in the past. */
    static long hours(int meters, long readings) {
        return readings / ((long) meters * PER_HOUR) + 1;
    }

    List<Row> next() {
        int batchesPerHour = barcodes.size() / metersPerBatch;
        Instant hour = start.plus(Duration.ofHours(batch / batchesPerHour));
        int first = (batch % batchesPerHour) * metersPerBatch;
        batch++;
        List<Row> rows = new ArrayList<>(metersPerBatch * PER_HOUR);
        for (int m = first; m < first + metersPerBatch; m++) {
            for (int q = 0; q < PER_HOUR; q++) {
                Instant at = hour.plus(STEP.multipliedBy(q));
                value[m] += increment(m, at);
                rows.add(new Row(barcodes.get(m), at, value[m]));
            }
        }
        return rows;
    }

    /** Base load × 0.6 (night) to 1.4 (evening peak, UTC+8) × 0.8 to 1.2 noise: rates stay well inside the spike factor. */
    private long increment(int meter, Instant at) {
        double hourOfDay = ((at.getEpochSecond() / 3600 + 8) % 24);
        double shape = 1 + 0.4 * Math.sin(2 * Math.PI * (hourOfDay - 13) / 24);
        return Math.round(baseLoad[meter] * shape * (0.8 + 0.4 * random.nextDouble()));
    }
}
