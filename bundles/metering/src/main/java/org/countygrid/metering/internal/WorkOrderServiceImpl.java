package org.countygrid.metering.internal;

import static org.countygrid.metering.internal.MeterServiceImpl.require;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.FinalReadings;
import org.countygrid.metering.NewWorkOrder;
import org.countygrid.metering.WorkOrderService;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.domain.MeterIdentity;
import org.countygrid.metering.internal.domain.RegisterValues;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.WorkOrderEntity;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
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
 * Field work orders: each call checks the role, runs the {@link WorkOrder} rule and stores the order with its
 * history step in one transaction of the caller's office; completion moves the meters and publishes the event in
 * that same transaction ({@link OrderCompletion}).
 */
@Component(service = WorkOrderService.class)
public class WorkOrderServiceImpl implements WorkOrderService {

    static final List<WorkOrderStatus> ACTIVE = List.of(WorkOrderStatus.OPEN, WorkOrderStatus.SUSPENDED);

    private final ModuleStore store;
    private final Clock clock;
    private final OrderCompletion completion;

    /** The customers module's register while it is installed; the account check is skipped without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountRegister accounts;

    @Activate
    public WorkOrderServiceImpl(@Reference MeteringUnit unit) {
        this(unit.store(), Clock.systemUTC());
    }

    WorkOrderServiceImpl(ModuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.completion = new OrderCompletion(store);
    }

    @Override
    public WorkOrderView create(Caller caller, NewWorkOrder order) {
        require(caller, MeteringRoles.DISPATCH);
        if (order == null) {
            throw new ValidationException("body", Texts.REQUIRED);
        }
        AccountRegister register = accounts;
        return write(caller, em -> {
            String account = Texts.clean(order.accountNumber());
            String installed = account == null ? null : new MeterRepository(em).installedAt(account).orElse(null);
            WorkOrder.Step step = WorkOrder.create(order, installed, caller.user(), now());
            if (register != null) {
                register.requireAccount(caller, step.order().accountNumber());
            }
            WorkOrderRepository orders = new WorkOrderRepository(em);
            WorkOrderEntity entity = orders.add(step.order());
            orders.step(entity.id(), step.action(), caller.user(), now(), step.note());
            return orders.view(entity);
        });
    }

    @Override
    public WorkOrderView order(Caller caller, long id) {
        require(caller, MeteringRoles.READ);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            WorkOrderEntity entity = orders.require(id);
            requireVisible(caller, entity.toOrder());
            return orders.view(entity);
        });
    }

    @Override
    public List<WorkOrderView> orders(Caller caller, WorkOrderStatus status, String worker) {
        require(caller, MeteringRoles.READ);
        // a field worker without a back-office role sees his own orders only
        String who = fieldOnly(caller) ? caller.user() : Texts.clean(worker);
        List<WorkOrderStatus> statuses = status == null ? List.of(WorkOrderStatus.values()) : List.of(status);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            return orders.list(statuses, who == null || who.isEmpty() ? null : who).stream().map(orders::view).toList();
        });
    }

    @Override
    public List<WorkOrderView> mine(Caller caller) {
        require(caller, MeteringRoles.FIELD);
        return store.read(caller.office(), em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            return orders.list(ACTIVE, caller.user()).stream().map(orders::view).toList();
        });
    }

    @Override
    public WorkOrderView scan(Caller caller, long id, String barcode, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        String b = MeterIdentity.barcode("barcode", barcode);
        return change(caller, id, (em, order) -> order.scan(new MeterRepository(em).require(b).toMeter(), caller.user()));
    }

    @Override
    public WorkOrderView recordFinalReadings(Caller caller, long id, FinalReadings readings) {
        require(caller, MeteringRoles.FIELD);
        RegisterValues values = RegisterValues.of(readings);
        return change(caller, id, (em, order) -> order.recordFinalReadings(values, caller.user()));
    }

    @Override
    public WorkOrderView complete(Caller caller, long id, Long residualBalanceFen, FieldContext where) {
        require(caller, MeteringRoles.FIELD);
        return change(caller, id, (em, order) -> {
            WorkOrder.Step step = order.complete(caller.user(), now());
            completion.moveMeters(em, caller, step.order(), residualBalanceFen, where, now());
            return step;
        });
    }

    @Override
    public WorkOrderView suspend(Caller caller, long id, String reason) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return change(caller, id, (em, order) -> flowing(caller, order).suspend(reason));
    }

    @Override
    public WorkOrderView resume(Caller caller, long id) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return change(caller, id, (em, order) -> flowing(caller, order).resume());
    }

    @Override
    public WorkOrderView handOver(Caller caller, long id, String worker, String note) {
        require(caller, MeteringRoles.ORDER_FLOW);
        return change(caller, id, (em, order) -> flowing(caller, order).handOver(worker, note));
    }

    @Override
    public WorkOrderView cancel(Caller caller, long id, String reason) {
        require(caller, MeteringRoles.DISPATCH);
        return change(caller, id, (em, order) -> order.cancel(reason));
    }

    /** Loads the order, applies the rule, stores the result and its history step. */
    private WorkOrderView change(Caller caller, long id, BiFunction<EntityManager, WorkOrder, WorkOrder.Step> rule) {
        return write(caller, em -> {
            WorkOrderRepository orders = new WorkOrderRepository(em);
            WorkOrderEntity entity = orders.require(id);
            WorkOrder order = entity.toOrder();
            requireVisible(caller, order);
            WorkOrder.Step step = rule.apply(em, order);
            entity.apply(step.order());
            orders.step(id, step.action(), caller.user(), now(), step.note());
            return orders.view(entity);
        });
    }

    /** A field worker may suspend, resume or hand over only his own orders; dispatchers any. */
    private static WorkOrder flowing(Caller caller, WorkOrder order) {
        if (fieldOnly(caller) && !order.isAssignedTo(caller.user())) {
            throw Problem.forbidden("work order " + order.id() + " is assigned to " + order.worker());
        }
        return order;
    }

    private static void requireVisible(Caller caller, WorkOrder order) {
        if (fieldOnly(caller) && !order.isAssignedTo(caller.user())) {
            throw Problem.notFound("work order " + order.id() + " of yours");
        }
    }

    private static boolean fieldOnly(Caller caller) {
        return !caller.hasAnyRole(MeteringRoles.array(MeteringRoles.DISPATCH)) && !caller.hasAnyRole("auditor");
    }

    /** A concurrent change of the same order (two phones) is a 409, not a 500. */
    private <T> T write(Caller caller, java.util.function.Function<EntityManager, T> work) {
        try {
            return store.write(caller.office(), work);
        } catch (OptimisticLockException | RollbackException e) {
            if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
                throw Problem.conflict("the work order was changed by someone else meanwhile; reload it and try again");
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
