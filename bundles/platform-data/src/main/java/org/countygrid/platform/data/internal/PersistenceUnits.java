package org.countygrid.platform.data.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;

/** Builds a module's EclipseLink factory the way that works inside OSGi (STACK.md "EclipseLink inside OSGi"). */
final class PersistenceUnits {

    private static final AtomicLong SESSIONS = new AtomicLong();
    static final int QUERY_RETRIES = 1;

    private PersistenceUnits() {
    }

    /**
     * @param classLoader the module bundle's class loader: it finds the module's META-INF/persistence.xml and
     *                    entity classes, and nothing of other modules
     */
    static EntityManagerFactory create(String unitName, ClassLoader classLoader, DataSource dataSource) {
        EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory(unitName, properties(unitName, classLoader, dataSource));
        if (factory == null) {
            throw new IllegalStateException("no persistence unit '" + unitName + "' in the module's META-INF/persistence.xml");
        }
        try {
            factory.getMetamodel(); // deploys now, so mapping errors fail the module's activation, not its first request
            // a read that fails for the connection is tried once more (a connection the database closed is replaced by
            // the pool), not three times: with the pool's 5-s wait, a request learns in 10 s that the database is
            // gone (a 503), not in 40
            JpaHelper.getServerSession(factory).getLogin().setQueryRetryAttemptCount(QUERY_RETRIES);
        } catch (RuntimeException e) {
            factory.close();
            throw new IllegalStateException("persistence unit '" + unitName + "' cannot be built: " + e.getMessage(), e);
        }
        return factory;
    }

    static Map<String, Object> properties(String unitName, ClassLoader classLoader, DataSource dataSource) {
        Map<String, Object> p = new HashMap<>();
        p.put(PersistenceUnitProperties.CLASSLOADER, classLoader);
        p.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        p.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
        p.put(PersistenceUnitProperties.WEAVING, "false");
        p.put(PersistenceUnitProperties.BATCH_WRITING, "JDBC");
        p.put(PersistenceUnitProperties.BATCH_WRITING_SIZE, "1000");
        p.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger"); // java.util.logging, which pax-logging collects
        // errors only, and no exception logged before it is thrown: the caller reports it once (a database gone away
        // wrote about 265 lines, three stack traces, per failed request: EclipseLink's INFO "attempting to retry" and
        // its WARNING with the exception, and the REST error)
        p.put(PersistenceUnitProperties.LOGGING_LEVEL, "SEVERE");
        p.put(PersistenceUnitProperties.LOGGING_EXCEPTIONS, "false");
        p.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE); // Liquibase owns the schema
        // no cache shared between offices' entity managers: multitenant rows stay in their own unit of work
        p.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        // EclipseLink keeps deployed units by session name; a fresh name per factory means a factory built
        // after a DataSource switch never reuses a session bound to the old DataSource
        p.put(PersistenceUnitProperties.SESSION_NAME, unitName + "-" + SESSIONS.incrementAndGet());
        return p;
    }
}
