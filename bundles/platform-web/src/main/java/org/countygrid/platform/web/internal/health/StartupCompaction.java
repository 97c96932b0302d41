package org.countygrid.platform.web.internal.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.BootFinished;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the heap the start grew into. Resolving and starting some 245 bundles, migrating schemas and building
 * persistence units allocate fast, so G1 expands the heap to 250–400 MB, while a started node lives in about 100 MB;
 * G1 shrinks the heap (bin/setenv: {@code MaxHeapFreeRatio=20}) only after a full collection or a marking cycle, which
 * an idle node may not run for a while. So, once Karaf reports the boot features installed ({@link BootFinished}) and a
 * few seconds more have passed for the start's stragglers, one full collection runs on its own thread: the node's
 * resident memory after start goes from 520–560 MB to about 400 MB (bench/README.md). Once per activation, i.e. per
 * start of the node or of this bundle.
 */
@Component(immediate = true, service = {})
public final class StartupCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCompaction.class);
    private static final long DELAY_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "countygrid-startup-compaction");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public StartupCompaction(@Reference BootFinished bootFinished) {
        timer.schedule(StartupCompaction::compact, DELAY_SECONDS, TimeUnit.SECONDS);
        timer.shutdown(); // the delayed collection still runs; then the thread ends
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    @SuppressWarnings("java:S1215") // the one deliberate collection of the node's life, see the class comment
    static void compact() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        System.gc();
        long after = memory.getHeapMemoryUsage().getCommitted();
        LOG.info("Start-up finished: heap compacted from {} MB to {} MB committed ({} MB in use)", before >> 20,
                after >> 20, memory.getHeapMemoryUsage().getUsed() >> 20);
    }
}
