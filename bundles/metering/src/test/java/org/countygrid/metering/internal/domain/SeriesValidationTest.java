package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.internal.domain.SeriesValidation.Changes;
import org.countygrid.metering.internal.domain.SeriesValidation.Incoming;
import org.countygrid.metering.internal.domain.SeriesValidation.Judged;
import org.countygrid.metering.internal.domain.Vee.Verdict;
import org.junit.jupiter.api.Test;

/** One daily series walked in time order: new readings, and stored later ones judged again when new ones are older. */
class SeriesValidationTest {

    static final Duration DAY = Duration.ofDays(1);
    static final Instant D0 = Instant.parse("2026-11-01T16:00:00Z");
    static final Verdict VALID = new Verdict(ReadingStatus.VALID, null, null);
    static final Verdict AFTER_GAP = new Verdict(ReadingStatus.VALID, null, Vee.GAP_BEFORE);
    static final Verdict ROLLBACK = new Verdict(ReadingStatus.FAILED, Vee.ROLLBACK, null);

    final Vee estimating = new Vee(10, Duration.ofMinutes(5), 3, 96);
    final Vee flagging = new Vee(10, Duration.ofMinutes(5), 3, 0); // gaps are only flagged

    static Instant day(int d) {
        return D0.plus(DAY.multipliedBy(d));
    }

    static Judged at(int d, long value, Verdict verdict) {
        return new Judged(day(d), value, verdict);
    }

    static TreeMap<Instant, Judged> stored(Judged... rows) {
        TreeMap<Instant, Judged> map = new TreeMap<>();
        for (Judged j : rows) {
            map.put(j.at(), j);
        }
        return map;
    }

    static TreeMap<Instant, Incoming> incoming(int d, long value) {
        TreeMap<Instant, Incoming> map = new TreeMap<>();
        map.put(day(d), new Incoming(value, null));
        return map;
    }

    static Changes walk(Vee vee, int historyReadings, TreeMap<Instant, Judged> stored, TreeMap<Instant, Incoming> incoming) {
        return new SeriesValidation(vee, historyReadings, DAY).validate(stored, incoming);
    }

    @Test
    void aReadingNewerThanEverythingStoredChangesNothingStored() {
        Changes changes = walk(estimating, 8, stored(at(0, 10_000, VALID), at(1, 11_000, VALID)), incoming(2, 12_000));

        assertThat(changes).isEqualTo(new Changes(List.of(at(2, 12_000, VALID)), List.of(), List.of()));
    }

    @Test
    void aLateReadingClearsTheGapFlagOfTheStoredNextOne() {
        TreeMap<Instant, Judged> stored = stored(at(0, 10_000, VALID), at(1, 11_000, VALID), at(3, 13_000, AFTER_GAP));

        Changes changes = walk(flagging, 8, stored, incoming(2, 12_000));

        assertThat(changes).isEqualTo(new Changes(List.of(at(2, 12_000, VALID)), List.of(at(3, 13_000, VALID)), List.of()));
    }

    @Test
    void aLateReadingRevealsARollbackInAStoredLaterOne() {
        TreeMap<Instant, Judged> stored = stored(at(0, 10_000, VALID), at(1, 11_000, VALID), at(2, 12_000, VALID),
                at(4, 14_000, AFTER_GAP), at(5, 15_000, VALID));

        Changes changes = walk(flagging, 8, stored, incoming(3, 14_500));

        // day 4 now lies below day 3; day 5 follows the last valid one, day 3, across the failed day 4
        assertThat(changes.inserts()).containsExactly(at(3, 14_500, VALID));
        assertThat(changes.updates()).containsExactly(at(4, 14_000, ROLLBACK), at(5, 15_000, AFTER_GAP));
    }

    @Test
    void aStoredReadingJudgedAgainstAWrongPredecessorIsJudgedAgain() {
        // day 4 passed against an estimate and day 5 failed against day 4; the real day 3 shows day 4 a spike
        TreeMap<Instant, Judged> stored = stored(at(0, 10_000, VALID), at(1, 11_000, VALID), at(2, 12_000, VALID),
                at(3, 18_500, Verdict.ESTIMATE), at(4, 25_000, AFTER_GAP), at(5, 19_000, ROLLBACK));

        Changes changes = walk(estimating, 8, stored, incoming(3, 13_000));

        assertThat(changes.inserts()).containsExactly(at(3, 13_000, VALID));
        assertThat(changes.updates()).containsExactly(at(4, 25_000, new Verdict(ReadingStatus.FAILED, Vee.SPIKE, null)),
                at(5, 19_000, AFTER_GAP));
        assertThat(changes.deletes()).as("the estimate the real day 3 replaces").containsExactly(day(3));
    }

    @Test
    void aRealReadingReplacesAnEstimateAndTheSplitGapIsEstimatedAgain() {
        TreeMap<Instant, Judged> stored = stored(at(3, 13_000, VALID), at(4, 14_000, VALID), at(5, 15_000, Verdict.ESTIMATE),
                at(6, 16_000, Verdict.ESTIMATE), at(7, 17_000, Verdict.ESTIMATE), at(8, 18_000, AFTER_GAP));

        Changes changes = walk(estimating, 8, stored, incoming(6, 15_800));

        assertThat(changes.inserts()).containsExactly(at(6, 15_800, AFTER_GAP), at(5, 14_900, Verdict.ESTIMATE),
                at(7, 16_900, Verdict.ESTIMATE));
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.deletes()).containsExactly(day(5), day(6), day(7));

        Changes onTheLine = walk(estimating, 8, stored, incoming(6, 16_000));
        assertThat(onTheLine.deletes()).as("estimates that come out alike stay").containsExactly(day(6));
        assertThat(onTheLine.inserts()).containsExactly(at(6, 16_000, AFTER_GAP));
    }

    @Test
    void aFailureThatNeedsNoHistoryKeepsItsVerdict() {
        Verdict notInstalled = new Verdict(ReadingStatus.FAILED, Vee.NOT_INSTALLED, null);
        TreeMap<Instant, Judged> stored = stored(at(0, 10_000, VALID), at(2, 0, notInstalled), at(3, 13_000, AFTER_GAP));

        Changes changes = walk(flagging, 8, stored, incoming(1, 11_000));

        assertThat(changes.updates()).as("day 2 would be a rollback; day 3 still follows a gap").isEmpty();
    }

    @Test
    void judgingAgainStopsAfterHistoryReadingsUnchangedVerdictsInARow() {
        // day 5's stored verdict is wrong on purpose: only a walk that reaches it corrects it
        TreeMap<Instant, Judged> stored = stored(at(0, 10_000, VALID), at(2, 11_000, AFTER_GAP), at(3, 12_000, VALID),
                at(4, 13_000, VALID), at(5, 14_000, ROLLBACK));

        assertThat(walk(flagging, 2, stored, incoming(1, 10_500)).updates()).containsExactly(at(2, 11_000, VALID));
        assertThat(walk(flagging, 3, stored, incoming(1, 10_500)).updates()).containsExactly(at(2, 11_000, VALID),
                at(5, 14_000, VALID));
    }
}
