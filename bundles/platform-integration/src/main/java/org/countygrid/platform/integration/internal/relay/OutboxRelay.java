package org.countygrid.platform.integration.internal.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.SubscriberCursors;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.HeldSubscriber;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.countygrid.platform.integration.internal.domain.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox events, oldest first, to every started route that subscribes to the event's type
 * (see {@link EventHeaders#endpointFor}): the route consuming {@code direct:<event type>} and every route consuming
 * {@code direct:<event type>/<subscriber>}, one after the other in the order of their endpoints. Events are a topic:
 * an event no started route consumes is marked published and is gone for routes that start later.
 * <p>
 * A subscriber that fails an event is <em>held</em> at it ({@link SubscriberCursors}, in the database) and the event
 * goes on to the others and is marked published: one failing subscriber — an integrator's route to a bank that is
 * down, a module refusing an event — delays no other. A held subscriber gets the published events of its type from
 * its own position, in order, after a growing delay of its own, and is released when it has caught up; a held
 * subscriber whose route is stopped waits for it without counting failures. Only a failure of the outbox itself
 * (the database) stops a batch and backs the whole relay off. Delivery is at least once (a crash between sending and
 * marking repeats the event), so consumers use the {@link EventHeaders#SEQUENCE} header or a key of their own to drop
 * repeats.
 */
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** A backlog drains quickly, yet one tick never holds the relay (and a shutdown) for long. */
    private static final int MAX_BATCHES_PER_TICK = 10;

    /** A held subscriber's failures are logged at WARN the first time and then every this many times. */
    private static final int LOG_EVERY_NTH_FAILURE = 10;

    private final CamelContext camel;
    private final EventOutbox outbox;
    private final EventHistory history;
    private final SubscriberCursors cursors;
    private final int batchSize;
    private final RetryDelay retryDelay;
    private final Clock clock;
    private ProducerTemplate producer;

    private long published;
    private long withoutConsumer;
    private long lastSequence;
    private long publishedElsewhere;
    private Instant lastElsewhereWarning;
    private int consecutiveFailures;
    private String lastError;
    private Instant lastErrorAt;
    private Instant nextAttempt = Instant.MIN;
    /** The held subscribers by subscription, as in the database; read at the first tick, null before. */
    private Map<String, Holding> held;

    /** A held subscriber, with the time of its next attempt (not kept: a restart tries every one at once). */
    private static final class Holding {
        SubscriberCursors.Held state;
        Instant nextAttempt = Instant.MIN;
        /** The route that failed last; another one (its file edited, its module updated) is tried at once. */
        Route failedRoute;

        Holding(SubscriberCursors.Held state) {
            this.state = state;
        }
    }

    public OutboxRelay(CamelContext camel, EventOutbox outbox, EventHistory history, SubscriberCursors cursors,
            int batchSize, RetryDelay retryDelay, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("relayBatchSize must be at least 1, got " + batchSize);
        }
        this.camel = camel;
        this.outbox = outbox;
        this.history = history;
        this.cursors = cursors;
        this.batchSize = batchSize;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    /**
     * One tick: hands the held subscribers whose delay is over what they are behind (releasing those that catch up),
     * then publishes pending events, batch after batch while batches come back full (at most
     * {@value #MAX_BATCHES_PER_TICK}), unless still backing off. Returns how many events were published.
     */
    public synchronized int relay() {
        if (clock.instant().isBefore(nextAttempt)) {
            return 0;
        }
        int done = 0;
        EventEnvelope current = null;
        try {
            catchUp();
            List<EventEnvelope> batch;
            do {
                batch = outbox.pending(batchSize);
                for (EventEnvelope event : batch) {
                    current = event;
                    noticeGap(event.sequence());
                    publish(event);
                    outbox.markPublished(event.sequence());
                    published++;
                    lastSequence = event.sequence();
                    done++;
                }
                current = null;
            } while (batch.size() == batchSize && done < batchSize * MAX_BATCHES_PER_TICK);
            consecutiveFailures = 0;
        } catch (RuntimeException e) {
            fail(current, e);
        }
        return done;
    }

    public synchronized RelayStats stats() {
        long pending;
        try {
            pending = outbox.pendingCount();
        } catch (RuntimeException e) {
            pending = -1;
        }
        List<HeldSubscriber> subscribers = new ArrayList<>();
        if (held != null) {
            for (Holding h : held.values()) {
                SubscriberCursors.Held s = h.state;
                long behind;
                EventEnvelope failing = null;
                try {
                    behind = history.countPublished(s.type(), s.after());
                    failing = s.failures() > 0 ? history.published(s.type(), Instant.EPOCH, s.after(), 1).stream()
                            .findFirst().orElse(null) : null;
                } catch (RuntimeException e) {
                    behind = -1;
                }
                Route route = routeOf(s.subscription());
                subscribers.add(new HeldSubscriber(s.subscription(), s.after(), behind, s.failures(),
                        failing == null ? 0 : failing.sequence(), failing == null ? null : failing.subject(), s.lastError(),
                        s.lastErrorAt(), s.heldSince(), route == null ? null : route.getRouteId(), route != null && started(route)));
            }
        }
        return new RelayStats(published, withoutConsumer, pending, lastSequence, consecutiveFailures, lastError,
                lastErrorAt, subscribers, publishedElsewhere);
    }

    /**
     * Lets a held subscriber go past the one event it fails, or with {@code all} past every event it is behind; it is
     * tried again at once. Says what was skipped.
     */
    public synchronized String skip(String subscription, boolean all) {
        Holding h = held().get(subscription);
        if (h == null) {
            throw new IllegalArgumentException("no subscriber " + subscription + " is held"
                    + (held.isEmpty() ? "" : "; held are: " + String.join(", ", held.keySet())));
        }
        SubscriberCursors.Held s = h.state;
        if (all) {
            long behind = history.countPublished(s.type(), s.after());
            cursors.release(subscription);
            held.remove(subscription);
            LOG.warn("Subscriber {} skipped the {} published {} events after position {} it was held at; it takes the next "
                    + "one published", subscription, behind, s.type(), s.after());
            return "skipped " + behind + (behind == 1 ? " event" : " events") + " (positions above " + s.after() + "); "
                    + subscription + " takes the next one published";
        }
        if (s.failures() == 0) {
            throw new IllegalStateException(subscription + " has not failed an event since it last took or skipped one: it "
                    + "is being tried again with the next (" + s.type() + " after position " + s.after() + "); skip that one"
                    + " once it has failed it, or use all to skip every event it is behind");
        }
        List<EventEnvelope> next = history.published(s.type(), Instant.EPOCH, s.after(), 1);
        if (next.isEmpty()) {
            cursors.release(subscription);
            held.remove(subscription);
            return "nothing to skip: " + subscription + " had every published event and is released";
        }
        EventEnvelope event = next.get(0);
        cursors.advance(subscription, event.sequence());
        h.state = new SubscriberCursors.Held(subscription, s.type(), event.sequence(), 0, s.lastError(), s.lastErrorAt(),
                s.heldSince());
        h.nextAttempt = Instant.MIN;
        LOG.warn("Subscriber {} skipped event {} ({} of office {}, subject {})", subscription, event.sequence(),
                event.type(), event.office(), event.subject());
        return "skipped event " + event.sequence() + " (" + event.type() + ", office " + event.office() + ", subject "
                + event.subject() + "); " + subscription + " is tried again with the next";
    }

    public synchronized void close() {
        if (producer != null) {
            try {
                producer.stop();
            } catch (RuntimeException e) {
                LOG.debug("Producer template did not stop cleanly: {}", e.getMessage());
            }
            producer = null;
        }
    }

    /** Runs one page of a replay while nothing else changes the routes (the route sources' read lock, in OSGi). */
    public interface PageGuard {
        List<EventEnvelope> whilePaging(Supplier<List<EventEnvelope>> page);
    }

    /**
     * Sends the published events of {@code type} that occurred since {@code since} again, in their order, to the
     * started route of one named subscriber ({@code direct:<type>/<subscriber>}) and to no other: for a subscriber that
     * missed them while its module was uninstalled or its route stopped. Consumers drop repeats by the sequence header
     * or a key of their own (at least once), so events it did receive do no harm. The relay, the routes and the
     * statistics wait only for the page being sent, never for the whole replay; an interrupt (Ctrl-C in the shell)
     * stops it between pages. Returns how many were sent; a failing send stops it, saying how many went before.
     */
    public int replay(String type, String subscriber, Instant since, PageGuard guard) {
        String uri = subscriber == null ? EventHeaders.endpointFor(type) : EventHeaders.endpointFor(type, subscriber);
        String key = uri.substring("direct:".length());
        int sent = 0;
        long after = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("replay interrupted after " + sent + " sent");
            }
            long from = after;
            int already = sent;
            List<EventEnvelope> page = guard.whilePaging(() -> {
                synchronized (this) {
                    Endpoint target = Optional.ofNullable(startedEndpoint(type, key))
                            .orElseThrow(() -> new IllegalArgumentException("no started route consumes " + uri
                                    + (already > 0 ? " any more (after " + already + " sent)" : "; start it (or install its module) first")));
                    List<EventEnvelope> events = history.published(type, since, from, batchSize);
                    int done = 0;
                    for (EventEnvelope event : events) {
                        try {
                            send(target, event);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("replay stopped at event " + event.sequence() + " after "
                                    + (already + done) + " sent: " + e.getMessage(), e);
                        }
                        done++;
                    }
                    return events;
                }
            });
            sent += page.size();
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
            if (page.size() < batchSize) {
                break;
            }
        }
        LOG.info("Replayed {} published {} events since {} to {}", sent, type, since, uri);
        return sent;
    }

    /**
     * Positions rise by one from event to event of one database, so a jump past the last one this node published
     * means another node published those in between — to its routes, not to this node's. Said at WARN the first time
     * and then at most once an hour, with the count since this node started.
     */
    private void noticeGap(long sequence) {
        if (lastSequence <= 0 || sequence <= lastSequence + 1) {
            return;
        }
        publishedElsewhere += sequence - lastSequence - 1;
        Instant now = clock.instant();
        if (lastElsewhereWarning == null || !now.isBefore(lastElsewhereWarning.plus(Duration.ofHours(1)))) {
            lastElsewhereWarning = now;
            LOG.warn("Another node publishes the events of this node's database: events {} to {} were published there, "
                    + "{} since this node started; each event reaches the routes of one of the nodes only (give each "
                    + "office's nodes a database of their own, or the nodes of one office the same modules and routes; "
                    + "platform-integration README, Events)", lastSequence + 1, sequence - 1, publishedElsewhere);
        }
    }

    private void publish(EventEnvelope event) {
        List<Endpoint> subscribers = startedSubscribers(event.type());
        if (subscribers.isEmpty()) {
            withoutConsumer++;
            LOG.debug("No started route subscribes to {}; event {} is published to nobody", event.type(), event.sequence());
            return;
        }
        for (Endpoint subscriber : subscribers) {
            String subscription = subscription(subscriber);
            if (held().containsKey(subscription)) {
                continue; // it gets this event from its own position, after the ones it is held at
            }
            try {
                send(subscriber, event);
            } catch (RuntimeException e) {
                hold(subscription, event, event.sequence() - 1, e);
            }
        }
    }

    /** The held subscribers, read from the database the first time. */
    private Map<String, Holding> held() {
        if (held == null) {
            Map<String, Holding> read = new TreeMap<>();
            for (SubscriberCursors.Held h : cursors.held()) {
                read.put(h.subscription(), new Holding(h));
            }
            held = read;
            if (!read.isEmpty()) {
                LOG.info("Subscribers held at an event they failed before the last stop, tried again now: {}", read.keySet());
            }
        }
        return held;
    }

    /** Hands each held subscriber whose delay is over the published events of its type after its position. */
    private void catchUp() {
        Instant now = clock.instant();
        for (Holding h : new ArrayList<>(held().values())) {
            if (now.isBefore(h.nextAttempt) && !replaced(h)) {
                continue;
            }
            SubscriberCursors.Held s = h.state;
            Endpoint target = startedEndpoint(s.type(), s.subscription());
            if (target == null) {
                continue; // its route is stopped or gone for now: it waits at its position
            }
            for (int page = 0; page < MAX_BATCHES_PER_TICK; page++) {
                List<EventEnvelope> events = history.published(s.type(), Instant.EPOCH, h.state.after(), batchSize);
                long reached = h.state.after();
                for (EventEnvelope event : events) {
                    try {
                        send(target, event);
                    } catch (RuntimeException e) {
                        hold(s.subscription(), event, reached, e);
                        return;
                    }
                    reached = event.sequence();
                }
                if (events.size() < batchSize) {
                    cursors.release(s.subscription());
                    held.remove(s.subscription());
                    LOG.info("Subscriber {} caught up at position {} and is no longer held", s.subscription(), reached);
                    break;
                }
                cursors.advance(s.subscription(), reached);
                h.state = new SubscriberCursors.Held(s.subscription(), s.type(), reached, 0, s.lastError(), s.lastErrorAt(),
                        s.heldSince());
            }
        }
    }

    /**
     * Whether the held subscriber's route is another one than the route that failed: the integrator fixed its file
     * (or a module was updated), so it is tried now rather than after a wait that may have grown to a minute.
     */
    private boolean replaced(Holding h) {
        Route now = routeOf(h.state.subscription());
        return h.failedRoute != null && now != null && now != h.failedRoute && started(now);
    }

    /** Records that {@code subscription} failed {@code event}, having taken every one of its type up to {@code after}. */
    private void hold(String subscription, EventEnvelope event, long after, RuntimeException e) {
        Instant now = clock.instant();
        // what the route threw, as its row of the routes table names it: the subscription is said already
        Throwable thrown = e.getCause() != null ? e.getCause() : e;
        String error = Secrets.mask(thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
        cursors.hold(subscription, event.type(), after, error, now);
        Holding h = held.get(subscription);
        int failures = h == null ? 1 : h.state.failures() + 1;
        SubscriberCursors.Held state = new SubscriberCursors.Held(subscription, event.type(), after, failures, error,
                now, h == null ? now : h.state.heldSince());
        if (h == null) {
            h = new Holding(state);
            held.put(subscription, h);
        } else {
            h.state = state;
        }
        h.nextAttempt = now.plus(retryDelay.after(failures));
        h.failedRoute = routeOf(subscription);
        // the first failure and every tenth (about every 10 minutes at the longest delay) at WARN, the others at DEBUG:
        // a bank down for a day must not fill the log; route-list and the Routes panel show every held one
        if (failures == 1 || failures % LOG_EVERY_NTH_FAILURE == 0) {
            LOG.warn("Subscriber {} failed event {} ({}) {} time(s) and is held there, the others go on; next try at {}: {}",
                    subscription, event.sequence(), event.type(), failures, h.nextAttempt, error);
        } else {
            LOG.debug("Subscriber {} failed event {} ({}) again ({}), next try at {}: {}", subscription, event.sequence(),
                    event.type(), failures, h.nextAttempt, error);
        }
    }

    /** The started route's endpoint of a subscription, or null. */
    private Endpoint startedEndpoint(String type, String subscription) {
        return startedSubscribers(type).stream().filter(e -> subscription(e).equals(subscription)).findFirst().orElse(null);
    }

    /** The route consuming a subscription's endpoint, started or not, or null. */
    private Route routeOf(String subscription) {
        return camel.getRoutes().stream().filter(r -> subscription(r.getEndpoint()).equals(subscription)).findFirst()
                .orElse(null);
    }

    /**
     * Whether an endpoint's subscription is one to events of {@code type}: {@code type} itself or
     * {@code type/<subscriber>}, compared exactly (case and all), so that the relay, a held subscriber and a replay
     * always mean the same route.
     */
    private static boolean subscribes(String subscription, String type) {
        return subscription.equals(type) || subscription.startsWith(type + EventHeaders.SUBSCRIBER_SEPARATOR)
                && subscription.length() > type.length() + 1;
    }

    /**
     * {@code <event type>} or {@code <event type>/<subscriber>}: a direct endpoint's URI without {@code direct:} and
     * options; the empty string for any other endpoint.
     */
    static String subscription(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        if (!uri.startsWith("direct:")) {
            return "";
        }
        int options = uri.indexOf('?');
        return (options < 0 ? uri : uri.substring(0, options)).replaceFirst("^direct:(//)?", "");
    }

    private void send(Endpoint subscriber, EventEnvelope event) {
        Exchange result = producer().send(subscriber, ExchangePattern.InOnly, exchange -> {
            exchange.getMessage().setBody(event.payload());
            exchange.getMessage().setHeader(EventHeaders.TYPE, event.type());
            exchange.getMessage().setHeader(EventHeaders.VERSION, event.version());
            exchange.getMessage().setHeader(EventHeaders.OFFICE, event.office());
            exchange.getMessage().setHeader(EventHeaders.SUBJECT, event.subject());
            exchange.getMessage().setHeader(EventHeaders.SEQUENCE, event.sequence());
        });
        if (result.getException() != null) {
            throw new IllegalStateException(subscriber.getEndpointUri() + ": " + result.getException().getMessage(),
                    result.getException());
        }
    }

    /** The consumer endpoints of the started routes subscribing to {@code type}, by subscription. */
    private List<Endpoint> startedSubscribers(String type) {
        List<Endpoint> found = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (subscribes(subscription(route.getEndpoint()), type) && started(route)) {
                found.add(route.getEndpoint());
            }
        }
        found.sort(Comparator.comparing(OutboxRelay::subscription));
        return found;
    }

    private boolean started(Route route) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
        return status != null && status.isStarted();
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    private void fail(EventEnvelope event, RuntimeException e) {
        consecutiveFailures++;
        Instant now = clock.instant();
        nextAttempt = now.plus(retryDelay.after(consecutiveFailures));
        String what = event == null ? "reading the outbox" : "event " + event.sequence() + " (" + event.type() + ")";
        lastError = what + ": " + e.getMessage();
        lastErrorAt = now;
        LOG.warn("Outbox relay failed at {}; retry #{} at {}: {}", what, consecutiveFailures, nextAttempt, e.getMessage());
    }
}
