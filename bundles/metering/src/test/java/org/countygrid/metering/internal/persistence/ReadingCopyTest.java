package org.countygrid.metering.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.Register;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/**
 * The binary COPY stream as the driver would send it; that PostgreSQL reads it is shown by the ingest tests run
 * against PostgreSQL ({@code -Dcountygrid.test.postgres}) and by the integration tests' PostgreSQL run.
 */
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

    @Test
    void theStreamIsOneHeaderTheRowsOfEveryAppendAndOneTrailer() throws Exception {
        RecordingCopyIn copy = new RecordingCopyIn();
        ReadingCopy readings = new ReadingCopy(copy, "QS", Instant.parse("2000-01-01T00:00:00Z"));
        List<ReadingTable.Row> first = rows(0, 1);
        List<ReadingTable.Row> many = rows(1, 2_000); // more than one 64 KiB write

        readings.append(first);
        readings.append(many);
        readings.end();

        ReadingCopy.Buffer expected = new ReadingCopy.Buffer(16);
        expected.bytes(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 });
        expected.int32(0);
        expected.int32(0);
        for (ReadingTable.Row r : first) {
            ReadingCopy.row(expected, "QS".getBytes(StandardCharsets.UTF_8), r, 0L);
        }
        for (ReadingTable.Row r : many) {
            ReadingCopy.row(expected, "QS".getBytes(StandardCharsets.UTF_8), r, 0L);
        }
        expected.int16(-1);
        assertThat(copy.sent.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(copy.writes).isGreaterThan(2);
        assertThat(copy.flushes).isEqualTo(2);
        assertThat(copy.ended).isTrue();
    }

    private static List<ReadingTable.Row> rows(int from, int count) {
        List<ReadingTable.Row> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(new ReadingTable.Row(String.format("33%020d", i), ReadingKind.INTERVAL_15, Register.TOTAL,
                    Instant.parse("2026-11-26T00:00:00Z").plusSeconds(900L * i), 100L * i, ReadingStatus.VALID,
                    i % 7 == 0 ? "GAP_BEFORE" : null, null));
        }
        return rows;
    }

    /** What the driver's COPY would have sent to PostgreSQL. */
    private static final class RecordingCopyIn implements CopyIn {

        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        int writes;
        int flushes;
        boolean ended;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            sent.write(buf, off, siz);
            writes++;
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
            flushes++;
        }

        @Override
        public long endCopy() {
            ended = true;
            return 0;
        }

        @Override
        public int getFieldCount() {
            return 10;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return !ended;
        }

        @Override
        public void cancelCopy() {
            ended = true;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }

    private static String text(ByteBuffer b) {
        byte[] value = new byte[b.getInt()];
        b.get(value);
        return new String(value, StandardCharsets.UTF_8);
    }
}
