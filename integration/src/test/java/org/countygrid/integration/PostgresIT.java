package org.countygrid.integration;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The same customers persistence tests on PostgreSQL 15 (127.0.0.1:5432): the distribution switched as README tells
 * county IT to — the shipped {@code etc/org.ops4j.datasource-countygrid.cfg.postgresql} copied over the datasource
 * file with its URL, user and {@code .password} set — on a database created empty for this run and owned by a role
 * of its own with a password, not by the superuser. (This machine's PostgreSQL trusts connections from 127.0.0.1,
 * so it does not check that password: the run proves the shipped file's keys and a non-superuser owner, not that
 * the password reaches the server.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends MeteringFieldTests {

    static final String CFG = "etc/org.ops4j.datasource-countygrid.cfg";
    static final String SHIPPED = "../assembly/src/main/resources/assembly/etc/org.ops4j.datasource-countygrid.cfg.postgresql";
    static final String ROLE = "countygrid_it";

    @Configuration
    public Option[] config() throws SQLException, IOException {
        String url = System.getProperty("countygrid.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/countygrid_it");
        File datasource = new File("target/it-datasource.cfg");
        if (System.getProperty("karaf.base") == null) { // in the test driver, never inside the container
            String password = java.util.UUID.randomUUID().toString();
            recreate(url, password);
            Files.writeString(datasource.toPath(), switched(url, password), StandardCharsets.ISO_8859_1);
        }
        return new Option[] {
            Distribution.countyGrid(),
            replaceConfigurationFile(CFG, datasource),
        };
    }

    /** The shipped example with this run's URL, role and password, as county IT edits it. */
    private static String switched(String url, String password) throws IOException {
        String shipped = Files.readString(new File(SHIPPED).toPath(), StandardCharsets.ISO_8859_1);
        String edited = shipped
                .replace("url = jdbc:postgresql://127.0.0.1:5432/countygrid?", "url = " + url + "?")
                .replace("\nuser = countygrid\n", "\nuser = " + ROLE + "\n")
                .replace("\n.password =\n", "\n.password = " + password + "\n");
        if (!edited.contains("url = " + url + "?") || !edited.contains("user = " + ROLE + "\n")
                || !edited.contains(".password = " + password)) {
            throw new IllegalStateException(SHIPPED + " no longer has the url, user and .password lines README names");
        }
        return edited;
    }

    /**
     * Drops and creates the test database and its owner through the server's maintenance database (as postgres,
     * trusted on 127.0.0.1).
     */
    private static void recreate(String url, String password) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + ROLE);
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
        }
    }
}
