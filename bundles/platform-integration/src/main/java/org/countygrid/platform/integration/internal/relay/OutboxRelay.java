package org.countygrid.platform.integration.internal.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.EndpointHelper;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.integration.EventHeaders;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox events, oldest first, to {@code direct:<event type>}. Events are a topic: an
 * event no started route consumes is marked published and is gone for routes that start later. A consumer
 * that fails stops the batch so that order is kept; the same event is tried again after a growing delay.
 * Delivery is at least once (a crash between sending and marking repeats the event), so consumers use the
 * {@link EventHeaders#SEQUENCE} header to drop repeats.
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

    private void publish(EventEnvelope event) {
        String uri = EventHeaders.endpointFor(event.type());
        if (!hasStartedConsumer(uri)) {
            withoutConsumer++;
            LOG.debug("No started route consumes {}; event {} is published to nobody", uri, event.sequence());
            return;
        }
        Exchange result = producer().send(uri, ExchangePattern.InOnly, exchange -> {
            exchange.getMessage().setBody(event.payload());
            exchange.getMessage().setHeader(EventHeaders.TYPE, event.type());
            exchange.getMessage().setHeader(EventHeaders.VERSION, event.version());
            exchange.getMessage().setHeader(EventHeaders.OFFICE, event.office());
            exchange.getMessage().setHeader(EventHeaders.SUBJECT, event.subject());
            exchange.getMessage().setHeader(EventHeaders.SEQUENCE, event.sequence());
        });
        if (result.getException() != null) {
            throw new IllegalStateException(result.getException().getMessage(), result.getException());
        }
    }

    private boolean hasStartedConsumer(String uri) {
        for (Route route : camel.getRoutes()) {
            if (EndpointHelper.matchEndpoint(camel, route.getEndpoint().getEndpointUri(), uri)) {
                ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
                return status != null && status.isStarted();
            }
        }
        return false;
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
