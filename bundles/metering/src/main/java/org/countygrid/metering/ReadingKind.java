package org.countygrid.metering;

import java.time.Duration;

/** Daily frozen readings (日冻结, 00:00) and 15-minute interval readings (曲线). */
public enum ReadingKind {
    DAILY(Duration.ofDays(1)), INTERVAL_15(Duration.ofMinutes(15));

    private final Duration step;

    ReadingKind(Duration step) {
        this.step = step;
    }

    /** The expected distance between two readings of a series. */
    public Duration step() {
        return step;
    }
}
