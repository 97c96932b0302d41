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

/** Reading ingestion on the real schema: idempotency, every VEE outcome kept, gaps estimated, offices apart. */
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
    void aGapIsFlaggedAndFilledWithEstimates() {
        metering.readings.ingest(operator(QS), days(0, 4, 100, 10));
        IngestSummary summary = metering.readings.ingest(operator(QS), List.of(daily(M1, 8, "180")));

        assertThat(summary.estimated()).isEqualTo(3);
        assertThat(stored()).extracting(ReadingView::status).containsExactly(ReadingStatus.VALID, ReadingStatus.VALID,
                ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.VALID, ReadingStatus.ESTIMATED,
                ReadingStatus.ESTIMATED, ReadingStatus.ESTIMATED, ReadingStatus.VALID);
        assertThat(stored().get(5).kwh()).isEqualByComparingTo("150");
        assertThat(stored().get(8).flags()).isEqualTo(Vee.GAP_BEFORE);
        // the estimates count as history: a resend of a real reading for an estimated day is a duplicate
        assertThat(metering.readings.ingest(operator(QS), List.of(daily(M1, 6, "160"))).duplicates()).isEqualTo(1);
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
