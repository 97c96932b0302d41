package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.M3;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.SCANNER;
import static org.countygrid.metering.internal.TestMetering.field;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.internal.domain.Vee;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of many meters is judged as if each series were sent alone, though the stored history is read for all
 * series at once: by meter lookups for the whole batch, by a shared window for series with close spans, and by
 * each series on its own where the window does not reach back far enough (the lookback is 1.5 ×
 * {@code historyReadings} = 12 intervals, 3 hours).
 */
class ReadingIngestBatchTest {

    static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    static final Duration STEP = ReadingKind.INTERVAL_15.step();

    private final TestMetering metering = new TestMetering();

    @BeforeEach
    void installM1AndM2() {
        metering.stockAtStation(QS);
        install(M1, "3101000001");
        install(M2, "3101000002");
        metering.clock.set(Instant.parse("2026-12-10T00:00:00Z"));
    }

    private void install(String barcode, String account) {
        metering.meters.receive(field(QS, "li"), barcode, "CG", SCANNER);
        long id = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, account, null, "li", null,
                null)).id();
        metering.orders.scan(field(QS, "li"), id, barcode, SCANNER);
        metering.collectEvidence(field(QS, "li"), id);
        metering.orders.complete(field(QS, "li"), id, null, SCANNER);
    }

    @AfterEach
    void stop() {
        metering.close();
    }

    static NewReading interval(String barcode, int i, long kwh) {
        return new NewReading(barcode, ReadingKind.INTERVAL_15, T0.plus(STEP.multipliedBy(i)), Register.TOTAL,
                BigDecimal.valueOf(kwh));
    }

    /** Intervals from..to of a meter using 1 kWh per interval, starting at {@code kwh}. */
    static List<NewReading> steady(String barcode, int from, int to, long kwh) {
        List<NewReading> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(interval(barcode, i, kwh + i - from));
        }
        return list;
    }

    IngestSummary ingest(List<NewReading> readings) {
        return metering.readings.ingest(operator(QS), readings);
    }

    List<ReadingView> stored(String barcode) {
        return metering.readings.readings(operator(QS), barcode, ReadingKind.INTERVAL_15, T0, T0.plus(Duration.ofDays(1)));
    }

    @Test
    void everySeriesOfOneBatchIsJudgedAgainstItsOwnHistory() {
        ingest(concat(steady(M1, 0, 11, 100), steady(M2, 0, 11, 500)));

        IngestSummary summary = ingest(concat(steady(M1, 12, 15, 112),
                List.of(interval(M2, 12, 512), interval(M2, 13, 600), interval(M2, 14, 511)), steady(M3, 12, 13, 1),
                steady("9900000000000000000001", 12, 12, 1)));

        assertThat(summary.valid()).isEqualTo(4 + 1);
        assertThat(summary.failures()).containsOnly(Map.entry(Vee.SPIKE, 1), Map.entry(Vee.ROLLBACK, 1),
                Map.entry(Vee.NOT_INSTALLED, 2), Map.entry(Vee.UNKNOWN_METER, 1));
        assertThat(stored(M2)).extracting(ReadingView::reason).endsWith(null, Vee.SPIKE, Vee.ROLLBACK);
    }

    /**
     * 604 meters make two chunks (ReadingIngest.CHUNK_METERS = 250): M1 ends the first, M2 and M3 begin the second, so
     * their history is read on the second connection while the first chunk is being stored; M3's real reading replaces
     * an estimate, so the second chunk deletes a row after the first chunk's rows went out (on PostgreSQL the COPY is
     * ended for that, and a new one takes the rest).
     */
    @Test
    void aBatchOfManyMetersIsStoredInChunksEachSeriesJudgedAgainstItsOwnHistory() {
        Instant now = metering.clock.instant();
        metering.clock.set(T0.minus(Duration.ofDays(1))); // M3 is installed before its first reading, like M1 and M2
        install(M3, "3101000003");
        metering.clock.set(now);
        ingest(concat(steady(M1, 0, 11, 100), steady(M2, 0, 11, 500), steady(M3, 0, 11, 900)));
        ingest(List.of(interval(M3, 14, 914))); // 12 and 13 are estimated
        List<NewReading> batch = new ArrayList<>();
        for (int m = 1; m <= 301; m++) {
            batch.add(interval(String.format("32%020d", m), 12, 1));
        }
        batch.addAll(steady(M1, 12, 15, 112));
        batch.addAll(List.of(interval(M2, 12, 512), interval(M2, 13, 600), interval(M2, 14, 511)));
        batch.add(interval(M3, 12, 912));
        for (int m = 1; m <= 300; m++) {
            batch.add(interval(String.format("34%020d", m), 12, 1));
        }

        IngestSummary summary = ingest(batch);

        assertThat(summary.received()).isEqualTo(609);
        assertThat(summary.valid()).isEqualTo(4 + 1 + 1);
        assertThat(summary.failures()).containsOnly(Map.entry(Vee.SPIKE, 1), Map.entry(Vee.ROLLBACK, 1),
                Map.entry(Vee.UNKNOWN_METER, 601));
        assertThat(stored(M1)).hasSize(16).extracting(ReadingView::status).containsOnly(ReadingStatus.VALID);
        assertThat(stored(M2)).extracting(ReadingView::reason).endsWith(null, Vee.SPIKE, Vee.ROLLBACK);
        List<ReadingView> m3 = stored(M3); // 0–11, the real 12 that took the estimate's place, the estimated 13, 14
        assertThat(m3).hasSize(15);
        assertThat(m3.get(12)).extracting(ReadingView::status, r -> r.kwh().longValue()).containsExactly(ReadingStatus.VALID, 912L);
        assertThat(m3.get(13).status()).isEqualTo(ReadingStatus.ESTIMATED);
        long rows = metering.store.count("mtr_reading");
        // sent again after a timeout: nothing stored twice. The readings of meters unknown when they came are judged
        // anew (the meter may have been registered meanwhile), so they fail again instead of counting as repeats
        IngestSummary again = ingest(batch);
        assertThat(again.duplicates()).isEqualTo(8);
        assertThat(again.failures()).containsOnly(Map.entry(Vee.UNKNOWN_METER, 601));
        assertThat(metering.store.count("mtr_reading")).isEqualTo(rows);
    }

    @Test
    void historyBeforeTheWindowIsFoundAndAFailedReadingInTheGapIsNotEstimatedOver() {
        ingest(steady(M1, 0, 11, 100));
        assertThat(ingest(List.of(interval(M1, 20, 50))).failures()).containsOnly(Map.entry(Vee.ROLLBACK, 1));

        // 40 intervals after the last valid one: nothing valid in the window, the history lies before it
        assertThat(ingest(List.of(interval(M1, 51, 110))).failures()).containsOnly(Map.entry(Vee.ROLLBACK, 1));
        IngestSummary filled = ingest(List.of(interval(M1, 52, 152)));

        assertThat(filled.valid()).isEqualTo(1);
        assertThat(filled.estimated()).isEqualTo(40 - 2); // 12..51, but 20 and 51 keep their failed readings
        assertThat(stored(M1)).filteredOn(r -> r.status() == ReadingStatus.FAILED).extracting(ReadingView::readAt)
                .containsExactly(T0.plus(STEP.multipliedBy(20)), T0.plus(STEP.multipliedBy(51)));
        assertThat(stored(M1).get(stored(M1).size() - 1).flags()).isEqualTo(Vee.GAP_BEFORE);
    }

    @Test
    void seriesWithFarApartSpansInOneBatchAreEachComplete() {
        ingest(concat(steady(M1, 0, 11, 100), steady(M2, 0, 11, 500)));

        IngestSummary summary = ingest(concat(steady(M1, 0, 3, 100), List.of(interval(M2, 40, 540))));

        assertThat(summary).isEqualTo(new IngestSummary(5, 1, 0, 4, 40 - 11 - 1, Map.of()));
        assertThat(stored(M2)).hasSize(41).extracting(ReadingView::status).containsOnly(ReadingStatus.VALID,
                ReadingStatus.ESTIMATED);
    }

    @Test
    void aLateReadingJudgesStoredLaterOnesAgainUpToTheHorizon() {
        ingest(steady(M1, 0, 11, 100));
        ingest(List.of(interval(M1, 150, 115), interval(M1, 250, 116))); // long gaps: flagged, not estimated

        // 8 kWh in one interval against 1: valid, and above both stored later readings
        IngestSummary late = ingest(List.of(interval(M1, 12, 119)));

        // the horizon is 192 intervals after the batch's last reading: 150 lies within, 250 beyond
        assertThat(late.rejudged()).isEqualTo(1);
        List<ReadingView> later = metering.readings.readings(operator(QS), M1, ReadingKind.INTERVAL_15,
                T0.plus(STEP.multipliedBy(150)), T0.plus(STEP.multipliedBy(251)));
        assertThat(later).extracting(ReadingView::status, ReadingView::reason).containsExactly(
                tuple(ReadingStatus.FAILED, Vee.ROLLBACK), tuple(ReadingStatus.VALID, null));
    }

    @Test
    void aLateReadingDeepInAnEstimatedGapIsJudgedAgainstTheRealReadingBeforeTheGap() {
        ingest(steady(M1, 0, 11, 100));
        ingest(List.of(interval(M1, 60, 159))); // estimates 12..59; the window of interval 40 holds only estimates

        IngestSummary late = ingest(List.of(interval(M1, 40, 140)));

        // as in time order: 40 follows the gap after 11 (1 kWh an interval), 60 the gap after 40
        assertThat(late).isEqualTo(new IngestSummary(1, 1, 0, 0, 28 + 19, 0, Map.of()));
        List<ReadingView> stored = stored(M1);
        assertThat(stored).hasSize(61);
        assertThat(stored.get(40)).extracting(ReadingView::status, ReadingView::flags)
                .containsExactly(ReadingStatus.VALID, Vee.GAP_BEFORE);
        assertThat(stored.get(12).kwh()).isEqualByComparingTo("112");
        assertThat(stored.get(50).kwh()).isEqualByComparingTo("149.5");
    }

    @SafeVarargs
    static List<NewReading> concat(List<NewReading>... lists) {
        List<NewReading> all = new ArrayList<>();
        for (List<NewReading> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
