package org.countygrid.platform.integration.internal.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.MutableClock;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    /** The outbox as the relay sees it: unpublished events oldest first. */
    static final class ListOutbox implements EventOutbox {
        final List<EventEnvelope> events = new ArrayList<>();
        final List<Long> marked = new ArrayList<>();
        RuntimeException readFailure;

        void add(long sequence, String type, String payload) {
            events.add(new EventEnvelope(sequence, type, 1, "QS", "3201000001", Instant.EPOCH, payload));
        }

        @Override
        public List<EventEnvelope> pending(int max) {
            if (readFailure != null) {
                throw readFailure;
            }
            return events.stream().filter(e -> !marked.contains(e.sequence())).limit(max).toList();
        }

        @Override
        public void markPublished(long sequence) {
            marked.add(sequence);
        }

        @Override
        public long pendingCount() {
            return events.size() - marked.size();
        }
    }

    /** Pages run as they come: outside OSGi nothing else changes the routes. */
    private static final OutboxRelay.PageGuard DIRECT = java.util.function.Supplier::get;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final ListOutbox outbox = new ListOutbox();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private OutboxRelay relay;
    private volatile boolean consumerFails;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened").routeId("test-opened").process(e -> {
                    if (consumerFails) {
                        throw new IllegalStateException("sms gateway down");
                    }
                    Map<String, Object> h = e.getMessage().getHeaders();
                    received.add(h.get(EventHeaders.SEQUENCE) + ":" + h.get(EventHeaders.TYPE) + ":" + e.getMessage().getBody(String.class));
                });
                from("direct:customers.account-closed").routeId("test-closed").process(e -> received.add(
                        e.getMessage().getHeader(EventHeaders.SEQUENCE) + ":" + e.getMessage().getHeader(EventHeaders.TYPE)));
            }
        });
        relay = new OutboxRelay(camel, outbox, 2, new RetryDelay(Duration.ofMillis(500), Duration.ofSeconds(60)), clock);
    }

    @AfterEach
    void stop() {
        relay.close();
        camel.stop();
    }

    @Test
    void publishesInOrderWithHeadersAndMarksEachPublished() {
        outbox.add(1, "customers.account-opened", "{\"n\":1}");
        outbox.add(2, "customers.account-closed", "{\"n\":2}");
        outbox.add(3, "customers.account-opened", "{\"n\":3}");

        assertThat(relay.relay()).isEqualTo(3);

        assertThat(received).containsExactly("1:customers.account-opened:{\"n\":1}", "2:customers.account-closed",
                "3:customers.account-opened:{\"n\":3}");
        assertThat(outbox.marked).containsExactly(1L, 2L, 3L);
        RelayStats stats = relay.stats();
        assertThat(stats.published()).isEqualTo(3);
        assertThat(stats.pending()).isZero();
        assertThat(stats.lastSequence()).isEqualTo(3);
    }

    @Test
    void setsEveryHeader() throws Exception {
        List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:metering.meter-installed").routeId("test-installed").process(e -> headers.add(e.getMessage().getHeaders()));
            }
        });
        outbox.events.add(new EventEnvelope(9, "metering.meter-installed", 2, "QS", "M-1", Instant.EPOCH, "{}"));

        relay.relay();

        assertThat(headers).singleElement().satisfies(h -> assertThat(h).containsEntry(EventHeaders.TYPE, "metering.meter-installed")
                .containsEntry(EventHeaders.VERSION, 2).containsEntry(EventHeaders.OFFICE, "QS")
                .containsEntry(EventHeaders.SUBJECT, "M-1").containsEntry(EventHeaders.SEQUENCE, 9L));
    }

    @Test
    void aReplayHandsThePublishedEventsSinceATimeToTheNamedSubscriberOnly() throws Exception {
        // an account was opened while metering was uninstalled: published to nobody
        outbox.events.add(new EventEnvelope(1, "customers.account-opened", 1, "QS", "3101000001",
                Instant.parse("2026-11-26T01:00:00Z"), "{\"n\":1}"));
        outbox.events.add(new EventEnvelope(2, "customers.account-opened", 1, "QS", "3101000002",
                Instant.parse("2026-11-26T03:00:00Z"), "{\"n\":2}"));
        outbox.events.add(new EventEnvelope(3, "customers.account-closed", 1, "QS", "3101000003",
                Instant.parse("2026-11-26T03:30:00Z"), "{}"));
        camel.getRouteController().stopRoute("test-opened");
        relay.relay();
        received.clear();
        // the module is back, with its route, next to an integrator's that got every event
        List<String> metering = new CopyOnWriteArrayList<>();
        camel.getRouteController().startRoute("test-opened");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened/metering").routeId("test-metering")
                        .process(e -> metering.add(e.getMessage().getHeader(EventHeaders.SEQUENCE) + ":" + e.getMessage().getBody(String.class)));
            }
        });
        EventHistory history = (type, since, after, max) -> outbox.events.stream()
                .filter(e -> outbox.marked.contains(e.sequence()) && e.type().equals(type) && !e.occurredAt().isBefore(since)
                        && e.sequence() > after)
                .limit(max).toList();

        assertThat(relay.replay(history, "customers.account-opened", "metering", Instant.parse("2026-11-26T00:00:00Z"), DIRECT))
                .isEqualTo(2);
        assertThat(metering).containsExactly("1:{\"n\":1}", "2:{\"n\":2}");
        assertThat(received).as("the other subscriber of the type gets nothing again").isEmpty();

        metering.clear();
        assertThat(relay.replay(history, "customers.account-opened", "metering", Instant.parse("2026-11-26T02:00:00Z"), DIRECT))
                .isEqualTo(1);
        assertThat(metering).containsExactly("2:{\"n\":2}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.replay(history, "customers.account-opened", "sms",
                Instant.EPOCH, DIRECT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no started route consumes direct:customers.account-opened/sms");
    }

    @Test
    void eventWithoutConsumerIsMarkedPublished() {
        outbox.add(1, "grading.grade-changed", "{}");
        outbox.add(2, "customers.account-closed", "{}");

        relay.relay();

        assertThat(outbox.marked).containsExactly(1L, 2L);
        assertThat(received).containsExactly("2:customers.account-closed");
        assertThat(relay.stats().withoutConsumer()).isEqualTo(1);
        assertThat(relay.stats().published()).isEqualTo(2);
    }

    @Test
    void everySubscriberGetsTheEventInTheOrderOfItsEndpoint() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(EventHeaders.endpointFor("customers.account-closed", "metering")).routeId("sub-metering")
                        .process(e -> received.add("metering:" + e.getMessage().getHeader(EventHeaders.SEQUENCE)));
                from("direct:customers.account-closed/cards").routeId("sub-cards")
                        .process(e -> received.add("cards:" + e.getMessage().getHeader(EventHeaders.SEQUENCE)));
                // a similar name is not a subscriber
                from("direct:customers.account-closedx").routeId("other")
                        .process(e -> received.add("other:" + e.getMessage().getHeader(EventHeaders.SEQUENCE)));
            }
        });
        outbox.add(1, "customers.account-closed", "{}");

        relay.relay();

        assertThat(received).containsExactly("1:customers.account-closed", "cards:1", "metering:1");
        assertThat(outbox.marked).containsExactly(1L);
        assertThat(relay.stats().withoutConsumer()).isZero();
    }

    @Test
    void subscribersAloneReceiveTheEvent() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:grading.grade-changed/sms").routeId("sub-sms")
                        .process(e -> received.add("sms:" + e.getMessage().getHeader(EventHeaders.TYPE)));
            }
        });
        outbox.add(1, "grading.grade-changed", "{}");

        relay.relay();

        assertThat(received).containsExactly("sms:grading.grade-changed");
        assertThat(relay.stats().withoutConsumer()).isZero();
    }

    @Test
    void aFailingSubscriberStopsTheBatchAndTheEventIsRepeatedForAll() throws Exception {
        AtomicBoolean meteringFails = new AtomicBoolean(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened/metering").routeId("sub-metering").process(e -> {
                    if (meteringFails.get()) {
                        throw new IllegalStateException("database down");
                    }
                    received.add("metering:" + e.getMessage().getHeader(EventHeaders.SEQUENCE));
                });
            }
        });
        outbox.add(1, "customers.account-opened", "{}");

        assertThat(relay.relay()).isZero();
        assertThat(outbox.marked).isEmpty();
        assertThat(relay.stats().lastError()).contains("event 1").contains("database down");

        meteringFails.set(false);
        clock.advance(Duration.ofMinutes(1));
        relay.relay();

        // the first subscriber had it already: at least once
        assertThat(received).containsExactly("1:customers.account-opened:{}", "1:customers.account-opened:{}", "metering:1");
        assertThat(outbox.marked).containsExactly(1L);
    }

    @Test
    void stoppedConsumerCountsAsNone() throws Exception {
        camel.getRouteController().stopRoute("test-closed");
        outbox.add(1, "customers.account-closed", "{}");

        relay.relay();

        assertThat(outbox.marked).containsExactly(1L);
        assertThat(received).isEmpty();
    }

    @Test
    void failureStopsTheBatchKeepsOrderAndBacksOff() {
        outbox.add(1, "customers.account-closed", "{}");
        outbox.add(2, "customers.account-opened", "{}");
        outbox.add(3, "customers.account-closed", "{}");
        consumerFails = true;

        assertThat(relay.relay()).isEqualTo(1);
        assertThat(outbox.marked).containsExactly(1L);
        assertThat(received).containsExactly("1:customers.account-closed");
        RelayStats failed = relay.stats();
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.lastError()).contains("event 2").contains("customers.account-opened").contains("sms gateway down");
        assertThat(failed.lastErrorAt()).isEqualTo(clock.instant());
        assertThat(failed.pending()).isEqualTo(2);

        // still backing off (1 s after the first failure): nothing is tried
        consumerFails = false;
        clock.advance(Duration.ofMillis(900));
        assertThat(relay.relay()).isZero();

        clock.advance(Duration.ofMillis(200));
        assertThat(relay.relay()).isEqualTo(2);
        assertThat(outbox.marked).containsExactly(1L, 2L, 3L);
        assertThat(received).containsExactly("1:customers.account-closed", "2:customers.account-opened:{}", "3:customers.account-closed");
        assertThat(relay.stats().consecutiveFailures()).isZero();
    }

    @Test
    void backOffGrowsWithConsecutiveFailures() {
        outbox.add(1, "customers.account-opened", "{}");
        consumerFails = true;
        relay.relay();
        clock.advance(Duration.ofSeconds(1));
        relay.relay();
        assertThat(relay.stats().consecutiveFailures()).isEqualTo(2);

        // the second failure waits 2 s
        consumerFails = false;
        clock.advance(Duration.ofMillis(1500));
        assertThat(relay.relay()).isZero();
        clock.advance(Duration.ofMillis(600));
        assertThat(relay.relay()).isEqualTo(1);
    }

    @Test
    void unreadableOutboxIsReportedAndRetried() {
        outbox.readFailure = new IllegalStateException("database unavailable");
        assertThat(relay.relay()).isZero();
        assertThat(relay.stats().lastError()).contains("reading the outbox").contains("database unavailable");

        outbox.readFailure = null;
        outbox.add(1, "customers.account-closed", "{}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relay()).isEqualTo(1);
    }

    @Test
    void drainsSeveralFullBatchesInOneTick() {
        for (long i = 1; i <= 5; i++) {
            outbox.add(i, "customers.account-closed", "{}");
        }
        assertThat(relay.relay()).isEqualTo(5);
        assertThat(outbox.marked).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
