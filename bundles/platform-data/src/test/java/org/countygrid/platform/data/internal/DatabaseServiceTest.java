package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.ModuleStore;
import org.junit.jupiter.api.Test;

/** Migrations: the platform's own tables, module changelogs, their naming rule and modules starting together. */
class DatabaseServiceTest {

    static final ClassLoader LOADER = DatabaseServiceTest.class.getClassLoader();

    @OnEachDatabase
    void activationCreatesThePlatformTablesOnce(Db db) {
        try (Db.Open open = db.open()) {
            DataSource ds = open.dataSource();
            DatabaseService database = new DatabaseService(ds);
            new DatabaseService(ds); // a restart on the same database

            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_office")).isZero();
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_outbox")).isZero();
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_outbox_cursor WHERE last_position = 0")).isEqualTo(1);
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE filename = 'db/changelog/platform.xml'")).isEqualTo(5);
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_outbox_held")).isZero();
            assertThat(database.productName()).isEqualTo(db == Db.H2 ? "H2" : "PostgreSQL");
        }
    }

    @OnEachDatabase
    void twoModulesOpeningAtOnceBothGetTheirTables(Db db) throws Exception {
        try (Db.Open open = db.open()) {
            DatabaseService database = new DatabaseService(open.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<ModuleStore> notes = () -> database.open("test-notes", LOADER, "db/changelog/test-notes.xml");
                Callable<ModuleStore> tags = () -> database.open("test-tags", LOADER, "db/changelog/test-tags.xml");
                List<Future<ModuleStore>> opened = pool.invokeAll(List.of(notes, tags));
                try (ModuleStore noteStore = opened.get(0).get(); ModuleStore tagStore = opened.get(1).get()) {
                    noteStore.write(ModuleStoreTest.A, em -> {
                        em.persist(new Note("n1", "x"));
                        return null;
                    });
                    tagStore.write(ModuleStoreTest.A, em -> {
                        em.persist(new Tag("urgent"));
                        return null;
                    });
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tst_note")).isEqualTo(1);
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tsg_tag")).isEqualTo(1);
        }
    }

    @Test
    void aChangelogMustBeNamedAfterItsModule() {
        try (Db.Open open = Db.H2.open()) {
            DatabaseService database = new DatabaseService(open.dataSource());

            assertThatThrownBy(() -> database.open("test-notes", LOADER, "db/notes.xml"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db/changelog/<module>.xml");
            assertThatThrownBy(() -> database.open("test-notes", LOADER, "db/changelog/platform.xml"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aChangelogPathBelongsToOneBundle() {
        try (Db.Open open = Db.H2.open()) {
            new DatabaseService(open.dataSource());
            SchemaMigration migration = new SchemaMigration(open.dataSource());
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(LOADER);
            migration.migrate("db/changelog/test-notes.xml", "org.countygrid.notes", resources);
            migration.migrate("db/changelog/test-notes.xml", "org.countygrid.notes", resources); // the same bundle again

            assertThatThrownBy(() -> migration.migrate("db/changelog/test-notes.xml", "org.countygrid.other", resources))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to org.countygrid.notes");
        }
    }

    @Test
    void aMissingUnitOrChangelogFailsTheOpenClearly() {
        try (Db.Open open = Db.H2.open()) {
            DatabaseService database = new DatabaseService(open.dataSource());

            assertThatThrownBy(() -> database.open("test-notes", LOADER, "db/changelog/nothing-here.xml"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("db/changelog/nothing-here.xml");
            assertThatThrownBy(() -> database.open("no-such-unit", LOADER, "db/changelog/test-notes.xml"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-unit");
        }
    }

    @Test
    void deactivationClosesStoresTheirModulesLeftOpen() {
        try (Db.Open open = Db.H2.open()) {
            DatabaseService database = new DatabaseService(open.dataSource());
            ModuleStore store = database.open("test-notes", LOADER, "db/changelog/test-notes.xml");

            database.deactivate();

            assertThatThrownBy(() -> store.read(ModuleStoreTest.A, em -> null)).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.status()).isEqualTo(503));
        }
    }

    @org.junit.jupiter.api.Test
    void theDatabaseNameIsReadFromAServerUrl() {
        assertThat(DatabaseService.nameIn("jdbc:postgresql://127.0.0.1:5432/probe_a?reWriteBatchedInserts=true")).isEqualTo("probe_a");
        assertThat(DatabaseService.nameIn("jdbc:postgresql://db.example/cg (and 49 connection properties)")).isEqualTo("cg");
        assertThat(DatabaseService.nameIn("jdbc:h2:async:/srv/countygrid/data/h2/countygrid")).isEqualTo("countygrid");
    }
}
