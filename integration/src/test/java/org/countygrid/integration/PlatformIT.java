package org.countygrid.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution on its embedded defaults (H2): boot and health, the customers persistence tests, a meter
 * replacement through the metering mobile API (MeteringFieldTests), features
 * installed and removed while running, shell commands and their ACLs, hot-deployed integration routes fed by the
 * outbox relay, and the console's panel list.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends MeteringFieldTests {

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    org.osgi.service.cm.ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return new Option[] { Distribution.countyGrid() };
    }

    @Test
    public void healthReportsTheOfficeVersionAndInstalledFeatures() {
        JsonNode health = Http.anonymous().get("/api/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("office").asText()).isEqualTo("QS");
        assertThat(health.get("version").asText()).isEqualTo(System.getProperty("countygrid.version", "0.1.0.SNAPSHOT").replace('-', '.'));
        assertThat(health.get("features").toString()).contains("countygrid-platform", "countygrid-customers", "countygrid-office-all");
        assertThat(health.get("features").toString()).doesNotContain("countygrid-demo");
    }

    @Test
    public void theApiDocumentCoversTheInstalledModules() {
        assertThat(Http.anonymous().get("/api/openapi.json").status()).as("a map of the node: for staff only").isEqualTo(401);
        Http.Reply wadl = Http.anonymous().get("/api/customers/stations?_wadl");
        assertThat(wadl.status()).as("CXF's WADL, which no filter sees: off").isEqualTo(404);
        assertThat(wadl.contentType()).startsWith("application/problem+json");
        Http.Reply doc = Http.as(TestUsers.AUDITOR_QS).get("/api/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/customers/accounts")).as(doc.body()).isTrue();
        assertThat(doc.json().get("paths").has("/integration/routes")).isTrue();
    }

    @Test
    public void panelsAreFilteredByRoleAndOffice() {
        assertThat(Http.anonymous().get("/api/console/panels").status()).isEqualTo(401);
        String auditor = Http.as(TestUsers.AUDITOR_QS).get("/api/console/panels").body();
        assertThat(auditor).contains("\"customers\"", "\"routes\"", "\"cluster\"");
        String field = Http.as(TestUsers.FIELD_QS).get("/api/console/panels").body();
        assertThat(field).contains("\"customers\"").doesNotContain("\"routes\"").doesNotContain("\"cluster\"");
        assertThat(Http.as(TestUsers.OPERATOR_QS).get("/api/integration/routes").status()).isEqualTo(403);
        assertThat(Http.as(TestUsers.AUDITOR_QS).get("/api/cluster/nodes").status()).isEqualTo(200);
        // and by office: this node serves QS, so its routes are not for an admin of QT, who still has the modules
        String otherOffice = Http.as(TestUsers.ADMIN_QT).get("/api/console/panels").body();
        assertThat(otherOffice).contains("\"customers\"").doesNotContain("\"routes\"");
        Http.Reply routes = Http.as(TestUsers.ADMIN_QT).get("/api/integration/routes");
        assertThat(routes.status()).isEqualTo(403);
        assertThat(routes.body()).contains("the routes of this node are for the staff of office QS");
        // the cluster's nodes likewise: this node serves QS, so QT's admin sees none of its nodes
        assertThat(Http.as(TestUsers.AUDITOR_QS).get("/api/cluster/nodes").json()).hasSize(1);
        Http.Reply nodes = Http.as(TestUsers.ADMIN_QT).get("/api/cluster/nodes");
        assertThat(nodes.status()).isEqualTo(200);
        assertThat(nodes.json()).as(nodes.body()).isEmpty();
    }

    @Test
    public void overJmxAnAuditorReadsTheNodeButNoConfigurationsPropertiesAndAdminDoes() throws Exception {
        String name = System.getProperty("karaf.name");
        // the ports as this node runs them (the test container may move them off 1099 and 44444)
        java.util.Dictionary<String, Object> management = configurations.getConfiguration("org.apache.karaf.management", null)
                .getProperties();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.get("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.get("rmiRegistryPort") + "/karaf-" + name);
        String datasource = "org.ops4j.datasource~countygrid";
        ObjectName config = new ObjectName("org.apache.karaf:type=config,name=" + name);
        String[] oneString = { String.class.getName() };
        try (JMXConnector auditor = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] { TestUsers.AUDITOR_QS, TestUsers.PASSWORD }))) {
            MBeanServerConnection jmx = auditor.getMBeanServerConnection();
            assertThat(jmx.getAttribute(new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage")).isNotNull();
            assertThatThrownBy(() -> jmx.invoke(config, "listProperties", new Object[] { datasource }, oneString))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> jmx.invoke(config, "getProperty", new Object[] { datasource, "password" },
                    new String[] { String.class.getName(), String.class.getName() })).isInstanceOf(SecurityException.class);
            ObjectName cm = jmx.queryNames(new ObjectName("osgi.compendium:service=cm,*"), null).iterator().next();
            assertThatThrownBy(() -> jmx.invoke(cm, "getProperties", new Object[] { datasource }, oneString))
                    .isInstanceOf(SecurityException.class);
        }
        try (JMXConnector admin = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] { TestUsers.ADMIN, TestUsers.PASSWORD }))) {
            assertThat(String.valueOf(admin.getMBeanServerConnection().invoke(config, "listProperties",
                    new Object[] { datasource }, oneString))).contains("url=jdbc:");
        }
    }

    @Test
    public void fiveWrongPasswordsLockALoginForEveryWayInUntilAnAdminUnlocksIt() {
        Http guessing = Http.as(TestUsers.LOCKED_QS, "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(guessing.get("/api/customers/accounts?limit=1").status()).isEqualTo(401);
        }
        Http right = Http.as(TestUsers.LOCKED_QS, TestUsers.PASSWORD);
        Http.Reply locked = right.get("/api/customers/accounts?limit=1");
        assertThat(locked.status()).as("the right password while locked").isEqualTo(429);
        assertThat(locked.contentType()).contains("application/problem+json");
        assertThat(locked.body()).contains("user lock_qs is locked for 15 more minute(s)");
        assertThat(Http.raw("GET /api/customers/accounts?limit=1 HTTP/1.1", Http.basic(TestUsers.LOCKED_QS)))
                .as("a client retrying by itself is told to wait").startsWith("HTTP/1.1 429").contains("Retry-After: 60");
        Http.Reply console = Http.anonymous().post("/api/auth/login",
                Http.json(java.util.Map.of("username", TestUsers.LOCKED_QS, "password", TestUsers.PASSWORD)));
        assertThat(console.status()).as("the console's login is locked too").isEqualTo(429);
        assertThat(Http.anonymous().get("/api/health").status()).isEqualTo(200);

        Shell shell = new Shell(sessionFactory);
        Shell.Result listed = shell.run(TestUsers.ADMIN, "staff:login-locks", "admin", "office.QS");
        assertThat(listed.output()).contains("lock_qs");
        Shell.Result unlocked = shell.run(TestUsers.ADMIN, "staff:user-unlock " + TestUsers.LOCKED_QS, "admin", "office.QS");
        assertThat(unlocked.ok()).as(String.valueOf(unlocked.failure())).isTrue();
        assertThat(right.get("/api/customers/accounts?limit=1").status()).isEqualTo(200);
    }

    /**
     * The shell's logins (SSH, bin/client) as Karaf's SSH server makes them, through the node's realm: for
     * the staff of the node's office only, and wrong passwords there count towards the web's lock of the name.
     */
    @Test
    public void theShellIsForTheNodesOfficeAndItsWrongPasswordsLockTheNameOnTheWebToo() throws Exception {
        assertThat(shellLogin(TestUsers.ADMIN, TestUsers.PASSWORD)).isEqualTo("ok");
        assertThat(shellLogin(TestUsers.ADMIN_QT, TestUsers.PASSWORD)).as("an admin of another office, refused in the"
                + " words of a wrong password (the log says why)").isEqualTo("FailedLoginException: login failed");
        assertThat(Http.as(TestUsers.ADMIN_QT).get("/api/auth/me").status()).as("the web serves every office").isEqualTo(200);

        Shell shell = new Shell(sessionFactory);
        Shell.Result added = shell.run(TestUsers.ADMIN, "staff:user-add sshguess Ssh-Guess-2026 QS auditor ssh", "admin", "office.QS");
        assertThat(added.ok()).as(String.valueOf(added.failure())).isTrue();
        Thread.sleep(2_500); // the realm's users are read at most every 2 s
        for (int i = 0; i < 5; i++) {
            assertThat(shellLogin("sshguess", "wrong-" + i)).doesNotContain("locked");
        }
        assertThat(shellLogin("sshguess", "Ssh-Guess-2026")).as("the right password while locked").contains("is locked for");
        assertThat(Http.as("sshguess", "Ssh-Guess-2026").get("/api/auth/me").status()).isEqualTo(429);
        assertThat(shell.run(TestUsers.ADMIN, "staff:user-unlock sshguess", "admin", "office.QS").ok()).isTrue();
        assertThat(shellLogin("sshguess", "Ssh-Guess-2026")).isEqualTo("ok");
        assertThat(shell.run(TestUsers.ADMIN, "staff:user-remove sshguess", "admin", "office.QS").ok()).isTrue();
    }

    /** "ok", or the refusal, of a login to the shell's realm (sshRealm "countygrid") as Karaf's SSH server makes one. */
    private static String shellLogin(String user, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader()); // where Karaf's ProxyLoginModule lives
        try {
            new javax.security.auth.login.LoginContext("countygrid", new javax.security.auth.Subject(), callbacks -> {
                for (javax.security.auth.callback.Callback c : callbacks) {
                    if (c instanceof javax.security.auth.callback.NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof javax.security.auth.callback.PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new javax.security.auth.callback.UnsupportedCallbackException(c);
                    }
                }
            }).login();
            return "ok";
        } catch (javax.security.auth.login.LoginException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    public void aNewPasswordOrARemovedUserEndsTheConsoleSessionsOpenedBefore() throws Exception {
        Shell shell = new Shell(sessionFactory);
        Shell.Result added = shell.run(TestUsers.ADMIN, "staff:user-add leaver Quit-Job-2026 QS operator", "admin", "office.QS");
        assertThat(added.ok()).as(String.valueOf(added.failure())).isTrue();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Http.BASE + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"leaver\",\"password\":\"Quit-Job-2026\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        java.net.http.HttpRequest accounts = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Http.BASE + "/api/customers/accounts?limit=1")).header("Accept", "application/json").GET().build();
        assertThat(browser.send(accounts, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // a new password given by an admin ends the sessions opened with the old one, at once
        Shell.Result renewed = shell.run(TestUsers.ADMIN, "staff:user-password leaver Quit-Job-2026-b", "admin", "office.QS");
        assertThat(renewed.ok()).as(String.valueOf(renewed.failure())).isTrue();
        assertThat(browser.send(accounts, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the session opened with the old password").isEqualTo(401);
        assertThat(Http.as("leaver", "Quit-Job-2026").get("/api/customers/accounts?limit=1").status()).isEqualTo(401);
        java.net.http.HttpResponse<String> again = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Http.BASE + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"leaver\",\"password\":\"Quit-Job-2026-b\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(browser.send(accounts, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Shell.Result removed = shell.run(TestUsers.ADMIN, "staff:user-remove leaver", "admin", "office.QS");
        assertThat(removed.ok()).as(String.valueOf(removed.failure())).isTrue();
        Thread.sleep(2_500); // the realm's users are read at most every 2 s

        java.net.http.HttpResponse<String> after = browser.send(accounts, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the session of a removed user").isEqualTo(401);
        assertThat(after.body()).contains("Your session has ended");
    }

    @Test
    public void shellCommandsRunWithTheUsersRoles() {
        Shell shell = new Shell(sessionFactory);
        Shell.Result list = shell.run(TestUsers.OPERATOR_QS, "customers:account-list --limit 5", "operator", "office.QS");
        assertThat(list.ok()).as(String.valueOf(list.failure())).isTrue();
        assertThat(list.output()).contains("Number");

        Shell.Result bad = shell.run(TestUsers.OPERATOR_QS, "customers:account-show 12", "operator", "office.QS");
        assertThat(bad.output() + bad.failure()).contains("10 digits").doesNotContain("\tat ");

        Shell.Result denied = shell.run(TestUsers.AUDITOR_QS, "customers:account-close 3300000201 --reason x", "auditor", "office.QS");
        assertThat(denied.ok()).as("auditors may not close accounts").isFalse();

        Shell.Result notAdmin = shell.run(TestUsers.OPERATOR_QS, "feature:list", "operator", "office.QS");
        assertThat(notAdmin.ok()).as("only admin may run feature:*").isFalse();
        Shell.Result admin = shell.run(TestUsers.ADMIN, "feature:list -i", "admin", "office.QS");
        assertThat(admin.ok()).as(String.valueOf(admin.failure())).isTrue();

        // a shell user (role ssh) who is no admin: commands no ACL names (karaf.secured.command.compulsory.roles=admin),
        // files, and Java calls into the framework are refused as such; help and the harmless shell commands work
        for (String adminOnly : List.of("scr:list", "log:set DEBUG", "camel:route-list", "service:list", "shell:exec ls",
                "shell:cat etc/users.properties", "shell:less etc/users.properties", "shell:grep . etc/users.properties",
                "shell:sort etc/users.properties", "shell:wc etc/users.properties", "shell:history",
                "shell:echo x >> data/it-redirect.txt", "($.context bundles) length")) {
            Shell.Result result = shell.run(TestUsers.OPERATOR_QS, adminOnly, "operator", "ssh", "office.QS");
            assertThat(result.failure()).as(adminOnly + " is for admin only").isNotNull()
                    .satisfiesAnyOf(f -> assertThat(f).isInstanceOf(SecurityException.class)
                            .hasMessage("Insufficient credentials."),
                            f -> assertThat(f.getClass().getSimpleName()).isEqualTo("CommandNotFoundException"));
        }
        assertThat(Paths.get(System.getProperty("karaf.data"), "it-redirect.txt")).doesNotExist();
        assertThat(shell.run(TestUsers.ADMIN, "scr:list", "admin", "ssh", "office.QS").ok()).isTrue();
        Shell.Result echo = shell.run(TestUsers.OPERATOR_QS, "each [qing shan] { shell:echo $it }", "operator", "ssh",
                "office.QS");
        assertThat(echo.output()).as(String.valueOf(echo.failure())).contains("qing", "shan");
        Shell.Result help = shell.run(TestUsers.FIELD_QS, "*:help customers", "field", "ssh", "office.QS");
        assertThat(help.output()).as(String.valueOf(help.failure())).contains("customers:account-list")
                .doesNotContain("customers:account-close"); // help lists what the user may run

        Shell.Result nodes = shell.run(TestUsers.ADMIN, "cluster:node-list", "admin", "office.QS");
        assertThat(nodes.output()).contains("QS");
        Shell.Result routes = shell.run(TestUsers.ADMIN, "integration:route-list", "admin", "office.QS");
        assertThat(routes.ok()).as(String.valueOf(routes.failure())).isTrue();

        // county IT backs up the embedded H2 database while the node runs; no one else may
        assertThat(shell.run(TestUsers.OPERATOR_QS, "data:backup", "operator", "office.QS").ok()).isFalse();
        Shell.Result backup = shell.run(TestUsers.ADMIN, "data:backup", "admin", "office.QS");
        assertThat(backup.output()).as(String.valueOf(backup.failure())).contains("Backup written: ");
        Shell.Result backups = shell.run(TestUsers.ADMIN, "data:backup-list", "admin", "office.QS");
        assertThat(backups.output()).as(String.valueOf(backups.failure())).contains("Next nightly backup: ")
                .containsPattern("countygrid-\\d{8}-\\d{6}\\.zip");
        try (var files = java.nio.file.Files.list(Paths.get(System.getProperty("karaf.data"), "backup"))) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().endsWith(".zip");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    public void integratorsRoutesAreHotDeployedAndReceiveEvents() throws Exception {
        Path routes = Paths.get(System.getProperty("karaf.base"), "routes");
        Path inbox = Paths.get(System.getProperty("karaf.data"), "it-events");
        Path file = routes.resolve("it-account-events.yaml");
        Files.writeString(file, String.join("\n",
                "- route:",
                "    id: it-account-events",
                "    from:",
                "      uri: direct:customers.account-opened",
                "      steps:",
                "        - to: \"file:" + inbox + "?fileName=${header.CountyGridSubject}.json\"",
                ""), StandardCharsets.UTF_8);
        Http admin = Http.as(TestUsers.ADMIN);
        Http.Reply listed = Http.await(() -> admin.get("/api/integration/routes"), r -> r.body().contains("it-account-events"),
                Duration.ofSeconds(20));
        assertThat(listed.body()).contains("it-account-events");

        Http op = Http.as(TestUsers.OPERATOR_QS);
        if (op.get("/api/customers/areas/QSE-T01").status() != 200) {
            assertThat(op.post("/api/customers/stations", Http.json(Map.of("code", "QSE", "name", "QSE供电所"))).status()).isEqualTo(201);
            assertThat(op.post("/api/customers/stations/QSE/areas",
                    Http.json(Map.of("code", "QSE-T01", "name", "QSE台区", "capacityKva", 200))).status()).isEqualTo(201);
        }
        assertThat(op.post("/api/customers/accounts", Http.json(Map.of("number", "3300000401", "name", "孙丽", "address",
                "城关镇东门1号", "phone", "13700137000", "category", "RESIDENTIAL", "voltageLevel", "V220",
                "importantClass", "NONE", "areaCode", "QSE-T01"))).status()).isEqualTo(201);

        Path event = inbox.resolve("3300000401.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(event) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(event).as("the relay delivered customers.account-opened to the integrator's route").exists();
        assertThat(Files.readString(event, StandardCharsets.UTF_8)).contains("\"number\":\"3300000401\"", "\"office\":\"QS\"");

        Files.delete(file);
        Http.Reply gone = Http.await(() -> admin.get("/api/integration/routes"), r -> !r.body().contains("it-account-events"),
                Duration.ofSeconds(20));
        assertThat(gone.body()).doesNotContain("it-account-events");
    }

    /**
     * An integrator's route that fails (a bank that is down) is held at the event while metering's wiring, subscribed to
     * the same events, goes on; once the route works it gets the events it missed in order, and an event it can never
     * take is skipped by an admin.
     */
    @Test
    public void aFailingIntegratorRouteHoldsBackOnlyItself() throws Exception {
        Path file = Paths.get(System.getProperty("karaf.base"), "routes", "it-bank.yaml");
        Path inbox = Paths.get(System.getProperty("karaf.data"), "it-bank");
        Http admin = Http.as(TestUsers.ADMIN);
        Http op = Http.as(TestUsers.OPERATOR_QS);
        stationWithArea(op, "QSB");
        Files.writeString(file, bankRoute("it-bank", "        - throwException:\n            exceptionType: java.lang.IllegalStateException\n"
                + "            message: bank down\n"), StandardCharsets.UTF_8);
        try {
            Http.await(() -> admin.get("/api/integration/routes"), r -> r.body().contains("\"it-bank\""), Duration.ofSeconds(20));
            openAccount(op, "3300000701", "QSB-T01");

            JsonNode relay = Http.await(() -> admin.get("/api/integration/routes"), r -> r.status() == 200
                    && r.json().get("relay").get("held").size() == 1 && r.json().get("relay").get("pending").asLong() == 0,
                    Duration.ofSeconds(20)).json().get("relay");
            JsonNode held = relay.get("held").get(0);
            assertThat(held.get("subscription").asText()).isEqualTo("customers.account-opened/it-bank");
            assertThat(held.get("lastError").asText()).contains("bank down");
            assertThat(held.get("behind").asLong()).isEqualTo(1);
            assertThat(relay.get("consecutiveFailures").asInt()).isZero();
            assertThat(Http.await(() -> admin.get("/api/metering/orders?limit=500"), r -> r.body().contains("3300000701"),
                    Duration.ofSeconds(20)).body()).as("metering's wiring is not held back by the bank").contains("3300000701");

            // the bank is back (the integrator fixes the route): the held event arrives, and the subscriber is released
            Files.writeString(file, bankRoute("it-bank-fixed", "        - to: \"file:" + inbox
                    + "?fileName=${header.CountyGridSubject}.json\"\n"), StandardCharsets.UTF_8);
            Path delivered = inbox.resolve("3300000701.json");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(delivered) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(delivered).as("the held event, once the route works").exists();
            assertThat(Http.await(() -> admin.get("/api/integration/routes"), r -> r.status() == 200
                    && r.json().get("relay").get("held").size() == 0, Duration.ofSeconds(20)).json().get("relay").get("held"))
                    .isEmpty();

            // an event the route can never take: held again, then skipped by an admin
            Files.writeString(file, bankRoute("it-bank-refusing", "        - throwException:\n"
                    + "            exceptionType: java.lang.IllegalStateException\n            message: account unknown to the bank\n"),
                    StandardCharsets.UTF_8);
            Http.await(() -> admin.get("/api/integration/routes"), r -> r.body().contains("\"it-bank-refusing\"")
                    && !r.body().contains("\"it-bank-fixed\""), Duration.ofSeconds(20));
            openAccount(op, "3300000702", "QSB-T01");
            Http.await(() -> admin.get("/api/integration/routes"), r -> r.status() == 200
                    && r.json().get("relay").get("held").size() == 1, Duration.ofSeconds(20));
            assertThat(Http.as(TestUsers.AUDITOR_QS).post("/api/integration/held-subscribers/skip?subscription="
                    + "customers.account-opened/it-bank", "").status()).isEqualTo(403);
            Http.Reply skipped = admin.post("/api/integration/held-subscribers/skip?subscription=customers.account-opened/it-bank", "");
            assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
            assertThat(skipped.json().get("message").asText()).contains("subject 3300000702");
            assertThat(Http.await(() -> admin.get("/api/integration/routes"), r -> r.status() == 200
                    && r.json().get("relay").get("held").size() == 0, Duration.ofSeconds(20)).json().get("relay").get("held"))
                    .isEmpty();
            Http.Reply unknown = admin.post("/api/integration/held-subscribers/skip?subscription=customers.account-opened/it-bank", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).contains("is held");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String bankRoute(String id, String steps) {
        return "- route:\n    id: " + id + "\n    from:\n      uri: direct:customers.account-opened/it-bank\n      steps:\n" + steps;
    }

    private static void openAccount(Http op, String number, String area) {
        assertThat(op.post("/api/customers/accounts", Http.json(Map.of("number", number, "name", "钱银行", "address",
                "城关镇银行路" + number.substring(8) + "号", "phone", "13600136" + number.substring(7), "category", "RESIDENTIAL",
                "voltageLevel", "V220", "importantClass", "NONE", "areaCode", area))).status()).isEqualTo(201);
    }

    /**
     * What Jetty or CXF cannot read is answered as problem+json, not as Jetty's HTML page or a 500: an address that is
     * not valid URL encoding (platform-jetty, before any servlet), a broken escape in the query string and an unknown
     * charset (platform-web, before CXF).
     */
    @Test
    public void requestsThatCannotBeReadAreAnsweredAsProblemJson() {
        String path = Http.raw("GET /api/customers/accounts/%ZZ HTTP/1.1", "Accept: application/json");
        assertThat(path).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"status\":400").doesNotContain("<h1>");
        String query = Http.raw("GET /api/customers/accounts?q=%ZZ HTTP/1.1", Http.basic(TestUsers.OPERATOR_QS));
        assertThat(query).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("query string");
        String charset = Http.raw("POST /api/customers/accounts HTTP/1.1", Http.basic(TestUsers.OPERATOR_QS),
                "Content-Type: application/json; charset=klingon", "Content-Length: 0");
        assertThat(charset).startsWith("HTTP/1.1 415").contains("application/problem+json").contains("klingon")
                .doesNotContain("Exception");
    }

    @Test
    public void theNodesAddressLeadsToTheConsoleAndAnAddressNothingServesIsAReadable404() {
        String root = Http.raw("GET / HTTP/1.1", "Accept: text/html");
        assertThat(root).startsWith("HTTP/1.1 302").containsPattern("(?i)Location: http://[^/]+/console/");
        String page = Http.raw("GET /nothing-here HTTP/1.1", "Accept: text/html");
        assertThat(page).startsWith("HTTP/1.1 404").containsIgnoringCase("Content-Type: text/html;charset=utf-8")
                .contains("此地址没有内容").contains("There is nothing at this address.").doesNotContain("ISO-8859-1");
        String json = Http.raw("GET /nothing-here HTTP/1.1", "Accept: application/json");
        assertThat(json).startsWith("HTTP/1.1 404").contains("application/problem+json").contains("\"status\":404");
    }

    /**
     * An account opened while metering is uninstalled (an upgrade) gets no installation order — the event passes a
     * route that is not there — until county IT replays the event to the wiring once metering is back; a second
     * replay makes no second order.
     */
    @Test
    public void eventsAModuleMissedWhileUninstalledAreReplayedToIt() throws Exception {
        Http op = Http.as(TestUsers.OPERATOR_QS);
        Http admin = Http.as(TestUsers.ADMIN);
        Shell shell = new Shell(sessionFactory);
        stationWithArea(op, "QSR");
        String since = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(1));
        features.uninstallFeature("countygrid-metering", EnumSet.noneOf(FeaturesService.Option.class));
        try {
            assertThat(Http.await(() -> admin.get("/api/metering/orders"), r -> r.status() == 404, Duration.ofSeconds(20))
                    .status()).isEqualTo(404);
            assertThat(op.post("/api/customers/accounts", Http.json(Map.of("number", "3300000601", "name", "孙升级", "address",
                    "城关镇升级路1号", "phone", "13600136001", "category", "RESIDENTIAL", "voltageLevel", "V220",
                    "importantClass", "NONE", "areaCode", "QSR-T01"))).status()).isEqualTo(201);
            assertThat(Http.await(() -> admin.get("/api/integration/routes"),
                    r -> r.status() == 200 && r.json().get("relay").get("pending").asLong() == 0, Duration.ofSeconds(20))
                    .json().get("relay").get("pending").asLong()).as("the event went by, to nobody").isZero();
        } finally {
            features.installFeature("countygrid-metering", EnumSet.noneOf(FeaturesService.Option.class));
        }
        assertThat(Http.await(() -> admin.get("/api/metering/orders?limit=500"), r -> r.status() == 200, Duration.ofSeconds(30))
                .body()).doesNotContain("3300000601");

        String replay = "integration:event-replay --since \"" + since + "\" customers.account-opened/metering";
        // the wiring's route comes back with metering: retried until it is started
        Shell.Result replayed = null;
        for (int i = 0; i < 30 && (replayed == null || !replayed.ok()); i++) {
            if (replayed != null) {
                Thread.sleep(1000);
            }
            replayed = shell.run(TestUsers.ADMIN, replay, "admin", "office.QS");
        }
        assertThat(replayed.ok()).as(replayed.output()).isTrue();
        assertThat(replayed.output()).contains("Sent ", "direct:customers.account-opened/metering");
        Http.Reply orders = Http.await(() -> admin.get("/api/metering/orders?limit=500"),
                r -> r.body().contains("3300000601"), Duration.ofSeconds(10));
        assertThat(orders.body()).contains("3300000601");
        assertThat(shell.run(TestUsers.ADMIN, replay, "admin", "office.QS").ok()).isTrue();
        Thread.sleep(1500);
        JsonNode items = admin.get("/api/metering/orders?limit=500").json().get("items");
        assertThat(items.findValuesAsText("accountNumber")).filteredOn("3300000601"::equals).as("one order, replayed twice")
                .hasSize(1);
    }

    /** Station {@code code} with its area {@code code-T01}, made once: Pax Exam does not promise the order of the tests. */
    private static void stationWithArea(Http op, String code) {
        if (op.get("/api/customers/areas/" + code + "-T01").status() != 200) {
            assertThat(op.post("/api/customers/stations", Http.json(Map.of("code", code, "name", code + "供电所"))).status()).isEqualTo(201);
            assertThat(op.post("/api/customers/stations/" + code + "/areas",
                    Http.json(Map.of("code", code + "-T01", "name", code + "台区", "capacityKva", 200))).status()).isEqualTo(201);
        }
    }

    /** platform-gate answers for the REST API while platform-web is stopped (and in the seconds before it starts). */
    @Test
    public void whileTheRestApiIsNotThereApiAnswers503ProblemJsonNot404() throws Exception {
        Bundle web = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.countygrid.platform.web".equals(b.getSymbolicName())).findFirst().orElseThrow();
        web.stop();
        try {
            Http.Reply reply = Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() != 200, Duration.ofSeconds(10));
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.contentType()).contains("application/problem+json");
            assertThat(reply.json().get("detail").asText()).contains("starting");
            assertThat(Http.as(TestUsers.OPERATOR_QS).get("/api/customers/accounts").status()).isEqualTo(503);
        } finally {
            web.start();
        }
        assertThat(Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() == 200, Duration.ofSeconds(30))
                .status()).isEqualTo(200);
    }

    @Test
    public void aModuleFeatureGoesAwayAndComesBackInPlace() throws Exception {
        Http op = Http.as(TestUsers.OPERATOR_QS);
        Http admin = Http.as(TestUsers.ADMIN);
        Shell shell = new Shell(sessionFactory);
        stationWithArea(op, "QSF");
        assertThat(op.post("/api/customers/accounts", Http.json(Map.of("number", "3300000501", "name", "钱进", "address",
                "城关镇西门2号", "phone", "13600136000", "category", "RESIDENTIAL", "voltageLevel", "V220",
                "importantClass", "NONE", "areaCode", "QSF-T01"))).status()).isEqualTo(201);
        long before = op.get("/api/customers/accounts").json().get("total").asLong();
        // a monitor polls health all along: while the API is rebuilt it answers 503 (never CXF's or Jetty's 404)
        List<Http.Reply> health = new CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread monitor = new Thread(() -> {
            while (polling.get()) {
                health.add(Http.anonymous().get("/api/health"));
            }
        }, "it-health-monitor");
        monitor.start();

        features.uninstallFeature("countygrid-customers", EnumSet.noneOf(FeaturesService.Option.class));
        assertThat(bundleContext.getServiceReference("org.countygrid.customers.CustomerService")).isNull();
        assertThat(Http.await(() -> op.get("/api/customers/accounts"), r -> r.status() == 404, Duration.ofSeconds(10)).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/console/panels").body()).doesNotContain("\"customers\"");
        assertThat(shell.run(TestUsers.OPERATOR_QS, "customers:account-list", "operator", "office.QS").ok()).isFalse();
        assertThat(admin.get("/api/openapi.json").json().get("paths").has("/customers/accounts")).isFalse();
        // removing a module restarts the modules wired to its API (metering), whose REST resources are republished:
        // the node is briefly not ready then (503), and healthy after
        assertThat(Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() == 200, Duration.ofSeconds(10))
                .status()).as("the node stays healthy without the module").isEqualTo(200);

        features.installFeature("countygrid-customers", EnumSet.noneOf(FeaturesService.Option.class));
        assertThat(bundleContext.getServiceReference("org.countygrid.customers.CustomerService")).isNotNull();
        Http.Reply back = Http.await(() -> op.get("/api/customers/accounts"), r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(back.json().get("total").asLong()).as("the data stayed").isEqualTo(before);
        assertThat(Http.await(() -> admin.get("/api/console/panels"), r -> r.body().contains("\"customers\""), Duration.ofSeconds(10))
                .body()).contains("\"customers\"");
        assertThat(shell.run(TestUsers.OPERATOR_QS, "customers:account-list", "operator", "office.QS").ok()).isTrue();

        polling.set(false);
        monitor.join(10_000);
        assertThat(health).extracting(Http.Reply::status).as("health while the feature went and came").containsOnly(200, 503);
        assertThat(health).filteredOn(r -> r.status() == 503).allSatisfy(r -> assertThat(r.contentType()).contains("json"));
    }
}
