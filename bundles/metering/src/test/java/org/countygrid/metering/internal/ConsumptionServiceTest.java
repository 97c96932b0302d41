package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countygrid.metering.internal.TestMetering.M1;
import static org.countygrid.metering.internal.TestMetering.M2;
import static org.countygrid.metering.internal.TestMetering.M3;
import static org.countygrid.metering.internal.TestMetering.QS;
import static org.countygrid.metering.internal.TestMetering.QT;
import static org.countygrid.metering.internal.TestMetering.SCANNER;
import static org.countygrid.metering.internal.TestMetering.field;
import static org.countygrid.metering.internal.TestMetering.operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.countygrid.metering.DailyConsumption;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.Register;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Daily consumption across an installation and a replacement, from frozen readings and the orders' readings. */
class ConsumptionServiceTest {

    static final Caller LI = field(QS, "li");
    static final String ACCOUNT = "3101000001";

    private final TestMetering metering = new TestMetering();

    @AfterEach
    void stop() {
        metering.close();
    }

    /** Midnight (China Standard Time) starting day {@code d} of November 2026. */
    static Instant midnight(int d) {
        return LocalDate.of(2026, 11, d).atStartOfDay(ConsumptionServiceImpl.ZONE).toInstant();
    }

    static NewReading daily(String barcode, int day, String kwh) {
        return new NewReading(barcode, ReadingKind.DAILY, midnight(day), Register.TOTAL, new BigDecimal(kwh));
    }

    @Test
    void sumsTheMetersOfEachDayAcrossAReplacement() {
        // M1 installed on the 20th at 10:00 local, infrared 0.52
        installOnThe20th(M1, M2);
        // replaced by M2 on the 22nd at 15:00 local: M1's final reading 9.00, M2's infrared 0.52
        metering.clock.set(midnight(22).plusSeconds(15 * 3600));
        long replace = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REPLACE, ACCOUNT, null, "li",
                null, null)).id();
        metering.orders.scan(LI, replace, M2, SCANNER);
        metering.orders.recordFinalReadings(LI, replace, new FinalReadings(new BigDecimal("9.00"), null, null, null, null));
        metering.collectEvidence(LI, replace);
        metering.orders.complete(LI, replace, 0L, SCANNER);

        metering.clock.set(midnight(26));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 21, "3.52"), daily(M1, 22, "6.02"),
                daily(M2, 23, "2.52"), daily(M2, 24, "5.02"), daily(M2, 25, "7.00")));

        List<DailyConsumption> days = metering.consumption.daily(operator(QS), ACCOUNT, LocalDate.of(2026, 11, 19),
                LocalDate.of(2026, 11, 25));
        assertThat(days).extracting(DailyConsumption::kwh).containsExactly(new BigDecimal("0.00"),
                new BigDecimal("3.00"), new BigDecimal("2.50"), new BigDecimal("4.98"), new BigDecimal("2.50"),
                new BigDecimal("1.98"), null);
        assertThat(days.get(0).meters()).isEmpty();
        assertThat(days.get(3).meters()).containsExactly(M1, M2); // 2.98 from M1 + 2.00 from M2
        assertThat(days.get(6).complete()).isFalse(); // no reading at the 26th's midnight yet
        // another office, and an account that never had a meter, get no days of 0 kWh that would read as real
        assertThatThrownBy(() -> metering.consumption.daily(operator(QT), ACCOUNT, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 21))).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> metering.consumption.daily(operator(QS), "3101009999", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 21))).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404))
                .hasMessage("account 3101009999 has had no meter in this office");
        // the last day a question may name reads two days past it, and is still a question
        assertThat(metering.consumption.daily(operator(QS), ACCOUNT, LocalDate.of(2199, 12, 31), LocalDate.of(2199, 12, 31)))
                .hasSize(1);
    }

    @Test
    void aMeterBackAtTheSameAccountEndsEachStayWithItsOwnFinalReading() {
        installOnThe20th(M1, M2, M3);
        replace(21, M2, "5.00"); // M1 out at 5.00 on the 21st, 15:00
        metering.meters.verify(operator(QS), M1, null, SCANNER); // checked and sent out again
        metering.meters.preIssue(operator(QS), M1, "CG", "A1", SCANNER);
        metering.meters.receive(LI, M1, "CG", SCANNER);
        replace(23, M1, "3.00"); // M2 out, M1 back (infrared 0.52 as collectEvidence reads it)
        replace(24, M3, "8.00"); // M1 out a second time, at 8.00

        metering.clock.set(midnight(26));
        metering.readings.ingest(operator(QS), List.of(daily(M1, 21, "3.00"), daily(M2, 22, "1.52")));
        List<DailyConsumption> days = metering.consumption.daily(operator(QS), ACCOUNT, LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 21));

        // the 21st: M1 from 3.00 at midnight to its first removal's 5.00, then M2 from 0.52 to 1.52 — M1's stay
        // ends with the 5.00 of the order that ended it, not the 8.00 of its second removal
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.meters()).containsExactly(M1, M2);
            assertThat(d.complete()).isTrue();
            assertThat(d.kwh()).isEqualByComparingTo("3.00");
        });
    }

    /** Li receives the meters and installs the first at the account on the 20th at 10:00 local. */
    private void installOnThe20th(String first, String... others) {
        metering.stockAtStation(QS);
        metering.meters.receive(LI, first, "CG", SCANNER);
        for (String m : others) {
            metering.meters.receive(LI, m, "CG", SCANNER);
        }
        metering.clock.set(midnight(20).plusSeconds(10 * 3600));
        long install = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.INSTALL, ACCOUNT, null, "li",
                null, null)).id();
        metering.orders.scan(LI, install, first, SCANNER);
        metering.collectEvidence(LI, install);
        metering.orders.complete(LI, install, null, SCANNER);
    }

    private void replace(int day, String newMeter, String oldFinalKwh) {
        metering.clock.set(midnight(day).plusSeconds(15 * 3600));
        long id = metering.orders.create(operator(QS), new NewWorkOrder(WorkOrderType.REPLACE, ACCOUNT, null, "li",
                null, null)).id();
        metering.orders.scan(LI, id, newMeter, SCANNER);
        metering.orders.recordFinalReadings(LI, id, new FinalReadings(new BigDecimal(oldFinalKwh), null, null, null, null));
        metering.collectEvidence(LI, id);
        metering.orders.complete(LI, id, 0L, SCANNER);
    }

    @Test
    void refusesABadRange() {
        assertThatThrownBy(() -> metering.consumption.daily(operator(QS), "31", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 1))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsKeys("accountNumber", "to"));
        // days no one means are a 400 naming them, not a 500 from day arithmetic
        assertThatThrownBy(() -> metering.consumption.daily(operator(QS), "3101000001", LocalDate.MIN, LocalDate.MAX))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("from", "to"));
        assertThatThrownBy(() -> metering.readings.readings(operator(QS), M1, org.countygrid.metering.ReadingKind.DAILY,
                null, java.time.Instant.parse("-999999999-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnlyKeys("to"));
    }
}
