package org.countygrid.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;

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
    static final String LATER = "countygrid_it_later";

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    SessionFactory sessionFactory;

    /** The PostgreSQL driver's factory inside the container, for this test's own maintenance connection. */
    @Inject
    @Filter("(osgi.jdbc.driver.name=PostgreSQL JDBC Driver)")
    DataSourceFactory postgresDriver;

    /**
     * County IT points the node at a database that is not there yet (or PostgreSQL starts after the node): the node
     * says so — health, the module's address, data:info, data:backup — keeps trying, and takes the database without a
     * restart when it is there. Then back to the test's own database.
     */
    @Test
    public void aDatabaseThatIsNotThereYetIsWaitedForAndTakenWhenItIs() throws Exception {
        // etc/org.ops4j.datasource-countygrid.cfg is a factory configuration of pax-jdbc-config (edited back by fileinstall)
        org.osgi.service.cm.Configuration[] found = configurations.listConfigurations(
                "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=countygrid))");
        assertThat(found).hasSize(1);
        org.osgi.service.cm.Configuration datasource = found[0];
        Dictionary<String, Object> original = datasource.getProperties();
        String url = (String) original.get("url");
        maintenance("DROP DATABASE IF EXISTS " + LATER + " WITH (FORCE)");
        Dictionary<String, Object> later = new Hashtable<>();
        for (String key : Collections.list(original.keys())) {
            later.put(key, original.get(key));
        }
        later.put("url", url.replaceFirst("/[a-z_]+\\?", "/" + LATER + "?"));
        Http admin = Http.as(TestUsers.ADMIN);
        Shell shell = new Shell(sessionFactory);
        try {
            datasource.update(later);

            Http.Reply waiting = Http.await(() -> Http.anonymous().get("/api/health"),
                    r -> r.body().contains("the database cannot be opened"), Duration.ofSeconds(90));
            assertThat(waiting.status()).as(waiting.body()).isEqualTo(503);
            assertThat(waiting.body()).doesNotContain(LATER, "5432"); // health is public: the details are for admins
            Http.Reply accounts = admin.get("/api/customers/accounts");
            assertThat(accounts.status()).as(accounts.body()).isEqualTo(503);
            assertThat(accounts.body()).contains("Nothing answers at this address while the node is not ready: the database cannot be opened");
            Shell.Result info = shell.run(TestUsers.ADMIN, "data:info", "admin", "office.QS");
            assertThat(info.ok()).as(info.output()).isTrue();
            assertThat(info.output()).contains("CANNOT BE OPENED", "database \"" + LATER + "\" does not exist (SQLSTATE 3D000)", "/" + LATER);
            Shell.Result backup = shell.run(TestUsers.ADMIN, "data:backup", "admin", "office.QS");
            assertThat(backup.ok()).isFalse();
            assertThat(backup.failure().getMessage()).contains("The database is not open (data:info says why); nothing was backed up.");

            maintenance("CREATE DATABASE " + LATER + " OWNER " + ROLE);

            Http.Reply up = Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() == 200, Duration.ofSeconds(90));
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            Http.Reply empty = Http.await(() -> admin.get("/api/customers/accounts"), r -> r.status() == 200, Duration.ofSeconds(30));
            assertThat(empty.json().get("total").asLong()).isZero(); // the new, empty database: migrated at once
            assertThat(shell.run(TestUsers.ADMIN, "data:info", "admin", "office.QS").output()).contains("PostgreSQL 15", LATER);
        } finally {
            datasource.update(original);
            Http.await(() -> admin.get("/api/customers/stations"), r -> r.status() == 200 && r.json().size() > 0, Duration.ofSeconds(90));
            maintenance("DROP DATABASE IF EXISTS " + LATER + " WITH (FORCE)");
        }
    }

    private void maintenance(String sql) throws SQLException {
        Properties properties = new Properties();
        properties.put(DataSourceFactory.JDBC_URL, "jdbc:postgresql://127.0.0.1:5432/postgres");
        properties.put(DataSourceFactory.JDBC_USER, "postgres");
        try (Connection c = postgresDriver.createDataSource(properties).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

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
