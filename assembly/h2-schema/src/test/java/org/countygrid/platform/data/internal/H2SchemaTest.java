package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liquibase.resource.ClassLoaderResourceAccessor;

/** The database the build ships: every changelog applied and remembered, and no row of any office. */
class H2SchemaTest {

    @TempDir
    Path work;

    private Path shipped() throws Exception {
        Path built = Path.of("target/classes/countygrid-h2-schema.mv.db");
        assertThat(built).as("built by the exec step of process-classes").exists();
        Path copy = work.resolve("countygrid.mv.db");
        Files.copy(built, copy);
        return work.resolve("countygrid");
    }

    @Test
    void aNodeStartingOnItRunsNoChangelogAgain() throws Exception {
        SchemaMigration start = new SchemaMigration(H2Schema.dataSource(shipped()));
        for (String changelog : H2Schema.CHANGELOGS) {
            assertThat(start.migrate(changelog, "node", new ClassLoaderResourceAccessor(getClass().getClassLoader())))
                    .as(changelog).isFalse();
        }
    }

    @Test
    void itHoldsEveryModulesTablesAndNoData() throws Exception {
        try (Connection c = H2Schema.dataSource(shipped()).getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertThat(tables).contains("CG_OUTBOX", "CG_CHANGELOG_DIGEST", "CUS_ACCOUNT", "MTR_METER", "MTR_READING");
            for (String table : List.of("CG_OFFICE", "CG_OUTBOX", "CUS_ACCOUNT", "CUS_STATION", "MTR_METER", "MTR_WORK_ORDER")) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    assertThat(r.getLong(1)).as(table).isZero();
                }
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cg_changelog_digest")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(H2Schema.CHANGELOGS.size());
            }
        }
    }
}
