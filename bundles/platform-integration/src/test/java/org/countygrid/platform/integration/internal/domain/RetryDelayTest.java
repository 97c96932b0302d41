package org.countygrid.platform.integration.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryDelayTest {

    private final RetryDelay delay = new RetryDelay(Duration.ofMillis(500), Duration.ofSeconds(60));

    @Test
    void doublesPerFailureFromTheBase() {
        assertThat(delay.after(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(delay.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay.after(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void neverExceedsTheMaximumEvenAfterManyFailures() {
        assertThat(delay.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(delay.after(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesAMaximumBelowTheBase() {
        assertThatThrownBy(() -> new RetryDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
