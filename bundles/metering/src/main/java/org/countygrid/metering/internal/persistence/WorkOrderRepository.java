package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.OrderFile;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.OrderFileView;
import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;

/** Work orders and their history steps of the office the entity manager is scoped to. */
public final class WorkOrderRepository {

    /** The orders under way: an account has at most one of them. */
    static final List<WorkOrderStatus> ACTIVE = List.of(WorkOrderStatus.OPEN, WorkOrderStatus.SUSPENDED);

    private final EntityManager em;

    public WorkOrderRepository(EntityManager em) {
        this.em = em;
    }

    public WorkOrderEntity require(long id) {
        return em.createQuery("select o from WorkOrderEntity o where o.id = :id", WorkOrderEntity.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound("work order " + id));
    }

    /**
     * Stores a new order now, so its id exists for the history step. {@code origin} is what asked for it from
     * elsewhere (e.g. an event), unique in the office, or null.
     */
    public WorkOrderEntity add(WorkOrder order, String origin) {
        WorkOrderEntity entity = new WorkOrderEntity(order, origin);
        em.persist(entity);
        em.flush();
        return entity;
    }

    /** The order made for this origin, if any. */
    public Optional<WorkOrderEntity> byOrigin(String origin) {
        return em.createQuery("select o from WorkOrderEntity o where o.origin = :o", WorkOrderEntity.class)
                .setParameter("o", origin).getResultStream().findFirst();
    }

    /** The open or suspended order of an account, if any (an account has at most one). */
    /** The ids of the orders under way (OPEN or SUSPENDED) other than {@code except} that have {@code barcode} scanned. */
    public List<Long> underWayWith(String barcode, long except) {
        return em.createQuery("select o.id from WorkOrderEntity o where o.newMeter = :b and o.id <> :id"
                + " and o.status in :s order by o.id", Long.class).setParameter("b", barcode).setParameter("id", except)
                .setParameter("s", List.of(WorkOrderStatus.OPEN, WorkOrderStatus.SUSPENDED)).getResultList();
    }

    public Optional<WorkOrderEntity> activeAt(String account) {
        return em.createQuery("select o from WorkOrderEntity o where o.accountNumber = :a and o.status in :s order by o.id",
                WorkOrderEntity.class).setParameter("a", account).setParameter("s", ACTIVE)
                .getResultStream().findFirst();
    }

    public void step(long orderId, String action, String actor, Instant at, String note) {
        em.persist(new WorkOrderStepEntity(orderId, action, actor, at, note));
    }

    /**
     * One page of the orders in these statuses (of this worker, when not null; older than {@code beforeId}, when not
     * null), newest first, and their total.
     */
    public Page<WorkOrderEntity> page(List<WorkOrderStatus> statuses, String worker, Long beforeId, int offset, int limit) {
        // the worker's condition only when there is one: "(:w is null or o.worker = :w)" kept the databases from
        // reading the board's columns by their index (mtr_work_order_status_ix)
        String where = " where o.status in :s and o.id < :b" + (worker == null ? "" : " and o.worker = :w");
        long before = beforeId == null ? Long.MAX_VALUE : beforeId;
        TypedQuery<Long> count = em.createQuery("select count(o) from WorkOrderEntity o" + where, Long.class);
        TypedQuery<WorkOrderEntity> items = em.createQuery("select o from WorkOrderEntity o" + where + " order by o.id desc",
                WorkOrderEntity.class);
        for (TypedQuery<?> q : List.of(count, items)) {
            q.setParameter("s", statuses).setParameter("b", before);
            if (worker != null) {
                q.setParameter("w", worker);
            }
        }
        return new Page<>(items.setFirstResult(offset).setMaxResults(limit).getResultList(), count.getSingleResult(),
                offset, limit);
    }

    /** All open and suspended orders of a worker (the phone's list), oldest first. */
    public List<WorkOrderEntity> activeOf(String worker) {
        return em.createQuery("select o from WorkOrderEntity o where o.status in :s and o.worker = :w order by o.id",
                WorkOrderEntity.class).setParameter("s", ACTIVE).setParameter("w", worker).getResultList();
    }

    /** The completed orders of an account, oldest first (their readings bound the installation periods). */
    public List<WorkOrder> completedAt(String account) {
        return em.createQuery("select o from WorkOrderEntity o where o.accountNumber = :a and o.status = :s order by o.id",
                WorkOrderEntity.class).setParameter("a", account).setParameter("s", WorkOrderStatus.COMPLETED)
                .getResultStream().map(o -> o.toOrder(Set.of())).toList();
    }

    /** The order as the domain sees it, with the meter photos kept for its current meters. */
    public WorkOrder order(WorkOrderEntity entity) {
        return entity.toOrder(photos(entity.id(), entity.toOrder(Set.of())));
    }

    public WorkOrderView view(WorkOrderEntity order) {
        return views(List.of(order)).get(0);
    }

    /**
     * The orders as shown, in the same order: their steps and files come with one query each for all of them (a page
     * of the board), not two per order.
     */
    public List<WorkOrderView> views(List<WorkOrderEntity> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        if (em.getTransaction().isActive()) {
            em.flush(); // steps added in this transaction appear, and the version is the stored one
        }
        List<Long> ids = orders.stream().map(WorkOrderEntity::id).toList();
        Map<Long, List<WorkOrderStep>> steps = em.createQuery("select s from WorkOrderStepEntity s"
                + " where s.orderId in :ids order by s.id", WorkOrderStepEntity.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.groupingBy(WorkOrderStepEntity::orderId,
                        Collectors.mapping(WorkOrderStepEntity::toView, Collectors.toList())));
        Map<Long, List<OrderFileView>> files = filesOf(ids);
        return orders.stream().map(o -> {
            List<OrderFileView> kept = files.getOrDefault(o.id(), List.of());
            return o.toView(photos(kept, o.toOrder(Set.of())), kept, steps.getOrDefault(o.id(), List.of()));
        }).toList();
    }

    /**
     * Keeps a file with the order; false when the same content of the same kind, of the same meter, is kept already
     * (a phone sending a photo twice). The same picture sent as the photo of another meter is a file of its own.
     */
    public boolean addFile(long orderId, OrderFileKind kind, String barcode, String contentType, byte[] content,
            String sha256, String by, Instant at, FieldContext where) {
        Long existing = em.createQuery("select count(f) from OrderFileEntity f where f.orderId = :o and f.kind = :k"
                + " and f.meterKey = :m and f.sha256 = :h", Long.class).setParameter("o", orderId).setParameter("k", kind)
                .setParameter("m", OrderFileEntity.meterKey(barcode)).setParameter("h", sha256).getSingleResult();
        if (existing > 0) {
            return false;
        }
        em.persist(new OrderFileEntity(orderId, kind, barcode, contentType, content, sha256, by, at, where));
        return true;
    }

    /** The files of an order without their content, oldest first. */
    public List<OrderFileView> files(long orderId) {
        return filesOf(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    /** The files of these orders without their content, by order, oldest first. */
    private Map<Long, List<OrderFileView>> filesOf(List<Long> orderIds) {
        List<Object[]> rows = em.createQuery("select f.orderId, f.kind, f.barcode, f.contentType, f.size, f.sha256,"
                + " f.createdBy, f.createdAt from OrderFileEntity f where f.orderId in :o order by f.id", Object[].class)
                .setParameter("o", orderIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).longValue(), Collectors.mapping(
                r -> new OrderFileView((OrderFileKind) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                        (String) r[5], (String) r[6], Columns.instant((LocalDateTime) r[7])),
                Collectors.toList())));
    }

    /** A file with its content; the newest of that digest (and kind, when given). */
    public Optional<OrderFile> file(long orderId, OrderFileKind kind, String sha256) {
        return em.createQuery("select f from OrderFileEntity f where f.orderId = :o and (:k is null or f.kind = :k)"
                + " and (:h is null or f.sha256 = :h) order by f.id desc", OrderFileEntity.class)
                .setParameter("o", orderId).setParameter("k", kind).setParameter("h", sha256).setMaxResults(1)
                .getResultStream().findFirst().map(OrderFileEntity::toFile);
    }

    /** The files of those kinds with their content, oldest first. */
    public List<OrderFile> contents(long orderId, Collection<OrderFileKind> kinds) {
        return em.createQuery("select f from OrderFileEntity f where f.orderId = :o and f.kind in :k order by f.id",
                OrderFileEntity.class).setParameter("o", orderId).setParameter("k", kinds).getResultStream()
                .map(OrderFileEntity::toFile).toList();
    }

    private Set<OrderFileKind> photos(long orderId, WorkOrder order) {
        return photos(files(orderId), order);
    }

    /** A photo counts for the order while the meter it shows is still the order's old or new meter. */
    private static Set<OrderFileKind> photos(List<OrderFileView> files, WorkOrder order) {
        Set<OrderFileKind> kinds = EnumSet.noneOf(OrderFileKind.class);
        for (OrderFileView f : files) {
            if (f.kind() == OrderFileKind.OLD_METER_PHOTO && Objects.equals(f.barcode(), order.oldMeter())
                    || f.kind() == OrderFileKind.NEW_METER_PHOTO && f.barcode() != null
                            && f.barcode().equals(order.newMeter())) {
                kinds.add(f.kind());
            }
        }
        return kinds;
    }
}
