package org.countygrid.platform.testing;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import liquibase.Scope;
import liquibase.ui.LoggerUIService;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.internal.DatabaseService;

/**
 * The module's real persistence unit and changelog, opened by platform-data's own {@link DatabaseService} outside
 * OSGi on a throwaway {@link TestDatabase} (in-memory H2, or PostgreSQL with {@code -Dcountygrid.test.postgres}). Events go to the real outbox; those whose transaction committed
 * are also kept as objects, for assertions.
 */
public final class RecordingModuleStore implements ModuleStore {

    /** Held so the levels stick: java.util.logging keeps loggers only weakly. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("liquibase"),
            java.util.logging.Logger.getLogger("org.eclipse.persistence"));

    static {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    }

    private final TestDatabase database;
    private final DataSource dataSource;
    private final ModuleStore store;
    private final List<DomainEvent> committed = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<DomainEvent>> pending = new ThreadLocal<>();

    /**
     * @param unit      the module's persistence unit name (META-INF/persistence.xml)
     * @param changelog its Liquibase changelog resource
     * @param loader    the class loader that sees both (the test's)
     */
    public RecordingModuleStore(String unit, String changelog, ClassLoader loader) {
        database = TestDatabase.create(unit);
        dataSource = database.dataSource();
        store = quietly(() -> new DatabaseService(dataSource).open(unit, loader, changelog));
    }

    public List<DomainEvent> events() {
        return List.copyOf(committed);
    }

    @Override
    public <T> T read(OfficeCode office, Function<EntityManager, T> work) {
        return store.read(office, work);
    }

    @Override
    public <T> T write(OfficeCode office, Function<EntityManager, T> work) {
        List<DomainEvent> published = new ArrayList<>();
        pending.set(published);
        try {
            T result = store.write(office, work);
            committed.addAll(published);
            return result;
        } finally {
            pending.remove();
        }
    }

    @Override
    public void publish(EntityManager em, DomainEvent event) {
        store.publish(em, event); // checks the transaction and the office, and writes the outbox row
        pending.get().add(event);
    }

    @Override
    public DataSource dataSource() {
        return store.dataSource();
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            database.close();
        }
    }

    /** Counts rows of a table across all offices, for asserting what bypassing JPA would show. */
    public long count(String table) {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Liquibase's update summary goes to its log, not to the test output, as with a module in Karaf. */
    private static ModuleStore quietly(Scope.ScopedRunnerWithReturn<ModuleStore> open) {
        try {
            return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummaryOutput", "LOG"), open);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
