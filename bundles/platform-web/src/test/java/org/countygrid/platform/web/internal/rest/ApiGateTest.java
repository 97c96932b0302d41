package org.countygrid.platform.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ApiGateTest {

    private final ApiGate gate = new ApiGate();

    @Test
    void closedUntilTheFirstPublication() {
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.awaitOpen(Duration.ofMillis(20))).isFalse();

        gate.open();

        assertThat(gate.awaitOpen(Duration.ZERO)).isTrue();
    }

    @Test
    void aRequestArrivingDuringASwapWaitsForTheNewServer() throws Exception {
        gate.open();
        gate.closeForSwap();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> request = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return gate.awaitOpen(Duration.ofSeconds(10));
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(request).isNotDone();

        gate.open();

        assertThat(request.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSwapThatTakesTooLongIsReportedToTheRequest() {
        gate.open();
        gate.closeForSwap();

        assertThat(gate.awaitOpen(Duration.ofMillis(30))).isFalse();
    }
}
