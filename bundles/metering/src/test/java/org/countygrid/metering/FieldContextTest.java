package org.countygrid.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

class FieldContextTest {

    @Test
    void aLocationOrDeviceTooLongOrWithControlCharactersIsRefusedNotCut() {
        assertThat(new FieldContext("PDA-07", "城关供电所周转柜 A1").location()).isEqualTo("城关供电所周转柜 A1");
        assertThatThrownBy(() -> new FieldContext("PDA-07", "x".repeat(201))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.byField()).containsEntry("location", "must be at most 200 characters"));
        assertThatThrownBy(() -> new FieldContext("P".repeat(61), "a\u0000b")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("deviceId", "location"));
    }
}
