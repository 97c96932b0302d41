package org.countygrid.metering.internal;

import static org.countygrid.metering.internal.MeterServiceImpl.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.AreaTopology;
import org.countygrid.metering.AttachedMeter;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.NewTerminal;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.TopologyCheck;
import org.countygrid.metering.TopologyService;
import org.countygrid.metering.event.TerminalArchiveSync;
import org.countygrid.metering.internal.domain.AssetLife;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.Reconciliation;
import org.countygrid.metering.internal.domain.Terminal;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.persistence.InstallationEntity;
import org.countygrid.metering.internal.persistence.MeterEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.TerminalReportEntity;
import org.countygrid.metering.internal.persistence.TerminalEntity;
import org.countygrid.metering.internal.persistence.TopologyEntity;
import org.countygrid.metering.internal.persistence.TopologyRepository;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Terminals and topology: each call checks the role, runs the {@link Terminal} or {@link Reconciliation} rule and
 * stores the result with its audit rows and events in one transaction of the caller's office.
 */
@Component(service = TopologyService.class, configurationPid = MeteringConfig.PID)
public class TopologyServiceImpl implements TopologyService {

    static final int MAX_ARCHIVE = 2048;
    private static final int MAX_REASON = 200;

    /** The customers module's register while it is installed; the area check is skipped without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountRegister accounts;

    private final ModuleStore store;
    private final Clock clock;
    private final TopologyKeeper keeper;
    private final String defaultWarehouse;

    @Activate
    public TopologyServiceImpl(@Reference MeteringUnit unit, MeteringConfig config) {
        this(unit.store(), Clock.systemUTC(), config);
    }

    TopologyServiceImpl(ModuleStore store, Clock clock, MeteringConfig configured) {
        MeteringConfig config = MeteringSettings.checked(configured);
        this.store = store;
        this.clock = clock;
        this.keeper = new TopologyKeeper(store);
        this.defaultWarehouse = config.defaultWarehouse();
    }

    @Override
    public TerminalView register(Caller caller, NewTerminal terminal, FieldContext where) {
        return register(caller, terminal, null, where);
    }

    @Override
    public TerminalView register(Caller caller, NewTerminal terminal, String warehouseCode, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        Terminal t = Terminal.arrived(terminal, AssetLife.warehouseOr(warehouseCode, defaultWarehouse));
        return store.write(caller.office(), em -> {
            TopologyRepository topology = new TopologyRepository(em);
            FieldErrors errors = new FieldErrors();
            if (topology.find(t.assetNumber()).isPresent()) {
                errors.add("assetNumber", "is already registered");
            }
            if (topology.addressTaken(t.address())) {
                errors.add("address", "belongs to another terminal");
            }
            errors.throwIfAny();
            return topology.view(topology.add(t, caller.user(), now(), where));
        });
    }

    @Override
    public TerminalView terminal(Caller caller, String assetNumber) {
        require(caller, MeteringRoles.READ);
        String asset = Terminal.asset("assetNumber", assetNumber);
        return store.read(caller.office(), em -> {
            TopologyRepository topology = new TopologyRepository(em);
            return topology.view(topology.require(asset));
        });
    }

    @Override
    public List<MeterTransitionView> history(Caller caller, String assetNumber) {
        require(caller, MeteringRoles.READ);
        String asset = Terminal.asset("assetNumber", assetNumber);
        return store.read(caller.office(), em -> {
            TopologyRepository topology = new TopologyRepository(em);
            topology.require(asset);
            return topology.history(asset);
        });
    }

    @Override
    public List<TerminalView> terminals(Caller caller, String areaCode) {
        require(caller, MeteringRoles.READ);
        String area = Texts.clean(areaCode);
        boolean one = area != null && !area.isEmpty();
        if (one) {
            AccountRegister.checkArea(accounts, caller, area); // "none in NOPE" would read as an area without terminals
        }
        return store.read(caller.office(), em -> new TopologyRepository(em).list(one ? area : null));
    }

    @Override
    public TerminalView verify(Caller caller, String assetNumber, LocalDate verifiedOn, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        LocalDate on = AssetLife.verificationDay(verifiedOn, LocalDate.ofInstant(now(), MeterServiceImpl.CHINA));
        return transition(caller, assetNumber, where, "verified on " + on, t -> t.verify(on, defaultWarehouse));
    }

    @Override
    public TerminalView transfer(Caller caller, String assetNumber, String warehouseCode, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        return transition(caller, assetNumber, where, "to warehouse " + Texts.clean(warehouseCode),
                t -> t.transfer(warehouseCode));
    }

    @Override
    public TerminalView preIssue(Caller caller, String assetNumber, String stationCode, String cabinetCode,
            FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        AccountRegister.checkStation(accounts, caller, Texts.require("stationCode", stationCode, AssetLife.MAX_CODE));
        return transition(caller, assetNumber, where, "pre-issued to station " + Texts.clean(stationCode),
                t -> t.preIssue(stationCode, cabinetCode));
    }

    @Override
    public TerminalView receive(Caller caller, String assetNumber, String stationCode, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        return transition(caller, assetNumber, where, "received at station " + Texts.clean(stationCode),
                t -> t.receive(caller.user(), stationCode));
    }

    @Override
    public TerminalView install(Caller caller, String assetNumber, String areaCode, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        String area = Texts.clean(areaCode);
        if (area != null) {
            AccountRegister.checkArea(accounts, caller, area); // a typo would make an area of its own, whose meters never hang here
        }
        return write(caller, assetNumber, (em, entity) -> {
            Terminal before = entity.toTerminal();
            Terminal after = before.install(areaCode, caller.user());
            new TopologyRepository(em).transition(entity, before, after, caller.user(), now(), where,
                    "installed in area " + after.areaCode());
            keeper.adoptArea(em, caller.office(), after, now());
        });
    }

    @Override
    public TerminalView remove(Caller caller, String assetNumber, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        return write(caller, assetNumber, (em, entity) -> {
            Terminal before = entity.toTerminal();
            Terminal after = before.remove(caller.user());
            keeper.releaseAll(em, caller.office(), before, now());
            new TopologyRepository(em).transition(entity, before, after, caller.user(), now(), where,
                    "removed from area " + before.areaCode());
        });
    }

    @Override
    public TerminalView scrap(Caller caller, String assetNumber, String reason, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        String why = Texts.require("reason", reason, MAX_REASON);
        return transition(caller, assetNumber, where, why, Terminal::scrap);
    }

    @Override
    public TerminalView returnToStock(Caller caller, String assetNumber, String reason, FieldContext where) {
        require(caller, MeteringRoles.STOCK);
        String why = Texts.require("reason", reason, MAX_REASON);
        return transition(caller, assetNumber, where, "back to warehouse: " + why, Terminal::giveBack);
    }

    @Override
    public AreaTopology area(Caller caller, String areaCode) {
        require(caller, MeteringRoles.READ);
        String area = Texts.require("areaCode", areaCode, 20);
        AccountRegister.checkArea(accounts, caller, area); // another office's area, or a typo: a 404, not an empty topology
        return store.read(caller.office(), em -> {
            TopologyRepository topology = new TopologyRepository(em);
            MeterRepository meters = new MeterRepository(em);
            Map<String, String> accounts = new HashMap<>();
            List<AttachedMeter> unattached = new ArrayList<>();
            List<TopologyEntity> rows = topology.attachedInArea(area);
            Set<String> hanging = new LinkedHashSet<>();
            rows.forEach(r -> hanging.add(r.barcode()));
            for (InstallationEntity i : meters.installedInArea(area)) {
                accounts.put(i.barcode(), i.accountNumber());
                if (!hanging.contains(i.barcode())) {
                    unattached.add(new AttachedMeter(i.barcode(), meters.require(i.barcode()).toMeter().commAddress(),
                            i.accountNumber(), null, null));
                }
            }
            List<AttachedMeter> attached = rows.stream().map(r -> TopologyRepository.view(r, accounts.get(r.barcode())))
                    .toList();
            return new AreaTopology(area, topology.list(area), attached, unattached);
        });
    }

    @Override
    public TopologyCheck report(Caller caller, String assetNumber, List<String> meterAddresses) {
        require(caller, MeteringRoles.INGEST);
        String asset = Terminal.asset("assetNumber", assetNumber);
        Set<String> addresses = addresses(meterAddresses);
        return store.write(caller.office(), em -> {
            TopologyRepository topology = new TopologyRepository(em);
            topology.require(asset).toTerminal().requireInstalled();
            topology.report(asset, addresses, now());
            em.flush();
            return compare(em, asset, false);
        });
    }

    @Override
    public TopologyCheck check(Caller caller, String assetNumber) {
        require(caller, MeteringRoles.READ);
        String asset = Terminal.asset("assetNumber", assetNumber);
        return store.read(caller.office(), em -> compare(em, asset, false));
    }

    @Override
    public TopologyCheck apply(Caller caller, String assetNumber) {
        require(caller, MeteringRoles.STOCK);
        String asset = Terminal.asset("assetNumber", assetNumber);
        return StaleWrites.write(store, caller, "the topology of terminal " + asset, em -> {
            new TopologyRepository(em).require(asset).toTerminal().requireInstalled();
            TopologyCheck before = compare(em, asset, false);
            Reconciliation.Outcome outcome = reconcile(em, asset);
            TopologyRepository topology = new TopologyRepository(em);
            Terminal terminal = topology.require(asset).toTerminal();
            Instant now = now();
            MeterRepository meters = new MeterRepository(em);
            for (String barcode : outcome.attachHere()) {
                topology.attachmentOf(barcode).ifPresent(row -> keeper.detach(em, caller.office(), row, now,
                        "reconciled with " + asset));
                keeper.attach(em, caller.office(), terminal, barcode, meters.require(barcode).toMeter().commAddress(),
                        now, "reconciled with " + asset);
            }
            if (!outcome.terminalAdds().isEmpty() || !outcome.terminalDeletes().isEmpty()) {
                store.publish(em, new TerminalArchiveSync(caller.office(), asset, terminal.address(),
                        outcome.terminalAdds(), outcome.terminalDeletes(), caller.user(), now));
            }
            return new TopologyCheck(before.terminal(), before.areaCode(), before.reportedAt(), before.reported(),
                    before.ours(), before.missing(), before.extra(), before.mismatched(), true);
        });
    }

    private TopologyCheck compare(EntityManager em, String asset, boolean applied) {
        TopologyRepository topology = new TopologyRepository(em);
        Terminal terminal = topology.require(asset).toTerminal();
        TerminalReportEntity report = topology.lastReport(asset)
                .orElseThrow(() -> Problem.conflict("terminal " + asset + " has not reported its archive yet"));
        Reconciliation.Outcome o = reconcile(em, asset);
        return new TopologyCheck(asset, terminal.areaCode(), report.reportedAt(), report.meters(),
                (int) topology.countAttached(asset), o.missing(), o.extra(), o.mismatched(), applied);
    }

    private Reconciliation.Outcome reconcile(EntityManager em, String asset) {
        TopologyRepository topology = new TopologyRepository(em);
        MeterRepository meters = new MeterRepository(em);
        Terminal terminal = topology.require(asset).toTerminal();
        Map<String, String> ours = new HashMap<>();
        topology.attachedTo(asset).forEach(r -> ours.put(r.commAddress(), r.barcode()));
        Set<String> reported = new LinkedHashSet<>();
        topology.archive(asset).forEach(a -> reported.add(a.commAddress()));
        List<String> others = reported.stream().filter(a -> !ours.containsKey(a)).toList();
        Map<String, Reconciliation.Known> elsewhere = new HashMap<>();
        for (Map.Entry<String, MeterEntity> e : meters.byCommAddress(others).entrySet()) {
            String barcode = e.getValue().toMeter().barcode();
            MeterState state = e.getValue().toMeter().state();
            String area = meters.installation(barcode).map(InstallationEntity::areaCode).orElse(null);
            String under = topology.attachmentOf(barcode).map(TopologyEntity::terminal).orElse(null);
            boolean inArea = state == MeterState.INSTALLED && terminal.areaCode() != null
                    && terminal.areaCode().equals(area);
            elsewhere.put(e.getKey(), new Reconciliation.Known(barcode, inArea, under, state.name()));
        }
        return new Reconciliation(ours, reported, elsewhere).compare();
    }

    private static Set<String> addresses(List<String> meterAddresses) {
        if (meterAddresses == null) {
            throw new ValidationException("body", Texts.REQUIRED);
        }
        if (meterAddresses.size() > MAX_ARCHIVE) {
            throw new ValidationException("body", "has more than " + MAX_ARCHIVE + " meter addresses");
        }
        FieldErrors errors = new FieldErrors();
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < meterAddresses.size(); i++) {
            String a = Texts.clean(meterAddresses.get(i));
            if (a == null || !MeterIdentity.COMM_ADDRESS.matcher(a).matches()) {
                errors.add("[" + i + "]", "must be 12 digits (a meter's communication address)");
            } else {
                clean.add(a);
            }
        }
        errors.throwIfAny();
        return clean;
    }

    private TerminalView transition(Caller caller, String assetNumber, FieldContext where, String detail,
            UnaryOperator<Terminal> rule) {
        return write(caller, assetNumber, (em, entity) -> {
            Terminal before = entity.toTerminal();
            new TopologyRepository(em).transition(entity, before, rule.apply(before), caller.user(), now(), where, detail);
        });
    }

    private TerminalView write(Caller caller, String assetNumber, java.util.function.BiConsumer<EntityManager, TerminalEntity> work) {
        String asset = Terminal.asset("assetNumber", assetNumber);
        return StaleWrites.write(store, caller, "terminal " + asset, em -> {
            TopologyRepository topology = new TopologyRepository(em);
            TerminalEntity entity = topology.require(asset);
            work.accept(em, entity);
            em.flush();
            return topology.view(entity);
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
