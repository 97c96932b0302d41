package org.countygrid.metering.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.Register;
import org.junit.jupiter.api.Test;

/** The binary COPY row; that PostgreSQL reads it is shown by the ingest tests run against PostgreSQL. */
class ReadingCopyTest {

    @Test
    void timestampsAreMicrosecondsSincePostgresEpochInUtc() {
        assertThat(ReadingCopy.micros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(ReadingCopy.micros(Instant.parse("2000-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
        assertThat(ReadingCopy.micros(Instant.parse("1999-12-31T23:59:59Z"))).isEqualTo(-1_000_000L);
        assertThat(ReadingCopy.micros(Instant.parse("2026-11-26T23:45:07.123456Z")))
                .isEqualTo((Instant.parse("2026-11-26T23:45:07Z").getEpochSecond() - 946_684_800L) * 1_000_000L + 123_456);
        // below the microsecond: rounded, as PostgreSQL rounds the same value given as text
        assertThat(ReadingCopy.micros(Instant.parse("2000-01-01T00:00:00.0000005Z"))).isEqualTo(1L);
        assertThat(ReadingCopy.micros(Instant.parse("2000-01-01T00:00:00.0000004Z"))).isZero();
    }

    @Test
    void aRowIsTenLengthPrefixedFieldsWithMinusOneForNull() {
        ReadingCopy.Buffer bytes = new ReadingCopy.Buffer(16);
        ReadingTable.Row row = new ReadingTable.Row("3301000000000000000001", ReadingKind.DAILY, Register.TOTAL,
                Instant.parse("2000-01-02T00:00:00Z"), 123_456L, ReadingStatus.VALID, null, "抄表");

        ReadingCopy.row(bytes, "QS".getBytes(StandardCharsets.UTF_8), row, 7L);

        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
        assertThat(b.getShort()).isEqualTo((short) 10);
        assertThat(text(b)).isEqualTo("QS");
        assertThat(text(b)).isEqualTo("3301000000000000000001");
        assertThat(text(b)).isEqualTo("DAILY");
        assertThat(text(b)).isEqualTo("TOTAL");
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(86_400_000_000L);
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(123_456L);
        assertThat(text(b)).isEqualTo("VALID");
        assertThat(b.getInt()).isEqualTo(-1);
        assertThat(text(b)).isEqualTo("抄表");
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(7L);
        assertThat(b.hasRemaining()).isFalse();
    }

    private static String text(ByteBuffer b) {
        byte[] value = new byte[b.getInt()];
        b.get(value);
        return new String(value, StandardCharsets.UTF_8);
    }
}
