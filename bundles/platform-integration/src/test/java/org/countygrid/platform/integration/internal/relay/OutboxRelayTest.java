package org.countygrid.platform.integration.internal.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.SubscriberCursors;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.MutableClock;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    /** The outbox as the relay sees it: unpublished events oldest first, and the published ones by type. */
    static final class ListOutbox implements EventOutbox, EventHistory {
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

        @Override
        public List<EventEnvelope> published(String type, Instant since, long after, int max) {
            return events.stream().filter(e -> marked.contains(e.sequence()) && e.type().equals(type)
                    && !e.occurredAt().isBefore(since) && e.sequence() > after).limit(max).toList();
        }

        @Override
        public long countPublished(String type, long after) {
            return published(type, Instant.EPOCH, after, Integer.MAX_VALUE).size();
        }
    }

    /** The held subscribers as platform-data keeps them, in memory; {@code failure} makes every write fail. */
    static final class MapCursors implements SubscriberCursors {
        final Map<String, Held> held = new TreeMap<>();
        RuntimeException failure;

        @Override
        public List<Held> held() {
            return List.copyOf(held.values());
        }

        @Override
        public void hold(String subscription, String type, long after, String error, Instant at) {
            check();
            Held h = held.get(subscription);
            held.put(subscription, new Held(subscription, type, after, h == null ? 1 : h.failures() + 1, error, at,
                    h == null ? at : h.heldSince()));
        }

        @Override
        public void advance(String subscription, long after) {
            check();
            Held h = held.get(subscription);
            held.put(subscription, new Held(subscription, h.type(), after, 0, h.lastError(), h.lastErrorAt(), h.heldSince()));
        }

        @Override
        public void release(String subscription) {
            check();
            held.remove(subscription);
        }

        private void check() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Pages run as they come: outside OSGi nothing else changes the routes. */
    private static final OutboxRelay.PageGuard DIRECT = java.util.function.Supplier::get;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final ListOutbox outbox = new ListOutbox();
    private final MapCursors cursors = new MapCursors();
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
        relay = relayOn(camel);
    }

    private OutboxRelay relayOn(CamelContext context) {
        return new OutboxRelay(context, outbox, outbox, cursors, 2, new RetryDelay(Duration.ofMillis(500), Duration.ofSeconds(60)), clock);
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
        assertThat(relay.replay("customers.account-opened", "metering", Instant.parse("2026-11-26T00:00:00Z"), DIRECT))
                .isEqualTo(2);
        assertThat(metering).containsExactly("1:{\"n\":1}", "2:{\"n\":2}");
        assertThat(received).as("the other subscriber of the type gets nothing again").isEmpty();

        metering.clear();
        assertThat(relay.replay("customers.account-opened", "metering", Instant.parse("2026-11-26T02:00:00Z"), DIRECT))
                .isEqualTo(1);
        assertThat(metering).containsExactly("2:{\"n\":2}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.replay("customers.account-opened", "sms",
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
    void eventsAnotherNodePublishedInBetweenAreCountedAndTheFirstAfterAStartIsNot() {
        outbox.add(7, "customers.account-closed", "{}"); // this node starts with 1..6 published before: no gap
        outbox.add(8, "customers.account-closed", "{}");
        relay.relay();
        assertThat(relay.stats().publishedElsewhere()).isZero();

        outbox.add(9, "customers.account-closed", "{}");
        outbox.add(10, "customers.account-closed", "{}");
        outbox.marked.addAll(List.of(9L, 10L)); // another node on the same database took these
        outbox.add(11, "customers.account-closed", "{}");
        relay.relay();

        assertThat(relay.stats().publishedElsewhere()).isEqualTo(2);
        assertThat(relay.stats().lastSequence()).isEqualTo(11);
        assertThat(received).containsExactly("7:customers.account-closed", "8:customers.account-closed",
                "11:customers.account-closed");
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
    void aFailingSubscriberIsHeldWhileTheOthersGoOnAndCatchesUpInOrder() throws Exception {
        AtomicBoolean meteringFails = new AtomicBoolean(true);
        List<String> metering = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened/metering").routeId("sub-metering").process(e -> {
                    if (meteringFails.get()) {
                        throw new IllegalStateException("database down");
                    }
                    metering.add(e.getMessage().getHeader(EventHeaders.SEQUENCE) + ":" + e.getMessage().getBody(String.class));
                });
            }
        });
        outbox.add(1, "customers.account-opened", "{\"n\":1}");
        outbox.add(2, "customers.account-closed", "{}");
        outbox.add(3, "customers.account-opened", "{\"n\":3}");

        assertThat(relay.relay()).isEqualTo(3);

        assertThat(received).as("the other subscribers are not held back")
                .containsExactly("1:customers.account-opened:{\"n\":1}", "2:customers.account-closed", "3:customers.account-opened:{\"n\":3}");
        assertThat(outbox.marked).containsExactly(1L, 2L, 3L);
        assertThat(cursors.held()).singleElement().satisfies(h -> {
            assertThat(h.subscription()).isEqualTo("customers.account-opened/metering");
            assertThat(h.after()).isZero();
            assertThat(h.failures()).isEqualTo(1);
            assertThat(h.lastError()).isEqualTo("IllegalStateException: database down");
        });
        RelayStats stats = relay.stats();
        assertThat(stats.consecutiveFailures()).as("the outbox itself is fine").isZero();
        assertThat(stats.held()).singleElement().satisfies(h -> {
            assertThat(h.subscription()).isEqualTo("customers.account-opened/metering");
            assertThat(h.behind()).isEqualTo(2);
            assertThat(h.routeStarted()).isTrue();
            assertThat(h.heldSince()).isEqualTo(clock.instant());
        });

        // still failing at its retry: held at the same event, with a longer delay of its own
        clock.advance(Duration.ofMillis(1100));
        relay.relay();
        assertThat(cursors.held()).singleElement().extracting(SubscriberCursors.Held::failures).isEqualTo(2);

        meteringFails.set(false);
        clock.advance(Duration.ofMillis(1500));
        relay.relay();
        assertThat(metering).as("2 s after the second failure, not before").isEmpty();
        clock.advance(Duration.ofMillis(600));
        relay.relay();
        assertThat(metering).containsExactly("1:{\"n\":1}", "3:{\"n\":3}");
        assertThat(cursors.held()).isEmpty();
        assertThat(received).as("nobody else gets an event twice").hasSize(3);

        // released: it takes the next event with everybody else
        outbox.add(4, "customers.account-opened", "{\"n\":4}");
        relay.relay();
        assertThat(metering).containsExactly("1:{\"n\":1}", "3:{\"n\":3}", "4:{\"n\":4}");
        assertThat(received).hasSize(4);
    }

    @Test
    void aHeldSubscriberWhoseRouteIsReplacedIsTriedAtOnceNotAfterItsWait() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened/bank").routeId("bank-v1").throwException(new IllegalStateException("typo"));
            }
        });
        outbox.add(1, "customers.account-opened", "{}");
        relay.relay();
        clock.advance(Duration.ofMillis(1100));
        relay.relay(); // a second failure: the next try is 2 s away
        assertThat(cursors.held()).singleElement().extracting(SubscriberCursors.Held::failures).isEqualTo(2);

        // the integrator fixes the route (its file edited: the old route removed, a new one added)
        List<String> bank = new CopyOnWriteArrayList<>();
        camel.getRouteController().stopRoute("bank-v1");
        camel.removeRoute("bank-v1");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-opened/bank").routeId("bank-v2")
                        .process(e -> bank.add(String.valueOf(e.getMessage().getHeader(EventHeaders.SEQUENCE))));
            }
        });
        clock.advance(Duration.ofMillis(100));
        relay.relay();

        assertThat(bank).containsExactly("1");
        assertThat(cursors.held()).isEmpty();
    }

    @Test
    void aHeldSubscriberCatchesUpPageByPageAndIsHeldAgainWhereItFailsNext() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicBoolean refuseFourth = new AtomicBoolean(true);
        List<Long> bank = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers.account-closed/bank").routeId("sub-bank").process(e -> {
                    long sequence = e.getMessage().getHeader(EventHeaders.SEQUENCE, Long.class);
                    if (down.get() || (sequence == 4 && refuseFourth.get())) {
                        throw new IllegalStateException("bank refused " + sequence);
                    }
                    bank.add(sequence);
                });
            }
        });
        for (long i = 1; i <= 6; i++) {
            outbox.add(i, "customers.account-closed", "{}");
        }
        relay.relay();
        assertThat(outbox.marked).hasSize(6);
        assertThat(bank).isEmpty();

        // pages of 2: takes 1, 2, 3, fails 4 and is held after 3
        down.set(false);
        clock.advance(Duration.ofSeconds(1));
        relay.relay();
        assertThat(bank).containsExactly(1L, 2L, 3L);
        assertThat(cursors.held()).singleElement().satisfies(h -> {
            assertThat(h.after()).isEqualTo(3);
            assertThat(h.lastError()).contains("bank refused 4");
        });
        assertThat(relay.stats().held()).singleElement().extracting(HeldSubscriber::behind).isEqualTo(3L);

        refuseFourth.set(false);
        clock.advance(Duration.ofSeconds(10));
        relay.relay();
        assertThat(bank).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(cursors.held()).isEmpty();
        assertThat(received).as("the type's other subscriber got each once").hasSize(6);
    }

    @Test
    void aHeldSubscriberStaysHeldAcrossARestartOfTheRelay() throws Exception {
        consumerFails = true;
        outbox.add(1, "customers.account-opened", "{\"n\":1}");
        outbox.add(2, "customers.account-opened", "{\"n\":2}");
        relay.relay();
        relay.close();
        assertThat(cursors.held()).extracting(SubscriberCursors.Held::subscription).containsExactly("customers.account-opened");

        // a new node start: its relay reads who is held and tries them at once
        consumerFails = false;
        relay = relayOn(camel);
        outbox.add(3, "customers.account-opened", "{\"n\":3}");
        relay.relay();

        assertThat(received).containsExactly("1:customers.account-opened:{\"n\":1}", "2:customers.account-opened:{\"n\":2}",
                "3:customers.account-opened:{\"n\":3}");
        assertThat(cursors.held()).isEmpty();
    }

    @Test
    void aHeldSubscriberWhoseRouteIsStoppedWaitsWithoutFailing() throws Exception {
        consumerFails = true;
        outbox.add(1, "customers.account-opened", "{}");
        relay.relay();
        camel.getRouteController().stopRoute("test-opened");
        outbox.add(2, "customers.account-opened", "{}");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            relay.relay();
        }
        assertThat(cursors.held()).singleElement().extracting(SubscriberCursors.Held::failures).isEqualTo(1);
        assertThat(relay.stats().held()).singleElement().satisfies(h -> {
            assertThat(h.routeStarted()).isFalse();
            assertThat(h.behind()).isEqualTo(2);
        });

        consumerFails = false;
        camel.getRouteController().startRoute("test-opened");
        relay.relay();
        assertThat(received).containsExactly("1:customers.account-opened:{}", "2:customers.account-opened:{}");
        assertThat(cursors.held()).isEmpty();
    }

    @Test
    void skipLetsAHeldSubscriberGoPastTheEventItFailsOrPastAll() throws Exception {
        outbox.add(1, "customers.account-opened", "poison");
        outbox.add(2, "customers.account-opened", "{\"n\":2}");
        outbox.add(3, "customers.account-opened", "{\"n\":3}");
        consumerFails = true;
        relay.relay();

        assertThat(relay.skip("customers.account-opened", false)).contains("skipped event 1").contains("office QS");
        assertThat(cursors.held()).singleElement().satisfies(h -> {
            assertThat(h.after()).isEqualTo(1);
            assertThat(h.failures()).isZero();
        });
        consumerFails = false;
        relay.relay();
        assertThat(received).as("tried again at once, from the event after the skipped one")
                .containsExactly("2:customers.account-opened:{\"n\":2}", "3:customers.account-opened:{\"n\":3}");
        assertThat(cursors.held()).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.skip("customers.account-opened", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no subscriber customers.account-opened is held");


        // --all: past every event it is behind, to the next published one
        consumerFails = true;
        outbox.add(4, "customers.account-opened", "{}");
        outbox.add(5, "customers.account-opened", "{}");
        relay.relay();
        assertThat(relay.skip("customers.account-opened", true)).startsWith("skipped 2 events");
        consumerFails = false;
        outbox.add(6, "customers.account-opened", "{\"n\":6}");
        relay.relay();
        assertThat(received).endsWith("6:customers.account-opened:{\"n\":6}").hasSize(3);

        // a skip passes only an event the subscriber failed: not the next one while it waits for its stopped route
        consumerFails = true;
        outbox.add(7, "customers.account-opened", "poison again");
        relay.relay();
        camel.getRouteController().stopRoute("test-opened");
        assertThat(relay.skip("customers.account-opened", false)).contains("skipped event 7");
        outbox.add(8, "customers.account-opened", "{\"n\":8}");
        relay.relay();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.skip("customers.account-opened", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has not failed an event since");
        assertThat(relay.stats().held()).singleElement().satisfies(h -> {
            assertThat(h.failingEvent()).isZero();
            assertThat(h.routeStarted()).isFalse();
            assertThat(h.route()).isEqualTo("test-opened");
        });
        consumerFails = false;
        camel.getRouteController().startRoute("test-opened");
        relay.relay();
        assertThat(received).endsWith("8:customers.account-opened:{\"n\":8}");
        assertThat(cursors.held()).isEmpty();
    }

    @Test
    void aHoldThatCannotBeWrittenStopsTheBatchAndTheEventIsRepeated() {
        outbox.add(1, "customers.account-closed", "{}");
        outbox.add(2, "customers.account-opened", "{}");
        consumerFails = true;
        cursors.failure = new IllegalStateException("database down");

        assertThat(relay.relay()).isEqualTo(1);
        assertThat(outbox.marked).containsExactly(1L);
        assertThat(relay.stats().consecutiveFailures()).isEqualTo(1);
        assertThat(relay.stats().lastError()).contains("event 2").contains("database down");
        assertThat(relay.stats().held()).isEmpty();

        cursors.failure = null;
        consumerFails = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relay()).isEqualTo(1);
        assertThat(outbox.marked).containsExactly(1L, 2L);
        assertThat(received).containsExactly("1:customers.account-closed", "2:customers.account-opened:{}");
    }

    @Test
    void aSubscriptionIsItsEndpointExactlyForTheRelayTheHoldAndTheReplay() throws Exception {
        List<String> bank = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        AtomicBoolean bankDown = new AtomicBoolean(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // options are not part of the subscription
                from("direct:customers.account-closed/bank?block=false").routeId("sub-bank").process(e -> {
                    if (bankDown.get()) {
                        throw new IllegalStateException("bank down");
                    }
                    bank.add(String.valueOf(e.getMessage().getHeader(EventHeaders.SEQUENCE)));
                });
                // another case is another endpoint, not a subscriber of customers.account-closed
                from("direct:Customers.Account-Closed/sms").routeId("sub-upper")
                        .process(e -> other.add(String.valueOf(e.getMessage().getHeader(EventHeaders.SEQUENCE))));
            }
        });
        outbox.add(1, "customers.account-closed", "{}");
        relay.relay();

        assertThat(other).isEmpty();
        assertThat(relay.stats().held()).singleElement().satisfies(h -> {
            assertThat(h.subscription()).isEqualTo("customers.account-closed/bank");
            assertThat(h.route()).isEqualTo("sub-bank");
            assertThat(h.failingEvent()).isEqualTo(1);
            assertThat(h.failingSubject()).isEqualTo("3201000001");
        });
        bankDown.set(false);
        clock.advance(Duration.ofSeconds(1));
        relay.relay();
        assertThat(bank).containsExactly("1");

        // the same key for a replay, and the plain endpoint of the type replays too
        assertThat(relay.replay("customers.account-closed", "bank", Instant.EPOCH, DIRECT)).isEqualTo(1);
        assertThat(bank).containsExactly("1", "1");
        received.clear();
        assertThat(relay.replay("customers.account-closed", null, Instant.EPOCH, DIRECT)).isEqualTo(1);
        assertThat(received).containsExactly("1:customers.account-closed");
        assertThat(relay.replay("Customers.Account-Closed", "sms", Instant.EPOCH, DIRECT)).as("no event has that type").isZero();
        assertThat(other).isEmpty();
    }

    @Test
    void aHeldSubscriberWhoseRouteIsRemovedSaysSoAndWaits() throws Exception {
        consumerFails = true;
        outbox.add(1, "customers.account-opened", "{}");
        relay.relay();
        camel.getRouteController().stopRoute("test-opened");
        camel.removeRoute("test-opened");
        clock.advance(Duration.ofMinutes(5));
        relay.relay();

        assertThat(relay.stats().held()).singleElement().satisfies(h -> {
            assertThat(h.route()).isNull();
            assertThat(h.routeStarted()).isFalse();
            assertThat(h.failures()).isEqualTo(1);
        });
        assertThat(relay.skip("customers.account-opened", true)).startsWith("skipped 1 event ");
        assertThat(relay.stats().held()).isEmpty();
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
