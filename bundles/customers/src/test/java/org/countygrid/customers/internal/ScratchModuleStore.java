package org.countygrid.customers.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;
import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The module's real persistence unit and changelog on a throwaway database, without OSGi: what platform-data's
 * Database.open does, minus the outbox table. Published events are kept in memory and count only once their
 * transaction committed. The database is a private in-memory H2, or — with
 * {@code -Dcountygrid.test.postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} — a fresh schema
 * on that PostgreSQL server, dropped again at close.
 */
final class ScratchModuleStore implements ModuleStore {

    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    static final String POSTGRES_PROPERTY = "countygrid.test.postgres";

    private final DataSource dataSource;
    private final Runnable dropDatabase;
    private final EntityManagerFactory factory;
    private final List<DomainEvent> committed = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<DomainEvent>> pending = new ThreadLocal<>();

    ScratchModuleStore() {
        String postgres = System.getProperty(POSTGRES_PROPERTY, "");
        if (postgres.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:customers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
            dropDatabase = () -> execute(h2, "shutdown");
        } else {
            String schema = "cus_test_" + UUID.randomUUID().toString().replace("-", "");
            PGSimpleDataSource admin = new PGSimpleDataSource();
            admin.setURL(postgres);
            execute(admin, "create schema " + schema);
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(postgres);
            pg.setCurrentSchema(schema);
            pg.setReWriteBatchedInserts(true);
            dataSource = pg;
            dropDatabase = () -> execute(admin, "drop schema " + schema + " cascade");
        }
        migrate(CustomerServiceImpl.CHANGELOG);
        Map<String, Object> p = new HashMap<>();
        p.put(PersistenceUnitProperties.CLASSLOADER, getClass().getClassLoader());
        p.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        p.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        p.put(PersistenceUnitProperties.SESSION_NAME, "customers-test-" + UUID.randomUUID());
        p.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        factory = new PersistenceProvider().createEntityManagerFactory(CustomerServiceImpl.UNIT, p);
    }

    List<DomainEvent> events() {
        return List.copyOf(committed);
    }

    @Override
    public <T> T read(OfficeCode office, Function<EntityManager, T> work) {
        EntityManager em = entityManager(office);
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T write(OfficeCode office, Function<EntityManager, T> work) {
        EntityManager em = entityManager(office);
        EntityTransaction tx = em.getTransaction();
        pending.set(new ArrayList<>());
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            committed.addAll(pending.get());
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            pending.remove();
            em.close();
        }
    }

    @Override
    public void publish(EntityManager em, DomainEvent event) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("publish outside a transaction");
        }
        if (!event.office().value().equals(em.getProperties().get(OFFICE_PROPERTY))) {
            throw new IllegalArgumentException("event of another office");
        }
        pending.get().add(event);
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            dropDatabase.run();
        }
    }

    /** Counts rows of a table across all offices, for asserting what bypassing JPA would show. */
    long count(String table) {
        try (Connection c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource target, String sql) {
        try (Connection c = target.getConnection(); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private EntityManager entityManager(OfficeCode office) {
        return factory.createEntityManager(Map.of(OFFICE_PROPERTY, office.value()));
    }

    @SuppressWarnings("deprecation")
    private void migrate(String changelog) {
        try {
            Scope.child(Map.of(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE, Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.command.showSummaryOutput", "LOG"), () -> {
                Connection connection = dataSource.getConnection();
                var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database)) {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }
}
