package org.countygrid.platform.data.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.event.DomainEvent;
import org.countygrid.platform.data.ModuleStore;

/** A module's EclipseLink unit, handing out entity managers scoped to one office. */
final class JpaModuleStore implements ModuleStore {

    private static final String INSERT_EVENT = "INSERT INTO cg_outbox (office, type, version, subject, occurred_at, payload) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final String unitName;
    private final EntityManagerFactory factory;
    private final DataSource dataSource;
    private final Clock clock;
    private final Consumer<JpaModuleStore> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    JpaModuleStore(String unitName, EntityManagerFactory factory, DataSource dataSource, Clock clock, Consumer<JpaModuleStore> onClose) {
        this.unitName = unitName;
        this.factory = factory;
        this.dataSource = dataSource;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public <T> T read(OfficeCode office, Function<EntityManager, T> work) {
        EntityManager em = entityManager(office);
        try {
            return work.apply(em);
        } catch (RuntimeException e) {
            // a database gone away is a 503 to try again (REST and the shell tell it in one line), not a server error
            throw StoreErrors.translate(e);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T write(OfficeCode office, Function<EntityManager, T> work) {
        EntityManager em = entityManager(office);
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            T result;
            try {
                result = work.apply(em);
                tx.commit();
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw StoreErrors.translate(e);
            } catch (Error e) {
                rollback(tx, e);
                throw e;
            }
            return result;
        } finally {
            em.close();
        }
    }

    @Override
    public void publish(EntityManager em, DomainEvent event) {
        Objects.requireNonNull(event, "event");
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("publish " + event.type() + " inside ModuleStore.write(...), where a transaction is open");
        }
        Object office = em.getProperties().get(OFFICE_PROPERTY);
        if (!event.office().value().equals(office)) {
            throw new IllegalArgumentException("event " + event.type() + " of office " + event.office()
                    + " published in a transaction of office " + office);
        }
        // a native statement runs on the transaction's connection, so the row commits or rolls back with the change
        em.createNativeQuery(INSERT_EVENT)
                .setParameter(1, event.office().value())
                .setParameter(2, event.type())
                .setParameter(3, event.version())
                .setParameter(4, event.subject())
                .setParameter(5, Timestamp.from(clock.instant()))
                .setParameter(6, EventJson.toJson(event))
                .executeUpdate();
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                factory.close();
            } finally {
                onClose.accept(this);
            }
        }
    }

    String unitName() {
        return unitName;
    }

    private EntityManager entityManager(OfficeCode office) {
        Objects.requireNonNull(office, "office");
        if (closed.get()) {
            // the module is being restarted (reconfigured, updated, or its database switched): a request that
            // still reached the old instance is told to retry, not that the server failed
            throw new Problem(503, "Service Unavailable", "the " + unitName + " module is restarting; try again in a moment");
        }
        return factory.createEntityManager(Map.of(OFFICE_PROPERTY, office.value()));
    }

    private static void rollback(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
