package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.QT;
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
import org.countygrid.metering.ReadingConflict;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading ingestion on the real schema: idempotency, every VEE outcome kept, gaps estimated, offices apart, and
 * stored readings judged again when older ones arrive after them.
 */
class ReadingServiceTest {

    static final Duration DAY = Duration.ofDays(1);
    /** 00:00 in China on the day after the installation. */
    static final Instant D1 = Instant.parse("2026-11-20T16:00:00Z");

    private final TestMetering metering = new TestMetering();

    @BeforeEach
    void installM1() {
        metering.stockAtStation(QS);
        metering.meters.receive(field(QS, "li"), M1, "CG", SCANNER);
        long id = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, "3101000001", null, "li",
                null, null)).id();
        metering.orders.scan(field(QS, "li"), id, M1, SCANNER);
        metering.collectEvidence(field(QS, "li"), id);
        metering.orders.complete(field(QS, "li"), id, null, SCANNER);
        metering.clock.set(Instant.parse("2026-12-10T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        metering.close();
    }

    static NewReading daily(String barcode, int day, String kwh) {
        return new NewReading(barcode, ReadingKind.DAILY, D1.plus(DAY.multipliedBy(day)), Register.TOTAL, new BigDecimal(kwh));
    }

    static List<NewReading> days(int from, int to, int startKwh, int perDay) {
        List<NewReading> list = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            list.add(daily(M1, d, Integer.toString(startKwh + (d - from) * perDay)));
        }
        return list;
    }

    List<ReadingView> stored() {
        return metering.readings.readings(operator(QS), M1, ReadingKind.DAILY, D1, D1.plus(DAY.multipliedBy(30)));
    }

    @Test
    void storesValidReadingsAndSkipsThemWhenSentAgain() {
        IngestSummary first = metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        IngestSummary again = metering.readings.ingest(operator(QS), days(0, 5, 100, 10));

        assertThat(first).isEqualTo(new IngestSummary(5, 5, 0, 0, 0, Map.of()));
        assertThat(again).isEqualTo(new IngestSummary(6, 1, 0, 5, 0, Map.of()));
        assertThat(stored()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.VALID));
        assertThat(stored().get(5).kwh()).isEqualByComparingTo("150");
    }

    @Test
    void aReadingSentAgainWithAnotherValueIsAConflictAndTheStoredValueStands() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "100"))); // stored as failed: ROLLBACK

        IngestSummary again = metering.readings.ingest(operator(QS), List.of(daily(M1, 2, "120"), daily(M1, 3, "131.5"),
                daily(M1, 6, "160"), daily(M1, 7, "170"), daily(M1, 7, "171"), daily(M1, 7, "170")));

        // day 5 missing between the valid days 4 and 7: estimated
        assertThat(again).isEqualTo(new IngestSummary(6, 1, 0, 2, 3, 1, 0, Map.of(), List.of(
                new ReadingConflict(M1, ReadingKind.DAILY, D1.plus(DAY.multipliedBy(3)), Register.TOTAL,
                        new BigDecimal("130.00"), new BigDecimal("131.50")),
                new ReadingConflict(M1, ReadingKind.DAILY, D1.plus(DAY.multipliedBy(6)), Register.TOTAL,
                        new BigDecimal("100.00"), new BigDecimal("160.00")),
                new ReadingConflict(M1, ReadingKind.DAILY, D1.plus(DAY.multipliedBy(7)), Register.TOTAL,
                        new BigDecimal("170.00"), new BigDecimal("171.00")))));
        assertThat(again.received()).isEqualTo(again.valid() + again.failed() + again.duplicates() + again.conflicts());
        assertThat(stored()).filteredOn(r -> r.status() != ReadingStatus.ESTIMATED).extracting(ReadingView::kwh)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100"),
                        new BigDecimal("110"), new BigDecimal("120"), new BigDecimal("130"), new BigDecimal("140"),
                        new BigDecimal("100"), new BigDecimal("170"));
        assertThat(stored().get(6).reason()).isEqualTo(Vee.ROLLBACK); // refused for its value: not taken again silently
    }

    @Test
    void copiesOfAStoredPointInOneBatchAreEachWeighedAgainstTheStoredValue() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));

        // a wrong copy first, then the stored value; then the same wrong value twice (probe)
        IngestSummary first = metering.readings.ingest(operator(QS), List.of(daily(M1, 4, "199"), daily(M1, 4, "140")));
        IngestSummary twice = metering.readings.ingest(operator(QS), List.of(daily(M1, 3, "150"), daily(M1, 3, "150")));

        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(first.conflicts()).isEqualTo(1);
        assertThat(first.firstConflicts()).singleElement().satisfies(c -> {
            assertThat(c.keptKwh()).isEqualByComparingTo("140");
            assertThat(c.sentKwh()).isEqualByComparingTo("199");
        });
        assertThat(twice.duplicates()).as("neither copy is the stored value").isZero();
        assertThat(twice.conflicts()).isEqualTo(2);
        assertThat(stored()).extracting(ReadingView::kwh).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("110"), new BigDecimal("120"),
                        new BigDecimal("130"), new BigDecimal("140"));
    }

    @Test
    void aSummaryNamesTheFirstConflictsAndCountsThemAll() {
        metering.clock.set(Instant.parse("2027-01-10T00:00:00Z"));
        metering.readings.ingest(operator(QS), days(0, 29, 100, 10));

        IngestSummary again = metering.readings.ingest(operator(QS), days(0, 29, 101, 10));

        assertThat(again.conflicts()).isEqualTo(30);
        assertThat(again.duplicates()).isZero();
        assertThat(again.firstConflicts()).hasSize(IngestSummary.CONFLICTS_LISTED)
                .allSatisfy(c -> assertThat(c.sentKwh().subtract(c.keptKwh())).isEqualByComparingTo("1"));
        assertThat(stored()).hasSize(30).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.VALID))
                .first().satisfies(r -> assertThat(r.kwh()).isEqualByComparingTo("100"));
    }

    @Test
    void failedReadingsAreKeptWithTheirReason() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        List<NewReading> batch = List.of(daily(M1, 5, "139.99"), daily(M1, 6, "1000"), daily(M1, 7, "160"),
                daily(M1, 30, "170"), daily(M2, 5, "10"), daily("9900000000000000000001", 5, "1"),
                daily(M1, -1, "90"));

        IngestSummary summary = metering.readings.ingest(operator(QS), batch);

        assertThat(summary.failures()).containsOnly(Map.entry(Vee.ROLLBACK, 1), Map.entry(Vee.SPIKE, 1),
                Map.entry(Vee.FUTURE, 1), Map.entry(Vee.NOT_INSTALLED, 2), Map.entry(Vee.UNKNOWN_METER, 1));
        assertThat(summary.valid()).isEqualTo(1);
        assertThat(stored()).filteredOn(r -> r.status() == ReadingStatus.FAILED).extracting(ReadingView::reason)
                .containsExactly(Vee.ROLLBACK, Vee.SPIKE); // days 5 and 6; day -1 and day 30 lie outside the range asked
        assertThat(metering.store.count("mtr_reading")).isEqualTo(5 + batch.size());
    }

    @Test
    void aReadingRefusedForComingTooEarlyIsJudgedAnewWhenSentAgainInTime() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        // a concentrator whose clock runs fast sends day 5's value a day early
        metering.clock.set(D1.plus(DAY.multipliedBy(4)));
        assertThat(metering.readings.ingest(operator(QS), List.of(daily(M1, 5, "150"))).failures())
                .containsOnly(Map.entry(Vee.FUTURE, 1));

        metering.clock.set(Instant.parse("2026-12-10T00:00:00Z"));
        IngestSummary again = metering.readings.ingest(operator(QS), List.of(daily(M1, 5, "150")));

        assertThat(again.valid()).as("judged anew, not dropped as a repeat: " + again).isEqualTo(1);
        assertThat(again.duplicates()).isZero();
        assertThat(stored()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.VALID));
        // a reading refused for its value stays refused: the same value sent again is a repeat
        metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "100")));
        assertThat(metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "100"))).duplicates()).isEqualTo(1);
        assertThat(stored().get(6).reason()).isEqualTo(Vee.ROLLBACK);
    }

    @Test
    void aGapIsFlaggedAndFilledWithEstimates() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        IngestSummary summary = metering.readings.ingest(operator(QS), List.of(daily(M1, 8, "180")));

        assertThat(summary.estimated()).isEqualTo(3);
        assertThat(stored()).extracting(ReadingView::status).containsExactly(ReadingStatus.VALID, ReadingStatus.VALID,
                ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.ESTIMATED,
                ReadingStatus.ESTIMATED, ReadingStatus.ESTIMATED, ReadingStatus.VALID);
        assertThat(stored().get(5).kwh()).isEqualByComparingTo("150");
        assertThat(stored().get(8).flags()).isEqualTo(Vee.GAP_BEFORE);
        // a real reading for an estimated day is no duplicate: it replaces the estimate; sent again, it is one
        assertThat(metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "160"))))
                .isEqualTo(new IngestSummary(1, 1, 0, 0, 0, 0, Map.of()));
        assertThat(stored().get(6).status()).isEqualTo(ReadingStatus.VALID);
        assertThat(metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "160"))).duplicates()).isEqualTo(1);
    }

    @Test
    void aLateReadingClosesTheGapBeforeAStoredLaterOne() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "160")));
        assertThat(stored().get(6).flags()).isEqualTo(Vee.GAP_BEFORE);

        IngestSummary late = metering.readings.ingest(operator(QS), List.of(daily(M1, 5, "150")));

        assertThat(late).isEqualTo(new IngestSummary(1, 1, 0, 0, 0, 1, Map.of()));
        assertThat(stored()).hasSize(7).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReadingStatus.VALID);
            assertThat(r.flags()).isNull();
        });
    }

    @Test
    void aLateReadingRevealsARollbackInAStoredLaterOne() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "155"), daily(M1, 7, "165")));

        IngestSummary late = metering.readings.ingest(operator(QS), List.of(daily(M1, 5, "158")));

        assertThat(late).isEqualTo(new IngestSummary(1, 1, 0, 0, 0, 2, Map.of()));
        List<ReadingView> stored = stored();
        assertThat(stored).hasSize(8).extracting(ReadingView::status).doesNotContain(ReadingStatus.ESTIMATED);
        assertThat(stored.get(5).kwh()).isEqualByComparingTo("158");
        assertThat(stored.get(6)).extracting(ReadingView::status, ReadingView::reason)
                .containsExactly(ReadingStatus.FAILED, Vee.ROLLBACK);
        // day 7 now follows day 5, the last valid one, across the failed day 6, which is not estimated over
        assertThat(stored.get(7)).extracting(ReadingView::status, ReadingView::flags)
                .containsExactly(ReadingStatus.VALID, Vee.GAP_BEFORE);
    }

    @Test
    void aLateReadingShowsAStoredLaterOneASpike() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        // 110 kWh in two days against 10 a day: 5.5 times the rate, valid
        metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "250")));
        assertThat(stored().get(6).status()).isEqualTo(ReadingStatus.VALID);

        IngestSummary late = metering.readings.ingest(operator(QS), List.of(daily(M1, 5, "141")));

        // 109 kWh in the one day after day 5: 13 times the rate
        assertThat(late.rejudged()).isEqualTo(1);
        assertThat(late.failures()).as("the batch's own failures only").isEmpty();
        assertThat(stored().get(6)).extracting(ReadingView::status, ReadingView::reason)
                .containsExactly(ReadingStatus.FAILED, Vee.SPIKE);
    }

    @Test
    void aLateRealReadingReplacesTheEstimateAndTheGapIsEstimatedAgain() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 8, "180"))); // estimates 150, 160, 170

        IngestSummary late = metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "158")));

        assertThat(late).isEqualTo(new IngestSummary(1, 1, 0, 0, 2, 0, Map.of()));
        List<ReadingView> stored = stored();
        assertThat(stored).extracting(ReadingView::status).containsExactly(ReadingStatus.VALID, ReadingStatus.VALID,
                ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.ESTIMATED,
                ReadingStatus.VALID, ReadingStatus.ESTIMATED, ReadingStatus.VALID);
        assertThat(stored).extracting(r -> r.kwh().stripTrailingZeros().toPlainString()).containsExactly("100", "110",
                "120", "130", "140", "149", "158", "169", "180");
        assertThat(stored.get(6).flags()).isEqualTo(Vee.GAP_BEFORE);
        assertThat(metering.store.count("mtr_reading")).isEqualTo(9);
    }

    @Test
    void aMalformedReadingRejectsTheWholeBatch() {
        List<NewReading> batch = List.of(daily(M1, 0, "100"), daily(M1, 1, "100.001"),
                new NewReading("123", ReadingKind.DAILY, D1, null, BigDecimal.ONE));

        assertThatThrownBy(() -> metering.readings.ingest(operator(QS), batch)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("readings[1].kwh",
                        "readings[2].barcode", "readings[2].register"));
        assertThat(metering.store.count("mtr_reading")).isZero();
    }

    @Test
    void aReadingAtNoTimeOfItsKindRejectsTheWholeBatch() {
        Instant quarter = Instant.parse("2026-11-21T00:15:00Z");
        List<NewReading> batch = List.of(daily(M1, 0, "100"),
                new NewReading(M1, ReadingKind.DAILY, D1.plus(Duration.ofHours(8)), Register.TOTAL, BigDecimal.ONE),
                new NewReading(M1, ReadingKind.INTERVAL_15, quarter.plusSeconds(60), Register.TOTAL, BigDecimal.ONE),
                new NewReading(M1, ReadingKind.INTERVAL_15, quarter.plusNanos(1_000), Register.TOTAL, BigDecimal.ONE),
                new NewReading(M1, ReadingKind.INTERVAL_15, Instant.parse("+10000-01-01T00:00:00Z"), Register.TOTAL, BigDecimal.ONE),
                new NewReading(M1, ReadingKind.INTERVAL_15, quarter, Register.TOTAL, BigDecimal.ONE));

        assertThatThrownBy(() -> metering.readings.ingest(operator(QS), batch)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("readings[1].readAt",
                        "readings[2].readAt", "readings[3].readAt", "readings[4].readAt"))
                .hasMessageContaining("00:00 China time").hasMessageContaining("quarter hour")
                .hasMessageContaining("between the years 2000 and 2099");
        assertThat(metering.store.count("mtr_reading")).isZero();
        // the years are China's: the daily reading of 2000-01-01 is taken at 1999-12-31T16:00Z
        assertThat(metering.readings.ingest(operator(QS), List.of(new NewReading(M1, ReadingKind.DAILY,
                Instant.parse("1999-12-31T16:00:00Z"), Register.TOTAL, BigDecimal.ONE))).received()).isEqualTo(1);
        assertThatThrownBy(() -> metering.readings.ingest(operator(QS), List.of(new NewReading(M1, ReadingKind.DAILY,
                Instant.parse("2099-12-31T16:00:00Z"), Register.TOTAL, BigDecimal.ONE))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2099");
    }

    @Test
    void aQueryLongerThanOneAnswerCanHoldIsRefusedInsteadOfCutOff() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");

        assertThatThrownBy(() -> metering.readings.readings(operator(QS), M1, ReadingKind.INTERVAL_15, from,
                from.plus(Duration.ofDays(27)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("to")).hasMessageContaining("26 days");
        assertThatThrownBy(() -> metering.readings.readings(operator(QS), M1, ReadingKind.DAILY, from, from))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("from"));
        assertThat(metering.readings.readings(operator(QS), M1, ReadingKind.INTERVAL_15, from,
                from.plus(Duration.ofDays(26)))).isEmpty();
        assertThat(metering.readings.readings(operator(QS), M1, ReadingKind.DAILY, from,
                from.plus(Duration.ofDays(2500)))).isEmpty();
    }

    @Test
    void readingsBelongToTheirOffice() {
        metering.readings.ingest(operator(QS), days(0, 2, 100, 10));
        IngestSummary other = metering.readings.ingest(operator(QT), days(0, 2, 100, 10));

        assertThat(other.failures()).containsOnly(Map.entry(Vee.UNKNOWN_METER, 3));
        assertThat(metering.readings.readings(operator(QT), M1, ReadingKind.DAILY, D1, D1.plus(DAY.multipliedBy(5))))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.FAILED));
        assertThat(stored()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReadingStatus.VALID));
        assertThatThrownBy(() -> metering.readings.ingest(field(QS, "li"), days(0, 1, 1, 1)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(403));
    }
}
