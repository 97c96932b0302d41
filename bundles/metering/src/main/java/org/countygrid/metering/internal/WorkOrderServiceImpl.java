package org.countygrid.metering.internal;

import static org.countygrid.metering.internal.MeterServiceImpl.require;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.Phase;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.domain.Images;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.RegisterValues;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.form.FormFonts;
import org.countygrid.metering.internal.form.FormRenderer;
import org.countygrid.metering.internal.persistence.InstallationEntity;
import org.countygrid.metering.internal.persistence.MeterEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.WorkOrderEntity;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;
import org.countygrid.platform.api.security.StaffDirectory;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field work orders: each call checks the role, runs the {@link WorkOrder} rule and stores the order with its
 * history step in one transaction of the caller's office; completion moves the meters and publishes the event in
 * that same transaction ({@link OrderCompletion}).
 */
@Component(service = WorkOrderService.class, configurationPid = MeteringConfig.PID)
public class WorkOrderServiceImpl implements WorkOrderService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderServiceImpl.class);

    /** The length of the origin column. */
    private static final int MAX_ORIGIN = 120;

    private final ModuleStore store;
    private final Clock clock;
    private final OrderCompletion completion;
    private final long photoMaxBytes;
    private final long signatureMaxBytes;
    private final int defaultLimit;

    /** The customers module's register while it is installed; the account check is skipped without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountRegister accounts;

    /** The login realm's staff while platform-web runs; a worker's name is taken unchecked without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StaffDirectory staff;

    @Activate
    public WorkOrderServiceImpl(@Reference MeteringUnit unit, MeteringConfig config) {
        this(unit.store(), Clock.systemUTC(), config);
    }

    WorkOrderServiceImpl(ModuleStore store, Clock clock, MeteringConfig configured) {
        MeteringConfig config = MeteringSettings.checked(configured);
        this.store = store;
        this.clock = clock;
        String fontFiles = config.formFontFiles();
        if (!FormFonts.anyExists(fontFiles)) {
            LOG.warn("None of the form fonts {} exists: completed work order forms will show Chinese text as '?'."
                    + " Install one (Debian: fonts-wqy-microhei) or set formFontFiles in {}", fontFiles, MeteringConfig.PID);
        }
        this.completion = new OrderCompletion(store, new FormRenderer(() -> {
            FormFonts fonts = FormFonts.find(fontFiles);
            if (fonts.file().isEmpty()) {
                LOG.warn("No font with Chinese glyphs among {}: work order forms show Chinese text as '?'", fontFiles);
            }
            return fonts;
        }));
        this.photoMaxBytes = config.photoMaxKilobytes() * 1024L;
        this.signatureMaxBytes = config.signatureMaxKilobytes() * 1024L;
        this.defaultLimit = Math.max(1, Math.min(config.pageDefaultLimit(), Page.MAX_LIMIT));
    }

    @Override
    public WorkOrderView create(Caller caller, NewWorkOrder order) {
        return create(caller, order, null);
    }

    @Override
    public WorkOrderView request(Caller caller, NewWorkOrder order, String origin) {
        String key = Texts.require("origin", origin, MAX_ORIGIN);
        return create(caller, order, key);
    }

    private WorkOrderView create(Caller caller, NewWorkOrder order, String origin) {
        require(caller, MeteringRoles.DISPATCH);
        if (order == null) {
            throw new ValidationException("body", Texts.REQUIRED);
        }
        AccountRegister register = accounts;
        return write(caller, em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            if (origin != null) {
                Optional<WorkOrderEntity> made = orders.byOrigin(origin);
                if (made.isPresent()) {
                    return orders.view(made.get()); // the same request again (an event delivered twice)
                }
            }
            String account = Texts.clean(order.accountNumber());
            String installed = account == null ? null : new MeterRepository(em).installedAt(account).orElse(null);
            // a fault replacement puts in a meter of the old one's phase unless the order says otherwise: the orders
            // made from repair tickets and events name none, and a single-phase meter at a three-phase customer is a
            // trip back
            NewWorkOrder wanted = order.type() == WorkOrderType.REPLACE && order.phase() == null && installed != null
                    ? new NewWorkOrder(order.type(), order.accountNumber(), order.address(), order.worker(),
                            new MeterRepository(em).find(installed).map(m -> m.toMeter().phase()).orElse(null), order.note())
                    : order;
            if (origin != null && register != null && wanted.type() == WorkOrderType.REMOVE && installed == null
                    && AccountNumber.isValid(account) && register.requireAccount(caller, account).closed()) {
                // the closing of an account that never got its meter: the INSTALL under way, if any, is stopped
                Optional<WorkOrderView> stopped = stopForClosedAccount(caller, orders, account, origin);
                if (stopped.isPresent()) {
                    return stopped.get();
                }
            }
            if (register != null && AccountNumber.isValid(account) && wanted.type() != null
                    && wanted.type() != WorkOrderType.REMOVE && register.requireAccount(caller, account).closed()) {
                // before the meter's rules: an INSTALL told "create a REPLACE order" was then refused for this (probe)
                throw Problem.conflict("account " + account + " is closed; only a REMOVE order can be made for it");
            }
            if (register != null && installed == null && wanted.type() != null && wanted.type() != WorkOrderType.INSTALL
                    && AccountNumber.isValid(account)) {
                register.requireAccount(caller, account); // a mistyped account is a 404, not "has no installed meter"
            }
            WorkOrder.Step step = WorkOrder.create(wanted, installed, null, caller.user(), now());
            // after the origin: an event delivered again returns its order even if the worker has left since
            requireFieldWorker(caller, step.order().worker());
            if (register != null) {
                AccountRegister.AccountFacts facts = register.requireAccount(caller, step.order().accountNumber());
                if (facts.closed() && origin != null) {
                    // the account-closed event: a REPLACE under way would put a new meter on a closed account
                    Optional<WorkOrderView> stopped = stopForClosedAccount(caller, orders, account, origin);
                    if (stopped.isPresent() && stopped.get().type() == WorkOrderType.REMOVE) {
                        return stopped.get(); // a REMOVE made by hand before the event: it serves
                    }
                }
                NewWorkOrder known = new NewWorkOrder(wanted.type(), wanted.accountNumber(),
                        wanted.address() == null || wanted.address().isBlank() ? facts.address() : wanted.address(),
                        wanted.worker(), wanted.phase(), wanted.note());
                step = WorkOrder.create(known, installed, facts.areaCode(), caller.user(), now());
            }
            orders.activeAt(step.order().accountNumber()).ifPresent(other -> other.toOrder(Set.of()).refuseAnother());
            WorkOrderEntity entity = orders.add(step.order(), origin);
            orders.step(entity.id(), step.action(), caller.user(), now(),
                    origin == null ? step.note() : step.note() + " (from " + origin + ")");
            return orders.view(entity);
        });
    }

    @Override
    public void followAccount(Caller caller, String accountNumber, String addressBefore, String origin) {
        require(caller, MeteringRoles.DISPATCH);
        String account = AccountNumber.of(accountNumber).value();
        String from = Texts.require("origin", origin, MAX_ORIGIN);
        AccountRegister register = accounts;
        if (register == null) {
            return;
        }
        // idempotent: a worker's change of the same order at that moment is met by following again
        StaleWrites.retried(() -> write(caller, em -> {
            AccountRegister.AccountFacts facts = register.requireAccount(caller, account);
            Instant now = now();
            WorkOrderRepository orders = new WorkOrderRepository(em);
            orders.activeAt(account).ifPresent(entity -> {
                WorkOrder order = orders.order(entity);
                boolean hadAddress = addressBefore != null && addressBefore.equals(order.address());
                WorkOrder.Step step = order.followAccount(hadAddress ? facts.address() : null, facts.areaCode());
                if (step != null) {
                    entity.apply(step.order());
                    orders.step(entity.id(), step.action(), caller.user(), now, step.note() + " (from " + from + ")");
                }
            });
            MeterRepository meters = new MeterRepository(em);
            Optional<InstallationEntity> installed = meters.installedAt(account).flatMap(meters::installation);
            if (installed.isPresent() && !Objects.equals(installed.get().areaCode(), facts.areaCode())) {
                InstallationEntity installation = installed.get();
                String fromArea = installation.areaCode();
                installation.moveTo(facts.areaCode());
                String address = meters.require(installation.barcode()).toMeter().commAddress();
                new TopologyKeeper(store).moved(em, caller.office(), installation.barcode(), address, fromArea,
                        facts.areaCode(), now, "account " + account + " moved to area " + facts.areaCode());
                LOG.info("Office {}: meter {} of account {} moved from area {} to {} ({})", caller.office(),
                        installation.barcode(), account, fromArea, facts.areaCode(), from);
            }
            return null;
        }));
    }

    /**
     * For the closing of an account (销户, a request with an origin): cancels the INSTALL or REPLACE order under way at
     * the account, whose meter must no longer go up, and returns it; returns a REMOVE under way as it is; empty when
     * nothing is under way. The cancelled order's meter stays with its worker, who returns it to stock.
     */
    private Optional<WorkOrderView> stopForClosedAccount(Caller caller, WorkOrderRepository orders, String account,
            String origin) {
        Optional<WorkOrderEntity> active = orders.activeAt(account);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        WorkOrderEntity entity = active.get();
        WorkOrder order = orders.order(entity);
        if (order.type() != WorkOrderType.REMOVE) {
            WorkOrder.Step step = order.cancel("销户 account closed (from " + origin + ")");
            entity.apply(step.order());
            orders.step(entity.id(), step.action(), caller.user(), now(), step.note());
            LOG.info("Work order {} ({}) at account {} cancelled: the account was closed ({})", entity.id(),
                    order.type(), account, origin);
        }
        return Optional.of(orders.view(entity));
    }

    @Override
    public WorkOrderView order(Caller caller, long id) {
        require(caller, MeteringRoles.READ);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            WorkOrderEntity entity = orders.require(id);
            requireVisible(caller, orders.order(entity));
            return orders.view(entity);
        });
    }

    @Override
    public Page<WorkOrderView> orders(Caller caller, WorkOrderStatus status, String worker, Long beforeId, int offset,
            int limit) {
        require(caller, MeteringRoles.READ);
        int size = limit == 0 ? defaultLimit : limit;
        Page.checkRange(offset, size);
        // a field worker without a back-office role sees his own orders only
        String who = fieldOnly(caller) ? caller.user() : Texts.clean(worker);
        List<WorkOrderStatus> statuses = status == null ? List.of(WorkOrderStatus.values()) : List.of(status);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            Page<WorkOrderEntity> page = orders.page(statuses, who == null || who.isEmpty() ? null : who, beforeId, offset,
                    size);
            return new Page<>(orders.views(page.items()), page.total(), offset, size);
        });
    }

    @Override
    public List<WorkOrderView> mine(Caller caller) {
        require(caller, MeteringRoles.FIELD);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            return orders.views(orders.activeOf(caller.user()));
        });
    }

    @Override
    public WorkOrderView scan(Caller caller, long id, String barcode, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        String b = MeterIdentity.barcode("barcode", barcode);
        // locked: a meter taken back to stock, or scanned onto another order, at this moment must not end up bound here
        return change(caller, id, (em, order) -> {
            MeterEntity meter = new MeterRepository(em).requireLocked(b);
            List<Long> others = new WorkOrderRepository(em).underWayWith(b, id);
            if (!others.isEmpty()) {
                throw Problem.conflict("meter " + b + " refused: it is scanned on work order #" + others.get(0)
                        + ", which is under way");
            }
            return order.scan(meter.toMeter(), caller.user());
        });
    }

    @Override
    public WorkOrderView recordFinalReadings(Caller caller, long id, FinalReadings readings) {
        require(caller, MeteringRoles.FIELD);
        RegisterValues values = RegisterValues.of(readings);
        return change(caller, id, (em, order) -> order.recordFinalReadings(values, caller.user()));
    }

    @Override
    public WorkOrderView recordNewMeterReadings(Caller caller, long id, FinalReadings readings, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        RegisterValues values = RegisterValues.of(readings);
        return change(caller, id, (em, order) -> order.recordNewMeterReadings(values, caller.user()));
    }

    @Override
    public WorkOrderView attachPhoto(Caller caller, long id, OrderFileKind kind, String contentType, byte[] content,
            FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        if (kind == null || !kind.isPhoto()) {
            throw new ValidationException("kind", "must be OLD_METER_PHOTO or NEW_METER_PHOTO");
        }
        Images.Image image = Images.check("photo", contentType, content, photoMaxBytes, false);
        return change(caller, id, (em, order) -> {
            WorkOrder.Step step = order.attachPhoto(kind, image.sha256(), caller.user());
            boolean added = new WorkOrderRepository(em).addFile(id, kind, order.photographedMeter(kind),
                    image.contentType(), image.content(), image.sha256(), caller.user(), now(), where);
            return added ? step : null; // the phone sent the same photo of the same meter again: nothing changes
        });
    }

    @Override
    public WorkOrderView sign(Caller caller, long id, String signer, String contentType, byte[] png, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        Images.Image image = Images.check("signature", contentType, png, signatureMaxBytes, true);
        return change(caller, id, (em, order) -> {
            WorkOrder.Step step = order.sign(signer, caller.user());
            new WorkOrderRepository(em).addFile(id, OrderFileKind.SIGNATURE, null, image.contentType(), image.content(),
                    image.sha256(), caller.user(), now(), where);
            return step;
        });
    }

    @Override
    public OrderFile file(Caller caller, long id, String sha256) {
        require(caller, MeteringRoles.READ);
        String digest = Texts.clean(sha256);
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new ValidationException("sha256", "must be 64 lower-case hex digits");
        }
        return fileOf(caller, id, null, digest);
    }

    @Override
    public OrderFile form(Caller caller, long id) {
        require(caller, MeteringRoles.READ);
        return fileOf(caller, id, OrderFileKind.FORM, null);
    }

    private OrderFile fileOf(Caller caller, long id, OrderFileKind kind, String sha256) {
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            requireVisible(caller, orders.order(orders.require(id)));
            return orders.file(id, kind, sha256).orElseThrow(() -> Problem.notFound(
                    kind == OrderFileKind.FORM ? "the form of work order " + id + " (it is made at completion)"
                            : "file " + sha256 + " of work order " + id));
        });
    }

    @Override
    public WorkOrderView complete(Caller caller, long id, Long residualBalanceFen, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        return change(caller, id, (em, order) -> {
            WorkOrder.Step step = order.complete(caller.user(), now());
            Optional<AccountRegister.AccountFacts> account = factsIfKnown(caller, order.accountNumber());
            if (order.type() != WorkOrderType.REMOVE && account.map(AccountRegister.AccountFacts::closed).orElse(false)) {
                throw Problem.conflict("account " + order.accountNumber() + " was closed (销户) after work order " + id
                        + " was made; no meter is installed at a closed account, so the order must be cancelled");
            }
            completion.moveMeters(em, caller, step.order(), residualBalanceFen, where, now());
            completion.keepForm(em, caller, step.order(), account.map(AccountRegister.AccountFacts::name).orElse(null),
                    residualBalanceFen, now());
            return step;
        });
    }

    @Override
    public WorkOrderView suspend(Caller caller, long id, String reason, OptionalLong expectedVersion) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return change(caller, id, expectedVersion, (em, order) -> flowing(caller, order).suspend(reason));
    }

    @Override
    public WorkOrderView resume(Caller caller, long id, OptionalLong expectedVersion) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return change(caller, id, expectedVersion, (em, order) -> flowing(caller, order).resume());
    }

    @Override
    public WorkOrderView handOver(Caller caller, long id, String worker, String note, OptionalLong expectedVersion) {
        require(caller, MeteringRoles.ORDER_FLOW);
        requireFieldWorker(caller, worker);
        return change(caller, id, expectedVersion, (em, order) -> flowing(caller, order).handOver(worker, note));
    }

    @Override
    public WorkOrderView cancel(Caller caller, long id, String reason, OptionalLong expectedVersion) {
        require(caller, MeteringRoles.DISPATCH);
        return change(caller, id, expectedVersion, (em, order) -> order.cancel(reason));
    }

    private WorkOrderView change(Caller caller, long id, BiFunction<EntityManager, WorkOrder, WorkOrder.Step> rule) {
        return change(caller, id, OptionalLong.empty(), rule);
    }

    /**
     * Loads the order, applies the rule's step and records it with its history step; a rule that returns null
     * changes nothing. With {@code expectedVersion}, an order changed since the caller read it is a stale 409.
     */
    private WorkOrderView change(Caller caller, long id, OptionalLong expectedVersion,
            BiFunction<EntityManager, WorkOrder, WorkOrder.Step> rule) {
        // without a version the caller asked for the order as it is now: a change made meanwhile (the account moved,
        // customers.account-changed) is read again and the rule applied to it, before any 409
        return expectedVersion.isPresent() ? changeOnce(caller, id, expectedVersion, rule)
                : StaleWrites.retried(() -> changeOnce(caller, id, expectedVersion, rule));
    }

    private WorkOrderView changeOnce(Caller caller, long id, OptionalLong expectedVersion,
            BiFunction<EntityManager, WorkOrder, WorkOrder.Step> rule) {
        return write(caller, em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            WorkOrderEntity entity = orders.require(id);
            WorkOrder order = orders.order(entity);
            requireVisible(caller, order);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != order.version()) {
                throw Problem.stale("work order " + id + " was changed meanwhile (version " + order.version()
                        + ", not " + expectedVersion.getAsLong() + "); reload it and try again");
            }
            WorkOrder.Step step = rule.apply(em, order);
            if (step == null) {
                return orders.view(entity);
            }
            entity.apply(step.order());
            orders.step(id, step.action(), caller.user(), now(), step.note());
            return orders.view(entity);
        });
    }

    /**
     * What customers says of the account at completion: whether it was closed meanwhile, and the customer's name for
     * the form. Empty when customers is not installed or cannot answer (the account unknown to it, e.g. of an import
     * taken back, or the module restarting): the order is completed and its form made without the name, as before.
     */
    private Optional<AccountRegister.AccountFacts> factsIfKnown(Caller caller, String account) {
        AccountRegister register = accounts;
        if (register == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(register.requireAccount(caller, account));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read account {} at the completion of its work order: {}", account, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public List<String> workers(Caller caller) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return fieldWorkers(caller).orElse(List.of());
    }

    /** The office's field workers as the login realm knows them; empty when there is no list to ask. */
    private Optional<List<String>> fieldWorkers(Caller caller) {
        StaffDirectory directory = staff;
        return directory == null ? Optional.empty() : directory.holders(caller.office(), Role.FIELD);
    }

    /**
     * Refuses a worker the login realm does not know as a field worker of the caller's office: an order given to a
     * mistyped name would sit on no phone. Unchecked when no name is given or the realm cannot list its users.
     */
    private void requireFieldWorker(Caller caller, String worker) {
        String name = Texts.clean(worker);
        if (name == null || name.isEmpty()) {
            return;
        }
        fieldWorkers(caller).ifPresent(workers -> {
            if (!workers.contains(name)) {
                throw new ValidationException("worker", "is not a field worker of office " + caller.office().value()
                        + " (a login with the role field): " + name);
            }
        });
    }

    /**
     * A field worker may suspend, resume or hand over only his own orders; dispatchers any. Being an auditor as well
     * lets a field worker see every order, not move them.
     */
    private static WorkOrder flowing(Caller caller, WorkOrder order) {
        if (!caller.hasAnyRole(MeteringRoles.array(MeteringRoles.DISPATCH)) && !order.isAssignedTo(caller.user())) {
            throw Problem.forbidden(order.worker() == null
                    ? "work order " + order.id() + " is not assigned to a worker yet, so not to " + caller.user()
                    : "work order " + order.id() + " is assigned to " + order.worker() + ", not to " + caller.user());
        }
        return order;
    }

    private static void requireVisible(Caller caller, WorkOrder order) {
        if (fieldOnly(caller) && !order.isAssignedTo(caller.user())) {
            throw new Problem(404, "Not Found", "work order " + order.id()
                    + " is not one of yours (it may have been handed to another worker)");
        }
    }

    /** Sees his own orders only: no back-office role (dispatching, or auditing, which reads everything). */
    private static boolean fieldOnly(Caller caller) {
        return !caller.hasAnyRole(MeteringRoles.array(MeteringRoles.DISPATCH)) && !caller.hasAnyRole("auditor");
    }

    /** A concurrent change of the same order (two phones) is a 409, not a 500. */
    private <T> T write(Caller caller, java.util.function.Function<EntityManager, T> work) {
        return StaleWrites.write(store, caller, "the work order", work);
    }

    private Instant now() {
        return clock.instant();
    }
}
