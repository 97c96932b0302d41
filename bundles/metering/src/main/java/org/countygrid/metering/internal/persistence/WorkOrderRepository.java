package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.countygrid.metering.WorkOrderStatus;
import org.countygrid.metering.WorkOrderStep;
import org.countygrid.metering.WorkOrderView;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.platform.api.Problem;

/** Work orders and their history steps of the office the entity manager is scoped to. */
public final class WorkOrderRepository {

    private final EntityManager em;

    public WorkOrderRepository(EntityManager em) {
        this.em = em;
    }

    public WorkOrderEntity require(long id) {
        return em.createQuery("select o from WorkOrderEntity o where o.id = :id", WorkOrderEntity.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound("work order " + id));
    }

    /** Stores a new order now, so its id exists for the history step. */
    public WorkOrderEntity add(WorkOrder order) {
        WorkOrderEntity entity = new WorkOrderEntity(order);
        em.persist(entity);
        em.flush();
        return entity;
    }

    public void step(long orderId, String action, String actor, Instant at, String note) {
        em.persist(new WorkOrderStepEntity(orderId, action, actor, at, note));
    }

    public List<WorkOrderEntity> list(List<WorkOrderStatus> statuses, String worker) {
        return em.createQuery("select o from WorkOrderEntity o where o.status in :s and (:w is null or o.worker = :w)"
                + " order by o.id desc", WorkOrderEntity.class)
                .setParameter("s", statuses).setParameter("w", worker).setMaxResults(500).getResultList();
    }

    public WorkOrderView view(WorkOrderEntity order) {
        if (em.getTransaction().isActive()) {
            em.flush(); // steps added in this transaction appear, and the version is the stored one
        }
        List<WorkOrderStep> steps = em.createQuery("select s from WorkOrderStepEntity s where s.orderId = :id order by s.id",
                WorkOrderStepEntity.class).setParameter("id", order.id()).getResultStream()
                .map(WorkOrderStepEntity::toView).toList();
        return order.toView(steps);
    }
}
