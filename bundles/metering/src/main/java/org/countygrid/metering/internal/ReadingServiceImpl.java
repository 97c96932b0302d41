package org.countygrid.metering.internal;

import static org.countygrid.metering.internal.MeterServiceImpl.require;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.countygrid.metering.IngestSummary;
import org.countygrid.metering.NewReading;
import org.countygrid.metering.ReadingConflict;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.ReadingTimes;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.Vee;
import org.countygrid.metering.internal.persistence.ReadingTable;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.SqlStates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading ingestion with VEE ({@link ReadingIngest}) and reading queries, over JDBC in the unit's transactions. */
@Component(service = ReadingService.class, configurationPid = MeteringConfig.PID)
public class ReadingServiceImpl implements ReadingService {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingServiceImpl.class);

    static final int MAX_QUERY_ROWS = 10_000;
    /** Points of time one query may span: each may hold a reading of every register, so no answer exceeds the rows. */
    static final long MAX_QUERY_POINTS = MAX_QUERY_ROWS / Register.values().length;

    /**
     * How many batches may look up on a second connection at once (ReadingReader): fewer than the pool's connections
     * (10 by default), so that batches holding one connection each never all wait for their second.
     */
    static final int PIPELINED = 3;

    private final ModuleStore store;
    private final Clock clock;
    private final Vee vee;
    private final int historyReadings;
    private final int rejudgeReadings;
    private final int batchMax;
    private final Semaphore pipelined = new Semaphore(PIPELINED);
    /** Threads for the lookups of large batches, one per batch being ingested (ReadingReader). */
    private final ExecutorService lookups = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "countygrid-reading-lookup");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ReadingServiceImpl(@Reference MeteringUnit unit, MeteringConfig config) {
        this(unit.store(), Clock.systemUTC(), config);
    }

    ReadingServiceImpl(ModuleStore store, Clock clock, MeteringConfig configured) {
        MeteringConfig config = MeteringSettings.checked(configured);
        this.store = store;
        this.clock = clock;
        this.vee = new Vee(config.spikeFactor(), Duration.ofMinutes(Math.max(0, config.futureToleranceMinutes())),
                Math.max(1, config.spikeMinHistory()), Math.max(0, config.maxEstimatedPoints()));
        this.historyReadings = Math.max(2, config.historyReadings());
        this.rejudgeReadings = Math.max(0, config.rejudgeReadings());
        this.batchMax = Math.max(1, config.readingBatchMax());
    }

    @Override
    public IngestSummary ingest(Caller caller, List<NewReading> readings) {
        require(caller, MeteringRoles.INGEST);
        List<ReadingIngest.Parsed> parsed = ReadingIngest.parse(readings, batchMax);
        Instant now = clock.instant();
        IngestSummary summary = store.write(caller.office(), em -> {
            ReadingTable table = new ReadingTable(em.unwrap(Connection.class), caller.office());
            try (ReadingReader reader = new ReadingReader(store.dataSource(), caller.office(), lookups, pipelined, table)) {
                return new ReadingIngest(vee, historyReadings, rejudgeReadings).run(table, reader, parsed, now);
            } catch (SQLException e) {
                throw failure(e);
            }
        });
        if (summary.conflicts() > 0) {
            ReadingConflict c = summary.firstConflicts().get(0);
            LOG.warn("Office {}: {} of {} readings sent by {} carry another value than the one kept for their meter, "
                    + "register and time, and were not taken (the kept values stand); the first: meter {} {} {} at {}: {} kWh kept, {} kWh sent", caller.office(),
                    summary.conflicts(), summary.received(), caller.user(), c.barcode(), c.kind(), c.register(),
                    c.readAt(), c.keptKwh(), c.sentKwh());
        }
        return summary;
    }

    @Deactivate
    void close() {
        lookups.shutdown(); // a batch under way finishes its lookups; the store closes after this component
    }

    @Override
    public List<ReadingView> readings(Caller caller, String barcode, ReadingKind kind, Instant from, Instant to) {
        require(caller, MeteringRoles.READ);
        String b = MeterIdentity.barcode("barcode", barcode);
        if (kind == null) {
            throw new ValidationException("kind", Texts.REQUIRED);
        }
        FieldErrors bounds = new FieldErrors();
        ReadingTimes.checkQueried(bounds, "from", from);
        ReadingTimes.checkQueried(bounds, "to", to);
        bounds.throwIfAny();
        Instant now = clock.instant();
        Instant end = to == null ? now.plus(Duration.ofDays(1)) : to;
        // the default: the last 31 days (DAILY) or 7 (INTERVAL_15) up to now, or before the given end
        Duration back = kind == ReadingKind.DAILY ? Duration.ofDays(31) : Duration.ofDays(7);
        Instant start = from != null ? from : (to == null ? now : end).minus(back);
        FieldErrors range = new FieldErrors();
        if (!start.isBefore(end)) {
            range.add("from", "must be before to");
        } else if (Duration.between(start, end).compareTo(kind.step().multipliedBy(MAX_QUERY_POINTS)) > 0) {
            // every point of the span could hold a reading of every register: never answer a cut-off list
            range.add("to", "at most " + MAX_QUERY_POINTS + " " + (kind == ReadingKind.DAILY ? "days" : "quarter hours")
                    + " after from (" + kind.step().multipliedBy(MAX_QUERY_POINTS).toDays() + " days) in one query");
        }
        range.throwIfAny();
        // plain JDBC on a pooled connection of its own: a read needs no JPA transaction (ReadingTable scopes by office)
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setReadOnly(true);
            return new ReadingTable(connection, caller.office()).readings(b, kind, start, end, MAX_QUERY_ROWS);
        } catch (SQLException e) {
            throw new IllegalStateException("readings not read: " + e.getMessage(), e);
        }
    }

    private static RuntimeException failure(SQLException e) {
        if (SqlStates.isConstraintViolation(e)) {
            Problem conflict = Problem.conflict("some of these readings were stored meanwhile by another batch; send the batch again");
            conflict.initCause(e);
            return conflict;
        }
        return new IllegalStateException("readings not stored: " + e.getMessage(), e);
    }
}
