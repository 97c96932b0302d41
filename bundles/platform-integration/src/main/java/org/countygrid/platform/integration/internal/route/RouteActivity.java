package org.countygrid.platform.integration.internal.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailureHandledEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.countygrid.platform.integration.internal.domain.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the last error of each route, including failures a dead letter channel handled (otherwise they
 * would never show), and counts exchanges per originating route for when JMX management is off.
 */
public class RouteActivity extends EventNotifierSupport {

    /** The last failure of a route. */
    public record LastError(String message, Instant at) {
    }

    /** Exchanges counted by this notifier, used only when Camel's managed route statistics are unavailable. */
    public record Counts(long total, long failed) {
    }

    private final Clock clock;
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();
    private final Map<String, Logged> logged = new ConcurrentHashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(RouteActivity.class);
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** When a route's failure was last logged, and how many failed since without a line. */
    private record Logged(Instant at, long suppressed) {
    }

    public RouteActivity(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent
                || event instanceof ExchangeFailureHandledEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            count(exchange.getFromRouteId(), true);
            String routeId = remember(exchange, exchange.getException());
            log(routeId);
        } else if (event instanceof ExchangeFailureHandledEvent handled) {
            Exchange exchange = handled.getExchange();
            remember(exchange, exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class));
        } else if (event instanceof ExchangeCompletedEvent completed) {
            count(completed.getExchange().getFromRouteId(), false);
        }
    }

    public Optional<LastError> lastError(String routeId) {
        return Optional.ofNullable(lastErrors.get(routeId));
    }

    public Counts counts(String routeId) {
        AtomicLong[] c = counts.get(routeId);
        return c == null ? new Counts(0, 0) : new Counts(c[0].get(), c[1].get());
    }

    /** A removed or replaced route starts with a clean record. */
    public void forget(String routeId) {
        lastErrors.remove(routeId);
        counts.remove(routeId);
        logged.remove(routeId);
    }

    private String remember(Exchange exchange, Throwable cause) {
        String routeId = exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class);
        if (routeId == null) {
            routeId = exchange.getFromRouteId();
        }
        if (routeId == null) {
            return null;
        }
        String message = cause == null ? "failed" : Secrets.mask(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        lastErrors.put(routeId, new LastError(message, clock.instant()));
        return routeId;
    }

    /**
     * The log's line for a failed exchange, in place of Camel's own (switched off in {@code CountyGridCamel}: it wrote
     * the exception's text unmasked, an Authorization header or a password among it): the masked error, the first
     * failure of a route and then at most one line a minute per route, saying how many failed in between.
     */
    private void log(String routeId) {
        LastError error = routeId == null ? null : lastErrors.get(routeId);
        if (error == null) {
            return;
        }
        Instant now = clock.instant();
        long[] quiet = { -1 };
        logged.compute(routeId, (id, last) -> {
            if (last == null || !now.isBefore(last.at().plus(LOG_INTERVAL))) {
                quiet[0] = last == null ? 0 : last.suppressed();
                return new Logged(now, 0);
            }
            return new Logged(last.at(), last.suppressed() + 1);
        });
        if (quiet[0] >= 0) {
            LOG.error("Route {} failed: {}{}", routeId, error.message(),
                    quiet[0] <= 0 ? "" : " (" + quiet[0] + " more failures since the last line)");
        }
    }

    private void count(String routeId, boolean failed) {
        if (routeId == null) {
            return;
        }
        AtomicLong[] c = counts.computeIfAbsent(routeId, k -> new AtomicLong[] { new AtomicLong(), new AtomicLong() });
        c[0].incrementAndGet();
        if (failed) {
            c[1].incrementAndGet();
        }
    }
}
