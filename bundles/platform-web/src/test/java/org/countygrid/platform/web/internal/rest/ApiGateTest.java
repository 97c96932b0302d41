package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGateTest {

    private final ApiGate gate = new ApiGate();
    /** A thread per task: a swap or request waiting in one must not hold up the next. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void closedUntilTheFirstPublication() {
        assertThat(gate.enter(Duration.ofMillis(20))).isFalse();

        gate.endSwap(gate.beginSwap(Duration.ZERO), true);

        assertThat(gate.enter(Duration.ZERO)).isTrue();
        gate.leave();
    }

    @Test
    void aRequestArrivingDuringASwapWaitsForTheNewServer() throws Exception {
        gate.endSwap(gate.beginSwap(Duration.ZERO), true);
        assertThat(gate.beginSwap(Duration.ofSeconds(1))).isTrue();
        CompletableFuture<Boolean> request = inAnotherThread(() -> gate.enter(Duration.ofSeconds(10)));
        Thread.sleep(50);
        assertThat(request).isNotDone();

        gate.endSwap(true, true);

        assertThat(request.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSwapWaitsForTheRequestsRunningAndHoldsNewOnesBack() throws Exception {
        gate.endSwap(gate.beginSwap(Duration.ZERO), true);
        assertThat(gate.enter(Duration.ZERO)).isTrue(); // a request being served
        CompletableFuture<Boolean> swap = inAnotherThread(() -> gate.beginSwap(Duration.ofSeconds(10)));
        Thread.sleep(50);
        assertThat(swap).as("the old server is still serving a request").isNotDone();
        CompletableFuture<Boolean> later = inAnotherThread(() -> gate.enter(Duration.ofMillis(100)));
        assertThat(later.get(5, TimeUnit.SECONDS)).as("a new request queues behind the waiting swap").isFalse();

        gate.leave();

        assertThat(swap.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSwapThatCannotWaitLongerGoesAheadAndSaysSo() throws Exception {
        gate.endSwap(gate.beginSwap(Duration.ZERO), true);
        assertThat(gate.enter(Duration.ZERO)).isTrue();

        boolean held = inAnotherThread(() -> gate.beginSwap(Duration.ofMillis(30))).get(5, TimeUnit.SECONDS);

        assertThat(held).isFalse();
        gate.leave();
    }

    @Test
    void withoutAServerAfterARebuildRequestsAreTurnedAwayUntilTheNextOne() {
        gate.endSwap(gate.beginSwap(Duration.ZERO), false);

        assertThat(gate.enter(Duration.ofMillis(20))).as("no server: 503, not CXF's 404").isFalse();

        gate.endSwap(gate.beginSwap(Duration.ZERO), true);
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        gate.leave();
    }

    @Test
    void closingWaitsForTheRequestsRunningAndThenTurnsEveryRequestAway() throws Exception {
        gate.endSwap(gate.beginSwap(Duration.ZERO), true);
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        CompletableFuture<Void> closing = inAnotherThread(() -> {
            gate.close(Duration.ofSeconds(10));
            return null;
        });
        Thread.sleep(50);
        assertThat(closing).isNotDone();

        gate.leave();

        closing.get(5, TimeUnit.SECONDS);
        assertThat(gate.enter(Duration.ofMillis(20))).isFalse();
    }

    private <T> CompletableFuture<T> inAnotherThread(java.util.function.Supplier<T> work) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return work.get();
        }, threads);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return result;
    }
}
