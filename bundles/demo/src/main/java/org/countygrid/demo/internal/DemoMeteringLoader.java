package org.countygrid.demo.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.Category;
import org.countygrid.customers.CustomerService;
import org.countygrid.demo.internal.generate.CountyGenerator;
import org.countygrid.demo.internal.generate.GeneratedCounty;
import org.countygrid.metering.FeeControl;
import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.Phase;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.Register;
import org.countygrid.metering.TerminalKind;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.health.ReadinessCheck;
import org.countygrid.platform.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the metering module installed: gives the demo county its installed base — a meter at every account, a
 * concentrator in every transformer area, the topology between them —, the stock and open work orders of
 * {@link DemoStock}, and {@code readingDays} days of daily frozen
 * readings through the reading service (so they are validated like any channel's). Runs once, on its own thread,
 * after the customers part has ended ({@link DemoCountyLoader#awaitSettled}); an office with meters is left alone.
 * The county is the one the customers part generated: the same generator with the same seed. Stopped in the middle
 * (the bundle restarts, its configuration changes), the next start takes it up again: the readings already stored are
 * skipped as duplicates.
 */
@Component(immediate = true, configurationPid = DemoConfig.PID, property = ReadinessCheck.COMPONENT_PROPERTY + "=optional")
public class DemoMeteringLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMeteringLoader.class);
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final int READING_BATCH = 20_000;
    private static final String[] MAKERS = { "华立", "威胜", "林洋", "许继", "炬华", "三星" };

    private final ExecutorService executor;
    private volatile boolean stopping;

    @Activate
    public DemoMeteringLoader(@Reference CustomerService customers, @Reference MeterService meters,
            @Reference WorkOrderService orders, @Reference ReadingService readings, @Reference NodeIdentity node,
            @Reference DemoCountyLoader countyLoader, DemoConfig config) {
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "countygrid-demo-metering"));
        if (config.enabled()) {
            executor.execute(() -> load(customers, meters, orders, readings, node, countyLoader, config));
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true; // between batches; a batch in flight is one transaction
        executor.shutdown();
        executor.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void load(CustomerService customers, MeterService meters, WorkOrderService orders, ReadingService readings,
            NodeIdentity node, DemoCountyLoader countyLoader, DemoConfig config) {
        Caller system = Caller.system(node.office());
        try {
            long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!countyLoader.awaitSettled(1, TimeUnit.SECONDS)) { // the accounts arrive chunk by chunk: wait for all
                if (stopping) {
                    return;
                }
                if (System.nanoTime() > waitUntil) {
                    LOG.info("Demo metering for office {}: the demo county's accounts did not appear; nothing done", node.office());
                    return;
                }
            }
            if (stopping) {
                return;
            }
            if (customers.searchAccounts(system, "", 0, 1).total() == 0) {
                LOG.info("Demo metering for office {}: the office has no accounts; nothing done", node.office());
                return;
            }
            long started = System.nanoTime();
            GeneratedCounty county = new CountyGenerator(config.seed()).generate(config.stations(), config.areas(),
                    config.accounts());
            String first = county.accounts().get(0).account().number();
            String last = county.accounts().get(county.accounts().size() - 1).account().number();
            if (customers.searchAccounts(system, first, 0, 1).total() == 0
                    || customers.searchAccounts(system, last, 0, 1).total() == 0) {
                LOG.info("Office {} holds other accounts than the demo county's; no demo meters generated", node.office());
                return;
            }
            SplittableRandom random = new SplittableRandom(config.seed() ^ 0x6d65746572L);
            InstalledBase base = base(county, random);
            if (meters.stock(system).byState().values().stream().mapToLong(Long::longValue).sum() == 0) {
                InstalledBase.Summary summary = meters.importInstalledBase(system, base);
                LOG.info("Demo metering for office {}: {} meters, {} terminals, {} meters under a terminal in {} ms",
                        node.office(), summary.meters(), summary.terminals(), summary.attached(), summary.millis());
            } else if (!hasMeter(meters, system, base.meters().get(0).meter().barcode())) {
                LOG.info("Office {} has other meters than the demo county's; no demo meters generated", node.office());
                return;
            }
            if (!hasMeter(meters, system, DemoStock.firstBarcode())) { // a random of its own: the readings stay the same
                DemoStock.Summary stock = DemoStock.load(meters, orders, system, county.stations(), base,
                        new SplittableRandom(config.seed() ^ 0x73746f636bL), LocalDate.now(CST));
                LOG.info("Demo metering for office {}: delivery batch {} of {} meters in stock, {} of them verified, {}"
                        + " pre-issued to the supply stations and {} received by field workers; {} fault replacements"
                        + " waiting to be assigned", node.office(), DemoStock.BATCH, stock.delivered(), stock.verified(),
                        stock.preIssued(), stock.received(), stock.orders());
            }
            // also after a restart in the middle of it: stored readings come back as duplicates and are skipped
            if (ingest(readings, system, base, config.readingDays(), random, node)) {
                LOG.info("Demo metering for office {} complete in {} ms", node.office(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a demo that cannot load must not take the node down; say why once, without a stack trace
            LOG.warn("Demo metering for office {} not loaded: {}", node.office(), e.getMessage());
        }
    }

    static InstalledBase base(GeneratedCounty county, SplittableRandom random) {
        List<InstalledBase.Terminal> terminals = new ArrayList<>();
        int t = 0;
        for (AreaData area : county.areas()) {
            t++;
            terminals.add(new InstalledBase.Terminal(new NewTerminal(String.format("JZQ-%05d", t),
                    String.format("3301%04X", t), TerminalKind.CONCENTRATOR, MAKERS[t % MAKERS.length]),
                    area.code(), Instant.parse("2022-06-01T00:00:00Z").plusSeconds(86_400L * (t % 700))));
        }
        List<InstalledBase.Meter> meters = new ArrayList<>(county.accounts().size());
        int n = 0;
        for (AccountData a : county.accounts()) {
            n++;
            boolean threePhase = a.account().category() == Category.INDUSTRIAL
                    || (a.account().category() == Category.COMMERCIAL && random.nextInt(3) == 0);
            boolean prepaid = a.account().category() == Category.RESIDENTIAL || random.nextInt(4) == 0;
            Instant installed = a.openedAt().plusSeconds(86_400L * (1 + random.nextInt(20)));
            meters.add(new InstalledBase.Meter(new NewMeter(String.format("33%020d", n), String.format("QS-M%07d", n),
                    String.format("%012d", n), threePhase ? Phase.THREE : Phase.SINGLE,
                    prepaid ? FeeControl.LOCAL : FeeControl.REMOTE, MAKERS[random.nextInt(MAKERS.length)],
                    threePhase ? "1" : "2"), a.account().number(), a.account().areaCode(), installed));
        }
        return new InstalledBase(meters, terminals);
    }

    private static boolean hasMeter(MeterService meters, Caller system, String barcode) {
        try {
            meters.meter(system, barcode);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Daily frozen TOTAL readings for the last {@code days} days, day by day so that validation sees history.
     *
     * @return false when stopped before the end
     */
    private boolean ingest(ReadingService readings, Caller system, InstalledBase base, int days, SplittableRandom random,
            NodeIdentity node) {
        if (days <= 0) {
            return true;
        }
        int size = base.meters().size();
        long[] value = new long[size];
        int[] daily = new int[size];
        for (int i = 0; i < size; i++) {
            value[i] = 10_000 + random.nextInt(2_000_000); // hundredths of kWh
            daily[i] = switch (base.meters().get(i).meter().phase()) {
                case THREE -> 5_000 + random.nextInt(60_000);
                default -> 200 + random.nextInt(1_200);
            };
        }
        LocalDate today = LocalDate.now(CST);
        long started = System.nanoTime();
        long stored = 0;
        for (int d = days; d >= 1 && !stopping; d--) {
            Instant at = today.minusDays(d - 1L).atStartOfDay(CST).toInstant();
            List<NewReading> batch = new ArrayList<>(READING_BATCH);
            for (int i = 0; i < size && !stopping; i++) {
                InstalledBase.Meter m = base.meters().get(i);
                if (m.installedAt().isAfter(at)) {
                    continue;
                }
                value[i] += daily[i] * (70 + random.nextInt(61)) / 100; // ±30 % around the meter's own level
                batch.add(new NewReading(m.meter().barcode(), ReadingKind.DAILY, at, Register.TOTAL,
                        BigDecimal.valueOf(value[i], 2)));
                if (batch.size() == READING_BATCH) {
                    stored += store(readings, system, batch);
                    batch = new ArrayList<>(READING_BATCH);
                }
            }
            stored += store(readings, system, batch);
        }
        if (stopping) {
            LOG.info("Demo metering for office {}: stopped after {} daily readings; the next start goes on", node.office(),
                    stored);
            return false;
        }
        LOG.info("Demo metering for office {}: {} daily readings over {} days in {} ms", node.office(), stored, days,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static long store(ReadingService readings, Caller system, List<NewReading> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        IngestSummary summary = readings.ingest(system, batch);
        return summary.valid() + summary.failed();
    }
}
