package org.countygrid.bench.ingest;

import java.util.Arrays;

/** Readings done over time, batch by batch: the sustained rate and the slowest stretch of a given length. */
final class Throughput {

    private long[] readings = new long[1024];
    private long[] nanos = new long[1024];
    private int marks;

    /** The clock starts now. */
    void start() {
        marks = 0;
        mark(0);
    }

    void batchDone(int count) {
        mark(readings[marks - 1] + count);
    }

    /** When the clock started ({@link System#nanoTime()}). */
    long startNanos() {
        return nanos[0];
    }

    long readings() {
        return readings[marks - 1];
    }

    double seconds() {
        return (nanos[marks - 1] - nanos[0]) / 1e9;
    }

    double perSecond() {
        return readings() / seconds();
    }

    /** The lowest rate over any run of whole batches covering at least {@code window} readings; the whole run if shorter. */
    double minPerSecond(long window) {
        double min = perSecond();
        int to = 1;
        for (int from = 0; from < marks; from++) {
            while (to < marks && readings[to] - readings[from] < window) {
                to++;
            }
            if (to == marks) {
                break;
            }
            min = Math.min(min, (readings[to] - readings[from]) * 1e9 / (nanos[to] - nanos[from]));
        }
        return min;
    }

    private void mark(long total) {
        if (marks == readings.length) {
            readings = Arrays.copyOf(readings, marks * 2);
            nanos = Arrays.copyOf(nanos, marks * 2);
        }
        readings[marks] = total;
        nanos[marks] = System.nanoTime();
        marks++;
    }
}
