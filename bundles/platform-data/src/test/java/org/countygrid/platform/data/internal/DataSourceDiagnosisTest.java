package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What county IT is told when its datasource file yields no DataSource, where pax-jdbc-config says nothing. */
class DataSourceDiagnosisTest {

    private static final List<String> DRIVERS = List.of("H2 JDBC Driver", "PostgreSQL JDBC Driver");
    private static final String GOOD = """
            osgi.jdbc.driver.name = PostgreSQL JDBC Driver
            dataSourceName = countygrid
            url = jdbc:postgresql://127.0.0.1:5432/countygrid?reWriteBatchedInserts=true
            user = countygrid
            .password = secret
            """;

    @TempDir
    Path etc;

    private String reasonFor(String content) throws IOException {
        Path file = etc.resolve(DataSourceDiagnosis.FILE);
        if (content != null) {
            Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        } else {
            Files.deleteIfExists(file);
        }
        return new DataSourceDiagnosis(file, () -> DRIVERS).problem().orElseThrow();
    }

    @Test
    void eachMistakeIsNamedWithTheFileAndTheKey() throws IOException {
        assertThat(reasonFor(GOOD.replace("PostgreSQL JDBC Driver", "PostgreSQL JDBC Drvier"))).isEqualTo(
                "etc/org.ops4j.datasource-countygrid.cfg: osgi.jdbc.driver.name = 'PostgreSQL JDBC Drvier' is no installed JDBC driver;"
                        + " installed: H2 JDBC Driver, PostgreSQL JDBC Driver");
        assertThat(reasonFor(GOOD.replace("osgi.jdbc.driver.name = PostgreSQL JDBC Driver\n", "")))
                .startsWith("etc/org.ops4j.datasource-countygrid.cfg names no driver: set osgi.jdbc.driver.name to one of H2 JDBC Driver");
        assertThat(reasonFor(GOOD.replaceFirst("url = .*\n", "url =\n"))).startsWith("etc/org.ops4j.datasource-countygrid.cfg has no url");
        assertThat(reasonFor(GOOD.replaceFirst("url = .*\n", "url = postgres://127.0.0.1/cg?password=x\n")))
                .isEqualTo("etc/org.ops4j.datasource-countygrid.cfg: url = 'postgres://127.0.0.1/cg?password=***' is not a JDBC URL"
                        + " (jdbc:postgresql://<host>:5432/<database>, jdbc:h2:…)");
        assertThat(reasonFor("garbage\n%%%\n")).isEqualTo("etc/org.ops4j.datasource-countygrid.cfg must keep 'dataSourceName = countygrid', which it lacks");
        assertThat(reasonFor(null)).startsWith("etc/org.ops4j.datasource-countygrid.cfg is missing: copy it back");
        assertThat(reasonFor(GOOD)).isEqualTo("pax-jdbc-config has not made the DataSource of etc/org.ops4j.datasource-countygrid.cfg"
                + " (its lines in the node's log say why)");
    }

    @Test
    void withADataSourceThereIsNothingToSay() throws IOException {
        Path file = etc.resolve(DataSourceDiagnosis.FILE);
        DataSourceDiagnosis diagnosis = new DataSourceDiagnosis(file, () -> DRIVERS);
        assertThat(diagnosis.problem()).isPresent();
        javax.sql.DataSource ds = TestDatabases.h2();

        diagnosis.bindDataSource(ds);

        assertThat(diagnosis.problem()).isEmpty();
        assertThat(diagnosis.blocker()).isEmpty();
        diagnosis.unbindDataSource(ds);
        assertThat(diagnosis.blocker()).isPresent();
    }
}
