package org.countygrid.metering.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReadingCopyTest {

    @Test
    void nullIsBackslashNAndTheFourSpecialCharactersAreEscaped() {
        assertThat(ReadingCopy.text(new StringBuilder(), null).toString()).isEqualTo("\\N");
        assertThat(ReadingCopy.text(new StringBuilder(), "GAP_BEFORE").toString()).isEqualTo("GAP_BEFORE");
        assertThat(ReadingCopy.text(new StringBuilder(), "a\\b\tc\nd\re").toString()).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(ReadingCopy.text(new StringBuilder(), "抄表").toString()).isEqualTo("抄表");
    }

    @Test
    void timestampsAreUtcWithTheirFraction() {
        assertThat(ReadingCopy.timestamp(Instant.parse("2026-11-26T00:00:00Z"))).isEqualTo("2026-11-26 00:00");
        assertThat(ReadingCopy.timestamp(Instant.parse("2026-11-26T23:45:07.123456Z")))
                .isEqualTo("2026-11-26 23:45:07.123456");
    }
}
