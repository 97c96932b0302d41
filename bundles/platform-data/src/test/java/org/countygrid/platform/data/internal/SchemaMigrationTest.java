package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import liquibase.resource.DirectoryResourceAccessor;

import org.junit.jupiter.api.io.TempDir;

/** An unchanged changelog does not run Liquibase again; a changed one does, and its new changeSets apply. */
class SchemaMigrationTest {

    static final String PATH = "db/changelog/test-digest.xml";

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
              <changeSet id="digest-1" author="countygrid">
                <createTable tableName="tdg_one"><column name="id" type="BIGINT"/></createTable>
              </changeSet>
            """;

    static final String SECOND = """
              <changeSet id="digest-2" author="countygrid">
                <createTable tableName="tdg_two"><column name="id" type="BIGINT"/></createTable>
              </changeSet>
            """;

    @TempDir
    Path dir;

    private DirectoryResourceAccessor changelog(String changeSets) throws IOException {
        Path file = dir.resolve(PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, changeSets + "</databaseChangeLog>\n", StandardCharsets.UTF_8);
        return new DirectoryResourceAccessor(dir);
    }

    @OnEachDatabase
    void anUnchangedChangelogSkipsLiquibaseAndAChangedOneRunsIt(Db db) throws Exception {
        try (Db.Open open = db.open()) {
            DataSource ds = open.dataSource();
            new DatabaseService(ds); // the platform's tables, cg_changelog_digest among them
            SchemaMigration migration = new SchemaMigration(ds);

            assertThat(migration.migrate(PATH, "test", changelog(HEAD))).as("first start").isTrue();
            assertThat(new SchemaMigration(ds).migrate(PATH, "test", changelog(HEAD))).as("restart, unchanged").isFalse();
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM cg_changelog_digest WHERE changelog = '" + PATH + "'"))
                    .isEqualTo(1);

            assertThat(new SchemaMigration(ds).migrate(PATH, "test", changelog(HEAD + SECOND))).as("upgrade").isTrue();
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM tdg_two")).isZero(); // the new table exists
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE filename = '" + PATH + "'"))
                    .isEqualTo(2);
            assertThat(new SchemaMigration(ds).migrate(PATH, "test", changelog(HEAD + SECOND))).isFalse();
        }
    }

    @OnEachDatabase
    void aDatabaseWithoutTheDigestTableStillMigrates(Db db) throws Exception {
        try (Db.Open open = db.open()) {
            // no DatabaseService: cg_changelog_digest does not exist, as in a database from before it
            SchemaMigration migration = new SchemaMigration(open.dataSource());

            assertThat(migration.migrate(PATH, "test", changelog(HEAD))).isTrue();
            assertThat(migration.migrate(PATH, "test", changelog(HEAD))).as("nothing remembered: run again").isTrue();
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tdg_one")).isZero();
        }
    }
}
