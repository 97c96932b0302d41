package org.countygrid.platform.data;

import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.event.DomainEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module's persistence unit. Every entity manager it hands out is scoped to one office: entities are
 * {@code @Multitenant(SINGLE_TABLE)} with {@code @TenantDiscriminatorColumn(name = "office", contextProperty =
 * ModuleStore.OFFICE_PROPERTY)}, so reads and writes of another office's rows are impossible through JPA.
 * Native SQL (through the entity manager or {@link #dataSource()}) is not scoped: add {@code office = ?} yourself.
 * Return records or values from the work, not entities: the entity manager is closed when the work returns.
 */
@ProviderType
public interface ModuleStore extends AutoCloseable {

    /** The EclipseLink tenant property carrying the office code. */
    String OFFICE_PROPERTY = "countygrid.office";

    /** Runs read-only work; nothing is committed. */
    <T> T read(OfficeCode office, Function<EntityManager, T> work);

    /**
     * Runs work in one transaction: committed when it returns, rolled back entirely when it throws (the
     * exception is rethrown unchanged). When the commit itself breaks a unique or foreign key constraint the
     * caller gets a 409 {@link org.countygrid.platform.api.Problem} (the database error is its cause).
     */
    <T> T write(OfficeCode office, Function<EntityManager, T> work);

    /**
     * {@link #write(OfficeCode, Function)} for a change of something a user read before: when someone else changed
     * it meanwhile — a {@code @Version} check that failed, a row lock not granted in time (another transaction held
     * the row), a deadlock the database broke — the caller gets a 409 {@link Problem#stale}
     * saying that {@code what} ("the account", "work order 7") was changed meanwhile and to reload it, instead of a
     * 500. Nothing is committed.
     */
    default <T> T write(OfficeCode office, String what, Function<EntityManager, T> work) {
        try {
            return write(office, work);
        } catch (PersistenceException e) {
            if (SqlStates.isConcurrentChange(e)) {
                throw Problem.stale(what + " was changed by someone else meanwhile; reload it and try again");
            }
            throw e;
        }
    }

    /**
     * Appends the event to the outbox inside the transaction of {@code em} (call from within {@link #write}):
     * it commits or rolls back with the change. The event must belong to the office of the transaction.
     */
    void publish(EntityManager em, DomainEvent event);

    /** For bulk loads that bypass JPA; the caller keeps the office column right. */
    DataSource dataSource();

    @Override
    void close();
}
