package org.countygrid.integration;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The same customers persistence tests on PostgreSQL 15 (127.0.0.1:5432): the distribution switched by its
 * datasource configuration alone, on a database created empty for this run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends MeteringFieldTests {

    static final String CFG = "etc/org.ops4j.datasource-countygrid.cfg";

    @Configuration
    public Option[] config() throws SQLException {
        String url = System.getProperty("countygrid.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/countygrid_it");
        if (System.getProperty("karaf.base") == null) { // in the test driver, never inside the container
            recreate(url);
        }
        return new Option[] {
            Distribution.countyGrid(),
            editConfigurationFilePut(CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
            editConfigurationFilePut(CFG, "url", url + "?reWriteBatchedInserts=true"),
            editConfigurationFilePut(CFG, "user", "postgres"),
        };
    }

    /** Drops and creates the test database through the server's maintenance database (trust authentication). */
    private static void recreate(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }
}
