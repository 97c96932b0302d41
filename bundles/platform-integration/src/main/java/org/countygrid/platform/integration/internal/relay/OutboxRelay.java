package org.countygrid.platform.integration.internal.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.EndpointHelper;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox events, oldest first, to every started route that subscribes to the event's type
 * (see {@link EventHeaders#endpointFor}): the route consuming {@code direct:<event type>} and every route consuming
 * {@code direct:<event type>/<subscriber>}, one after the other in the order of their endpoints. Events are a topic:
 * an event no started route consumes is marked published and is gone for routes that start later. A subscriber
 * that fails stops the batch so that order is kept; the same event is tried again, for every subscriber, after a
 * growing delay. Delivery is at least once (a crash between sending and marking, or another subscriber's failure,
 * repeats the event), so consumers use the {@link EventHeaders#SEQUENCE} header or a key of their own to drop
 * repeats.
 */
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** A backlog drains quickly, yet one tick never holds the relay (and a shutdown) for long. */
    private static final int MAX_BATCHES_PER_TICK = 10;

    private final CamelContext camel;
    private final EventOutbox outbox;
    private final int batchSize;
    private final RetryDelay retryDelay;
    private final Clock clock;
    private ProducerTemplate producer;

    private long published;
    private long withoutConsumer;
    private long lastSequence;
    private int consecutiveFailures;
    private String lastError;
    private Instant lastErrorAt;
    private Instant nextAttempt = Instant.MIN;

    public OutboxRelay(CamelContext camel, EventOutbox outbox, int batchSize, RetryDelay retryDelay, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("relayBatchSize must be at least 1, got " + batchSize);
        }
        this.camel = camel;
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    /**
     * One tick: publishes pending events, batch after batch while batches come back full (at most
     * {@value #MAX_BATCHES_PER_TICK}), unless still backing off. Returns how many events were published.
     */
    public synchronized int relay() {
        if (clock.instant().isBefore(nextAttempt)) {
            return 0;
        }
        int done = 0;
        EventEnvelope current = null;
        try {
            List<EventEnvelope> batch;
            do {
                batch = outbox.pending(batchSize);
                for (EventEnvelope event : batch) {
                    current = event;
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
        return new RelayStats(published, withoutConsumer, pending, lastSequence, consecutiveFailures, lastError, lastErrorAt);
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
    public int replay(EventHistory history, String type, String subscriber, Instant since, PageGuard guard) {
        String uri = EventHeaders.endpointFor(type, subscriber);
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
                    Endpoint target = startedSubscribers(EventHeaders.endpointFor(type)).stream()
                            .filter(e -> EndpointHelper.matchEndpoint(camel, e.getEndpointUri(), uri)).findFirst()
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

    private void publish(EventEnvelope event) {
        List<Endpoint> subscribers = startedSubscribers(EventHeaders.endpointFor(event.type()));
        if (subscribers.isEmpty()) {
            withoutConsumer++;
            LOG.debug("No started route subscribes to {}; event {} is published to nobody", event.type(), event.sequence());
            return;
        }
        for (Endpoint subscriber : subscribers) {
            send(subscriber, event);
        }
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

    /** The consumer endpoints of the started routes on {@code uri} or {@code uri/<subscriber>}, by endpoint. */
    private List<Endpoint> startedSubscribers(String uri) {
        String subscribers = uri + EventHeaders.SUBSCRIBER_SEPARATOR + "*";
        List<Endpoint> found = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            String from = route.getEndpoint().getEndpointUri();
            if (EndpointHelper.matchEndpoint(camel, from, uri) || EndpointHelper.matchEndpoint(camel, from, subscribers)) {
                ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
                if (status != null && status.isStarted()) {
                    found.add(route.getEndpoint());
                }
            }
        }
        found.sort(Comparator.comparing(Endpoint::getEndpointUri));
        return found;
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
