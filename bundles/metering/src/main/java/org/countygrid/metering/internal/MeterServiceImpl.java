package org.countygrid.metering.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.DeliverySummary;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.InstalledBase;
import org.countygrid.metering.MeterService;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.StockView;
import org.countygrid.metering.internal.domain.AssetLife;
import org.countygrid.metering.internal.domain.DeliveryBatch;
import org.countygrid.metering.internal.domain.InstalledBaseCheck;
import org.countygrid.metering.internal.domain.Meter;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.persistence.InstalledBaseWriter;
import org.countygrid.metering.internal.persistence.MeterEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
import org.countygrid.metering.internal.persistence.TopologyRepository;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meter stock and lifecycle: checks the role, runs the {@link Meter} rule in one transaction of the caller's office
 * and writes the audit row in that same transaction.
 */
@Component(service = MeterService.class, configurationPid = MeteringConfig.PID)
@Designate(ocd = MeteringConfig.class)
public class MeterServiceImpl implements MeterService {

    /** Verification dates are county dates. */
    static final ZoneId CHINA = ConsumptionService.DAY_ZONE;
    static final int MAX_REASON = 200;
    static final int MAX_BATCH = 40;

    private static final Logger LOG = LoggerFactory.getLogger(MeterServiceImpl.class);

    private final ModuleStore store;
    private final Clock clock;
    private final int deliveryMaxLines;
    private final String defaultWarehouse;
    private final int defaultLimit;

    /** The customers module's register while it is installed; the station check is skipped without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountRegister accounts;

    @Activate
    public MeterServiceImpl(@Reference MeteringUnit unit, MeteringConfig config) {
        this(unit.store(), Clock.systemUTC(), config);
    }

    MeterServiceImpl(ModuleStore store, Clock clock, MeteringConfig configured) {
        MeteringConfig config = MeteringSettings.checked(configured);
        this.store = store;
        this.clock = clock;
        this.deliveryMaxLines = Math.max(1, config.deliveryMaxLines());
        this.defaultWarehouse = config.defaultWarehouse();
        this.defaultLimit = Math.max(1, Math.min(config.pageDefaultLimit(), Page.MAX_LIMIT));
    }

    @Override
    public MeterView register(Caller caller, NewMeter meter, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        if (meter == null) {
            throw new ValidationException("body", Texts.REQUIRED);
        }
        NewMeter checked = MeterIdentity.checked(meter);
        return store.write(caller.office(), em -> {
            MeterRepository meters = new MeterRepository(em);
            DeliveryBatch.requireFree(checked, meters);
            return arrive(meters, Meter.arrived(checked, defaultWarehouse), null, caller, where).toView();
        });
    }

    @Override
    public DeliverySummary receiveDelivery(Caller caller, String batch, String warehouseCode, String csv,
            FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        String batchId = Texts.require("batch", batch, MAX_BATCH);
        String warehouse = AssetLife.warehouseOr(warehouseCode, defaultWarehouse);
        return store.write(caller.office(), em -> {
            MeterRepository meters = new MeterRepository(em);
            List<NewMeter> arrived = DeliveryBatch.parse(csv, deliveryMaxLines, meters);
            for (NewMeter m : arrived) {
                arrive(meters, Meter.arrived(m, warehouse), batchId, caller, where);
            }
            return new DeliverySummary(batchId, arrived.size());
        });
    }

    @Override
    public MeterView meter(Caller caller, String barcode) {
        require(caller, MeteringRoles.READ);
        String b = MeterIdentity.barcode("barcode", barcode);
        return store.read(caller.office(), em -> new MeterRepository(em).require(b).toView());
    }

    @Override
    public Page<MeterView> meters(Caller caller, MeterState state, String prefix, int offset, int limit) {
        require(caller, MeteringRoles.READ);
        int size = limit == 0 ? defaultLimit : limit;
        Page.checkRange(offset, size);
        String p = prefix == null ? "" : prefix.strip();
        if (p.length() > 22) {
            throw new ValidationException("q", "must be at most 22 characters");
        }
        return store.read(caller.office(), em -> new MeterRepository(em).page(state, p, offset, size));
    }

    @Override
    public List<MeterTransitionView> history(Caller caller, String barcode) {
        require(caller, MeteringRoles.READ);
        String b = MeterIdentity.barcode("barcode", barcode);
        return store.read(caller.office(), em -> {
            MeterRepository meters = new MeterRepository(em);
            meters.require(b);
            return meters.history(b);
        });
    }

    @Override
    public MeterView verify(Caller caller, String barcode, LocalDate verifiedOn, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        LocalDate on = AssetLife.verificationDay(verifiedOn, LocalDate.ofInstant(clock.instant(), CHINA));
        return transition(caller, barcode, where, "verified on " + on, m -> m.verify(on, defaultWarehouse));
    }

    @Override
    public MeterView preIssue(Caller caller, String barcode, String stationCode, String cabinetCode, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        AccountRegister.checkStation(accounts, caller, Texts.require("stationCode", stationCode, AssetLife.MAX_CODE));
        return transition(caller, barcode, where, "cabinet " + Texts.clean(cabinetCode) + " to station " + Texts.clean(stationCode),
                m -> m.preIssue(stationCode, cabinetCode));
    }

    @Override
    public MeterView receive(Caller caller, String barcode, String stationCode, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        return transition(caller, barcode, where, "received at station " + Texts.clean(stationCode),
                m -> m.receive(caller.user(), stationCode));
    }

    @Override
    public MeterView transfer(Caller caller, String barcode, String warehouseCode, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        return transition(caller, barcode, where, "to warehouse " + Texts.clean(warehouseCode),
                m -> m.transfer(warehouseCode));
    }

    @Override
    public MeterView scrap(Caller caller, String barcode, String reason, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        String why = Texts.require("reason", reason, MAX_REASON);
        return transition(caller, barcode, where, why, Meter::scrap);
    }

    @Override
    public MeterView returnToStock(Caller caller, String barcode, String reason, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        String why = Texts.require("reason", reason, MAX_REASON);
        String b = MeterIdentity.barcode("barcode", barcode);
        return StaleWrites.write(store, caller, "meter " + b, em -> {
            MeterRepository meters = new MeterRepository(em);
            MeterEntity entity = meters.requireLocked(b); // first: a scan binding it now waits, or is waited for
            List<Long> orders = new WorkOrderRepository(em).underWayWith(b, -1);
            if (!orders.isEmpty()) {
                throw Problem.conflict("meter " + b + " refused: it is scanned on work order #" + orders.get(0)
                        + ", which is under way; scan another meter there or cancel the order first");
            }
            Meter before = entity.toMeter();
            meters.transition(entity, before, before.giveBack(), caller.user(), now(), where, "back to warehouse: " + why);
            em.flush();
            return entity.toView();
        });
    }

    @Override
    public StockView stock(Caller caller) {
        require(caller, MeteringRoles.READ);
        return store.read(caller.office(), em -> {
            MeterRepository meters = new MeterRepository(em);
            return new StockView(meters.countByState(), meters.byWarehouse(), meters.byStation(), meters.byCabinet(),
                    meters.byWorker(), new TopologyRepository(em).byWarehouse());
        });
    }

    @Override
    public InstalledBase.Summary importInstalledBase(Caller caller, InstalledBase base) {
        if (!caller.hasAnyRole(Role.ADMIN)) {
            throw Problem.forbidden("taking over an installed base needs the role admin");
        }
        if (base == null) {
            throw new ValidationException("body", Texts.REQUIRED);
        }
        long started = System.nanoTime();
        InstalledBaseCheck.Checked checked = InstalledBaseCheck.check(base);
        Instant now = clock.instant();
        int attached = store.write(caller.office(), em -> {
            MeterRepository meters = new MeterRepository(em);
            if (meters.countByState().values().stream().mapToLong(Long::longValue).sum() > 0
                    || !new TopologyRepository(em).list(null).isEmpty()) {
                throw Problem.conflict("office " + caller.office() + " has meters or terminals already;"
                        + " an installed base is taken over into an empty office only");
            }
            try {
                return new InstalledBaseWriter(em, caller.office()).write(checked.meters(),
                        checked.terminals(), checked.readers(), caller.user(), now);
            } catch (SQLException e) {
                SQLException cause = e.getNextException() == null ? e : e.getNextException();
                LOG.warn("Installed base for office {} rolled back (SQLSTATE {}): {}", caller.office(),
                        cause.getSQLState(), cause.getMessage());
                throw Problem.conflict("the installed base clashes with data stored meanwhile in this office");
            }
        });
        return new InstalledBase.Summary(checked.meters().size(), checked.terminals().size(), attached,
                (System.nanoTime() - started) / 1_000_000);
    }

    private MeterView transition(Caller caller, String barcode, FieldContext where, String detail, UnaryOperator<Meter> rule) {
        String b = MeterIdentity.barcode("barcode", barcode);
        return StaleWrites.write(store, caller, "meter " + b, em -> {
            MeterRepository meters = new MeterRepository(em);
            MeterEntity entity = meters.require(b);
            Meter before = entity.toMeter();
            Meter after = rule.apply(before); // throws, changing nothing, when illegal
            meters.transition(entity, before, after, caller.user(), now(), where, detail);
            em.flush();
            return entity.toView();
        });
    }

    private MeterEntity arrive(MeterRepository meters, Meter meter, String batch, Caller caller, FieldContext where) {
        MeterEntity entity = meters.add(meter, batch);
        meters.audit(meter.barcode(), null, MeterState.IN_STOCK, caller.user(), now(), where,
                (batch == null ? "registered" : "delivery " + batch) + " into warehouse " + meter.warehouseCode());
        return entity;
    }

    private Instant now() {
        return clock.instant();
    }

    static void require(Caller caller, Set<String> roles) {
        if (caller == null) {
            throw new Problem(401, "Unauthorized", "log in first");
        }
        caller.requireAnyRole(MeteringRoles.array(roles));
    }
}
