package org.countygrid.demo.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.countygrid.customers.CustomerService;
import org.countygrid.customers.ImportSummary;
import org.countygrid.demo.internal.generate.CountyGenerator;
import org.countygrid.demo.internal.generate.GeneratedCounty;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the node's office with the demo county the first time it starts with an empty register. The work runs
 * on its own thread so that booting the node never waits for it; a register that has accounts or stations
 * is left alone, which makes every later start a no-op. Registered (inside this bundle) so that the demo's
 * metering part can wait until the accounts are all there: the import stores them chunk by chunk.
 */
@Component(service = DemoCountyLoader.class, immediate = true, configurationPid = DemoConfig.PID)
@Designate(ocd = DemoConfig.class)
public class DemoCountyLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCountyLoader.class);

    private final ExecutorService executor;
    private final CountDownLatch settled = new CountDownLatch(1);

    @Activate
    public DemoCountyLoader(@Reference CustomerService customers, @Reference NodeIdentity node, DemoConfig config) {
        this(customers, node, config, Executors.newSingleThreadExecutor(r -> new Thread(r, "countygrid-demo-county")));
    }

    DemoCountyLoader(CustomerService customers, NodeIdentity node, DemoConfig config, ExecutorService executor) {
        this.executor = executor;
        if (config.enabled()) {
            executor.execute(() -> {
                try {
                    loadIfEmpty(customers, node, config);
                } finally {
                    settled.countDown();
                }
            });
        } else {
            settled.countDown();
        }
    }

    /**
     * Waits until this start's look at the demo county is over: loaded, left alone (the office had data) or
     * failed (logged).
     *
     * @return false when it is still going on after the timeout
     */
    boolean awaitSettled(long timeout, TimeUnit unit) throws InterruptedException {
        return settled.await(timeout, unit);
    }

    @Deactivate
    void stop() throws InterruptedException {
        // no shutdownNow(): interrupting a thread inside JDBC I/O can close an embedded database's file. An import
        // still running after the wait fails at its next chunk once the customers module stops too, and what it
        // stored is removed (customers' CountyImport: by its undo, or at the module's next activation)
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    static void loadIfEmpty(CustomerService customers, NodeIdentity node, DemoConfig config) {
        Caller system = Caller.system(node.office());
        try {
            if (customers.searchAccounts(system, "", 0, 1).total() > 0 || !customers.stations(system).isEmpty()) {
                LOG.info("Office {} has customer data already; no demo county generated", node.office());
                return;
            }
            long started = System.nanoTime();
            GeneratedCounty county = new CountyGenerator(config.seed()).generate(config.stations(), config.areas(),
                    config.accounts());
            long generated = System.nanoTime();
            ImportSummary summary = customers.importCounty(system, county.stations(), county.areas(), county.accounts());
            LOG.info("Demo county for office {} ({}): {} stations, {} areas, {} accounts in {} ms"
                    + " (generated in {} ms, stored in {} ms, seed {})", node.office(), node.officeName(),
                    summary.stations(), summary.areas(), summary.accounts(), (System.nanoTime() - started) / 1_000_000,
                    (generated - started) / 1_000_000, summary.millis(), config.seed());
        } catch (RuntimeException e) {
            // a demo that cannot load must not take the node down; say why once, without a stack trace
            LOG.warn("Demo county for office {} not loaded: {}", node.office(), e.getMessage());
        }
    }
}
