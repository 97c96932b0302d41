package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.internal.domain.Vee.Point;
import org.countygrid.metering.internal.domain.Vee.Verdict;
import org.junit.jupiter.api.Test;

/** Each VEE rule on its own, with a history of 10 kWh a day. */
class VeeTest {

    static final Duration DAY = Duration.ofDays(1);
    static final Instant D0 = Instant.parse("2026-11-01T16:00:00Z"); // 00:00 in China
    static final Instant NOW = D0.plus(Duration.ofDays(10));
    static final List<Point> HISTORY = List.of(new Point(D0, 100_000), new Point(D0.plus(DAY), 101_000),
            new Point(D0.plus(DAY.multipliedBy(2)), 102_000), new Point(D0.plus(DAY.multipliedBy(3)), 103_000));
    static final Instant NEXT = D0.plus(DAY.multipliedBy(4));

    final Vee vee = new Vee(10, Duration.ofMinutes(5), 3, 96);

    Verdict check(Instant at, long value, List<Point> history) {
        return vee.check(at, value, NOW, true, true, history, DAY);
    }

    @Test
    void anOrdinaryReadingIsValidWithoutFlags() {
        assertThat(check(NEXT, 104_000, HISTORY)).isEqualTo(new Verdict(ReadingStatus.VALID, null, null));
        assertThat(check(NEXT, 104_000, List.of())).isEqualTo(new Verdict(ReadingStatus.VALID, null, null));
    }

    @Test
    void aReadingFromTheFutureFailsBeyondTheTolerance() {
        assertThat(check(NOW.plus(Duration.ofMinutes(4)), 104_000, HISTORY).status()).isEqualTo(ReadingStatus.VALID);
        assertThat(check(NOW.plus(Duration.ofMinutes(6)), 104_000, HISTORY).reason()).isEqualTo(Vee.FUTURE);
    }

    @Test
    void aReadingOfAnUnknownOrNotInstalledMeterFails() {
        assertThat(vee.check(NEXT, 104_000, NOW, false, false, HISTORY, DAY).reason()).isEqualTo(Vee.UNKNOWN_METER);
        assertThat(vee.check(NEXT, 104_000, NOW, true, false, HISTORY, DAY).reason()).isEqualTo(Vee.NOT_INSTALLED);
    }

    @Test
    void negativeConsumptionIsARollback() {
        assertThat(check(NEXT, 102_999, HISTORY)).isEqualTo(new Verdict(ReadingStatus.FAILED, Vee.ROLLBACK, null));
        assertThat(check(NEXT, 103_000, HISTORY).status()).isEqualTo(ReadingStatus.VALID); // no consumption is fine
    }

    @Test
    void consumptionBeyondTheFactorOfTheHistoryIsASpike() {
        assertThat(check(NEXT, 103_000 + 10_000, HISTORY).status()).isEqualTo(ReadingStatus.VALID); // exactly 10x
        assertThat(check(NEXT, 103_000 + 10_001, HISTORY).reason()).isEqualTo(Vee.SPIKE);
        Vee strict = new Vee(2, Duration.ofMinutes(5), 3, 96);
        assertThat(strict.check(NEXT, 103_000 + 2_500, NOW, true, true, HISTORY, DAY).reason()).isEqualTo(Vee.SPIKE);
    }

    @Test
    void spikesNeedEnoughHistoryAndSomeConsumptionInIt() {
        assertThat(check(NEXT, 900_000, HISTORY.subList(1, 4)).status()).isEqualTo(ReadingStatus.VALID);
        List<Point> idle = List.of(new Point(D0, 5), new Point(D0.plus(DAY), 5), new Point(D0.plus(DAY.multipliedBy(2)), 5),
                new Point(D0.plus(DAY.multipliedBy(3)), 5));
        assertThat(check(NEXT, 9_000, idle).status()).isEqualTo(ReadingStatus.VALID);
    }

    @Test
    void aSpikeIsJudgedPerTimeSoAGapIsNotOne() {
        Instant threeDaysLater = D0.plus(DAY.multipliedBy(6));
        Verdict verdict = check(threeDaysLater, 103_000 + 3 * 1_000, HISTORY);
        assertThat(verdict).isEqualTo(new Verdict(ReadingStatus.VALID, null, Vee.GAP_BEFORE));
    }

    @Test
    void estimatesTheMissingPointsOfAGapLinearlyRoundingDown() {
        List<Point> points = vee.estimateGap(new Point(D0, 1_000), new Point(D0.plus(DAY.multipliedBy(3)), 1_100), DAY);
        assertThat(points).containsExactly(new Point(D0.plus(DAY), 1_033), new Point(D0.plus(DAY.multipliedBy(2)), 1_066));
        assertThat(vee.estimateGap(new Point(D0, 0), new Point(D0.plus(DAY), 10), DAY)).isEmpty();
        assertThat(new Vee(10, Duration.ZERO, 3, 1).estimateGap(new Point(D0, 0), new Point(D0.plus(DAY.multipliedBy(3)), 10), DAY))
                .as("more missing points than allowed: flagged only").isEmpty();
    }
}
