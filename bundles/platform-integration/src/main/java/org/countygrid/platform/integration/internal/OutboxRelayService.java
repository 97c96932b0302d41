package org.countygrid.platform.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.BootFinished;
import org.countygrid.platform.data.EventHistory;
import org.countygrid.platform.data.EventOutbox;
import org.countygrid.platform.data.SubscriberCursors;
import org.countygrid.platform.integration.EventRelay;
import org.countygrid.platform.integration.RelayStats;
import org.countygrid.platform.integration.internal.domain.RetryDelay;
import org.countygrid.platform.integration.internal.relay.OutboxRelay;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay every relayIntervalMillis while both the outbox and the Camel context are there, from the end
 * of the node's boot on ({@link BootFinished}): an event no started route consumes counts as published, so relaying
 * the events left pending at the last stop before the modules' routes (the wiring bundles start late) and the
 * integrators' folder routes are back would hand them to nobody.
 */
@Component(service = EventRelay.class, immediate = true, configurationPid = IntegrationConfig.PID)
public class OutboxRelayService implements EventRelay {

    /** A failing consumer is retried at most this far apart. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayService.class);

    private final OutboxRelay relay;
    private final CountyGridCamel camel;
    private final Bundle framework;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "countygrid-outbox-relay");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public OutboxRelayService(@Reference CountyGridCamel camel, @Reference EventOutbox outbox, @Reference EventHistory history,
            @Reference SubscriberCursors cursors, @Reference BootFinished bootFinished, IntegrationConfig configured, BundleContext context) {
        IntegrationConfig config = IntegrationSettings.checked(configured);
        this.camel = camel;
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        long interval = Math.max(50, config.relayIntervalMillis());
        Duration base = Duration.ofMillis(interval);
        relay = new OutboxRelay(camel.camel(), outbox, history, cursors, config.relayBatchSize(),
                new RetryDelay(base, base.compareTo(MAX_RETRY_DELAY) > 0 ? base : MAX_RETRY_DELAY), Clock.systemUTC());
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Outbox relay runs every {} ms, {} events at a time", interval, config.relayBatchSize());
    }

    @Deactivate
    void deactivate() {
        // let a running pass finish: interrupting it mid-route would leave half-done work
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.close();
    }

    @Override
    public RelayStats stats() {
        return relay.stats();
    }

    @Override
    public int replay(String type, String subscriber, Instant since) {
        return relay.replay(type, subscriber, since, page -> camel.sources().whileUnchanged(page));
    }

    @Override
    public String skip(String subscription, boolean all) {
        return relay.skip(subscription, all);
    }

    private void tick() {
        if (framework != null && framework.getState() == Bundle.STOPPING) {
            // the node is shutting down: the wiring bundles (start level 86) and the modules stop before this one,
            // and an event relayed now would find their routes gone and count as published to nobody
            return;
        }
        try {
            camel.sources().whileUnchanged(relay::relay);
        } catch (RuntimeException e) {
            // relay() handles its own failures; this keeps the schedule alive whatever slips through
            LOG.error("Outbox relay tick failed: {}", e.getMessage(), e);
        }
    }
}
