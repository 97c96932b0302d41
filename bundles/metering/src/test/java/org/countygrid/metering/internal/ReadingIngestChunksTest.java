package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.ReadingIngest.Parsed;
import org.countygrid.metering.internal.ReadingIngest.Series;
import org.junit.jupiter.api.Test;

/** How a batch is cut into chunks of whole meters for the pipelined ingest. */
class ReadingIngestChunksTest {

    private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

    /** {@code meters} meters with a TOTAL and a PEAK series each, in barcode order as the ingest keeps them. */
    private static Map<Series, TreeMap<Instant, Parsed>> batch(int meters) {
        Map<Series, TreeMap<Instant, Parsed>> series = new TreeMap<>(Comparator.comparing(Series::barcode)
                .thenComparing(Series::kind).thenComparing(Series::register));
        for (int m = 0; m < meters; m++) {
            String barcode = String.format("33%020d", m);
            for (Register register : List.of(Register.TOTAL, Register.PEAK)) {
                TreeMap<Instant, Parsed> points = new TreeMap<>();
                points.put(T, new Parsed(barcode, ReadingKind.INTERVAL_15, register, T, 1));
                series.put(new Series(barcode, ReadingKind.INTERVAL_15, register), points);
            }
        }
        return series;
    }

    @Test
    void aSmallBatchIsOneChunk() {
        assertThat(ReadingIngest.chunks(batch(1))).hasSize(1);
        assertThat(ReadingIngest.chunks(batch(499))).hasSize(1).first().satisfies(c -> assertThat(c).hasSize(998));
    }

    @Test
    void aChannelsBatchIsCutIntoAtMostFourRunsOfWholeMetersInBarcodeOrder() {
        Map<Series, TreeMap<Instant, Parsed>> batch = batch(1250);

        List<Map<Series, TreeMap<Instant, Parsed>>> chunks = ReadingIngest.chunks(batch);

        assertThat(chunks).hasSize(4);
        assertThat(chunks).extracting(Map::size).containsExactly(626, 626, 626, 622); // 313 + 313 + 313 + 311 meters
        assertThat(chunks.stream().flatMap(c -> c.keySet().stream())).containsExactlyElementsOf(batch.keySet());
        for (int i = 1; i < chunks.size(); i++) {
            String lastBefore = chunks.get(i - 1).keySet().stream().reduce((a, b) -> b).orElseThrow().barcode();
            String first = chunks.get(i).keySet().iterator().next().barcode();
            assertThat(first).isGreaterThan(lastBefore); // no meter is split between two chunks
        }
    }
}
