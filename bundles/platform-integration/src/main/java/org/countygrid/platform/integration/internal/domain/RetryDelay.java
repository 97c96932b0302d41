package org.countygrid.platform.integration.internal.domain;

import java.time.Duration;

/**
 * How long to wait before trying again after consecutive failures: the base interval doubled per failure,
 * capped, so a broken consumer is retried often at first and then without flooding the log.
 */
public record RetryDelay(Duration base, Duration max) {

    public RetryDelay {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
    }

    /** The delay after the given number of consecutive failures (0 = no failure, no delay beyond the base). */
    public Duration after(int failures) {
        if (failures <= 0) {
            return base;
        }
        int doublings = Math.min(failures, 30);
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
