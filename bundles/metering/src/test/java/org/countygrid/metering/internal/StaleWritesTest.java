package org.countygrid.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.countygrid.platform.api.Problem;
import org.junit.jupiter.api.Test;

/** A write of the current state is tried again while a concurrent change makes it stale, a few times at most. */
class StaleWritesTest {

    private final AtomicInteger tries = new AtomicInteger();

    private String failingStale(int times) {
        if (tries.incrementAndGet() <= times) {
            throw Problem.stale("the work order was changed by someone else meanwhile; reload it and try again");
        }
        return "done";
    }

    @Test
    void aStaleWriteIsTriedAgainOnTheChangedState() {
        assertThat(StaleWrites.retried(() -> failingStale(StaleWrites.ATTEMPTS - 1))).isEqualTo("done");
        assertThat(tries).hasValue(StaleWrites.ATTEMPTS);
    }

    @Test
    void aWriteStillStaleAfterTheLastAttemptIsA409AndOtherRefusalsAreNotTriedAgain() {
        assertThatThrownBy(() -> StaleWrites.retried(() -> failingStale(StaleWrites.ATTEMPTS)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo(Problem.STALE));
        assertThat(tries).hasValue(StaleWrites.ATTEMPTS);

        tries.set(0);
        assertThatThrownBy(() -> StaleWrites.retried(() -> {
            tries.incrementAndGet();
            throw Problem.conflict("account 3101000001 is closed");
        })).isInstanceOf(Problem.class);
        assertThat(tries).hasValue(1);
    }
}
