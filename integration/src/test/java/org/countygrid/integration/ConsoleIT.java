package org.countygrid.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The staff console in headless Chromium against the real distribution, booted by Pax Exam in server mode with
 * no users at all (so the first start creates "admin" from COUNTYGRID_ADMIN_PASSWORD) and a small demo county:
 * log in, search an account, open it, switch the language, watch a panel go and come back when its feature
 * is removed and installed over SSH, and run the work order board as a dispatcher.
 */
public class ConsoleIT {

    private static final String BASE = "http://127.0.0.1:8181";
    private static final String PASSWORD = System.getenv("COUNTYGRID_ADMIN_PASSWORD");
    /** Of the back-office users a test adds over SSH. */
    private static final String USER_PASSWORD = "It-Console-Us3r!";
    private static final List<String> FIELD_WORKERS = List.of("li", "wang", "zhao");

    /** The demo county's first meter (DemoMeteringLoader numbers them from 1). */
    private static final String DEMO_METER = "3300000000000000000001";

    private static TestContainer container;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeClass
    public static void bootAndOpenBrowser() throws Exception {
        assertThat(PASSWORD).as("failsafe sets COUNTYGRID_ADMIN_PASSWORD").isNotBlank();
        ExamSystem system = PaxExamRuntime.createServerSystem(
                Distribution.bare(),
                features("mvn:org.countygrid/countygrid-features/" + System.getProperty("countygrid.version") + "/xml/features",
                        "countygrid-demo"),
                editConfigurationFilePut("etc/org.countygrid.demo.cfg", "accounts", "3000"),
                editConfigurationFilePut("etc/org.countygrid.demo.cfg", "areas", "40"));
        container = PaxExamRuntime.createContainer(system);
        container.start();
        Http.Reply up = Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() == 200, Duration.ofSeconds(180));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        // the demo county's meters and their 30 days of readings load in the background after the accounts
        Http admin = Http.as("admin", PASSWORD);
        Http.Reply readings = Http.await(() -> admin.get("/api/metering/readings?barcode=" + DEMO_METER + "&kind=DAILY"),
                r -> r.status() == 200 && r.json().size() >= 25, Duration.ofSeconds(120));
        assertThat(readings.status()).as(readings.body()).isEqualTo(200);
        assertThat(readings.json().size()).as("daily readings of a demo meter").isGreaterThanOrEqualTo(25);
        // the field workers the tests give orders to: an order can only go to a login with the role field
        for (String worker : FIELD_WORKERS) {
            Command added = command("staff:user-add " + worker + " " + USER_PASSWORD + " QS field");
            assertThat(added.status()).as(added.output()).isZero();
        }

        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=zh-CN");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterClass
    public static void closeAll() {
        if (browser != null) {
            browser.quit();
        }
        if (container != null) {
            container.stop();
        }
    }

    @Test
    public void staffLogInFindAnAccountOpenItAndSwitchLanguage() throws Exception {
        browser.get(BASE + "/console");
        wait.until(b -> !b.findElements(By.id("login-user")).isEmpty());
        assertThat(text("#login-submit")).as("Chinese first").isEqualTo("登录");

        browser.findElement(By.id("login-user")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(b -> b.findElement(By.id("message")).isDisplayed() && !b.findElement(By.id("message")).getText().isBlank());
        assertThat(browser.findElements(By.id("current-user"))).as("a wrong password does not log in").isEmpty();

        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(b -> !b.findElements(By.id("current-user")).isEmpty());
        assertThat(text("#current-user")).isEqualTo("admin");

        // the Customers panel, from the navigation built out of the registered panels
        wait.until(b -> !b.findElements(By.cssSelector("[data-panel=\"customers\"]")).isEmpty());
        assertThat(text("[data-panel=\"customers\"]")).isEqualTo("客户档案");
        browser.findElement(By.cssSelector("[data-panel=\"customers\"]")).click();
        wait.until(b -> !b.findElements(By.id("customer-search")).isEmpty());

        // wait for the demo county, then search it
        List<WebElement> rows = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            WebElement search = browser.findElement(By.id("customer-search"));
            search.clear();
            search.sendKeys("王");
            browser.findElement(By.id("customer-search-submit")).click();
            Thread.sleep(1000);
            rows = browser.findElements(By.cssSelector("[data-account]"));
        }
        assertThat(rows).as("accounts named 王 in the demo county").isNotEmpty();
        String number = rows.get(0).getAttribute("data-account");
        assertThat(rows.get(0).getText()).contains("王");
        rows.get(0).click();
        wait.until(b -> !b.findElements(By.cssSelector("#account-detail[data-account=\"" + number + "\"]")).isEmpty());
        assertThat(text("#account-detail")).contains(number).contains("王");

        // English second: the whole console switches, the open account stays
        browser.findElement(By.id("lang-switch")).click();
        wait.until(b -> "Customers".equals(b.findElement(By.cssSelector("[data-panel=\"customers\"]")).getText()));
        assertThat(text("#logout")).isEqualTo("Log out");
        assertThat(text("#account-detail")).contains(number);
        browser.findElement(By.id("lang-switch")).click();
        wait.until(b -> "客户档案".equals(b.findElement(By.cssSelector("[data-panel=\"customers\"]")).getText()));

        // someone else changes the account while it is being edited: the save is refused, in Chinese, with a reload
        browser.findElement(By.id("account-edit")).click();
        wait.until(b -> !b.findElements(By.id("account-form")).isEmpty());
        // what was typed stays through the language switch
        browser.findElement(By.id("account-field-phone")).clear();
        browser.findElement(By.id("account-field-phone")).sendKeys("13900000088");
        browser.findElement(By.id("lang-switch")).click();
        wait.ignoring(StaleElementReferenceException.class).until(b -> text("#account-form h2").startsWith("Edit"));
        assertThat(browser.findElement(By.id("account-field-phone")).getAttribute("value")).isEqualTo("13900000088");
        browser.findElement(By.id("lang-switch")).click();
        wait.ignoring(StaleElementReferenceException.class).until(b -> text("#account-form h2").startsWith("修改"));
        assertThat(browser.findElement(By.id("account-field-phone")).getAttribute("value")).isEqualTo("13900000088");
        Http admin = Http.as("admin", PASSWORD);
        com.fasterxml.jackson.databind.JsonNode current = admin.get("/api/customers/accounts/" + number).json();
        java.util.Map<String, Object> change = new java.util.HashMap<>();
        for (String field : List.of("name", "address", "category", "voltageLevel", "importantClass", "areaCode")) {
            change.put(field, current.get(field).asText());
        }
        change.put("phone", "13900000077");
        Http.Reply changed = admin.put("/api/customers/accounts/" + number, Http.json(change));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        browser.findElement(By.id("account-form-submit")).click();
        wait.until(b -> b.findElement(By.id("account-form-problem")).isDisplayed());
        assertThat(text("#account-form-problem")).startsWith("此户已被他人修改").contains("重新加载");

        // a login in another tab of the browser (after this one's session ran out, say) replaces the session this
        // tab's CSRF token belongs to: its next change is refused, and the message says why in Chinese instead of
        // naming the header
        Object login = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                        + " body: JSON.stringify({ username: 'admin', password: arguments[0] }) })"
                        + ".then((r) => done(r.status), (e) => done(String(e)));", PASSWORD);
        assertThat(login).isEqualTo(200L);
        browser.findElement(By.id("account-form-submit")).click();
        wait.until(b -> text("#account-form-problem").contains("登录已失效"));
        assertThat(text("#account-form-problem")).doesNotContain("CSRF").doesNotContain("此户已被他人修改");
        assertThat(admin.get("/api/customers/accounts/" + number).json().get("phone").asText())
                .as("neither save changed the account").isEqualTo("13900000077");
    }

    @Test
    public void panelsFollowTheInstalledFeaturesWithoutReload() throws Exception {
        loggedIn();
        wait.until(b -> !b.findElements(By.cssSelector("[data-panel=\"customers\"]")).isEmpty());
        browser.findElement(By.cssSelector("[data-panel=\"customers\"]")).click();
        wait.until(b -> !b.findElements(By.id("customer-search")).isEmpty());
        shell("feature:uninstall countygrid-demo", "feature:uninstall countygrid-customers");
        new WebDriverWait(browser, Duration.ofSeconds(40))
                .until(b -> b.findElements(By.cssSelector("[data-panel=\"customers\"]")).isEmpty());
        // the open panel went away: the console says so by the panel's title, and shows Home
        wait.until(b -> b.findElement(By.id("message")).getText().contains("面板“客户档案”已不可用")
                || b.findElement(By.id("message")).getText().contains("The panel \"Customers\" is no longer available"));
        shell("feature:install countygrid-customers");
        new WebDriverWait(browser, Duration.ofSeconds(40))
                .until(b -> !b.findElements(By.cssSelector("[data-panel=\"customers\"]")).isEmpty());
    }

    @Test
    public void theMeteringPanelShowsTheBoardAMetersHistoryAndReadingsAndAnAreasTopology() throws Exception {
        Http admin = Http.as("admin", PASSWORD);
        String account = admin.get("/api/metering/meters/" + DEMO_METER).json().get("accountNumber").asText();
        String area = admin.get("/api/customers/accounts/" + account).json().get("areaCode").asText();
        Http.Reply created = admin.post("/api/metering/orders", Http.json(java.util.Map.of("type", "REPLACE",
                "accountNumber", account, "worker", "li")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long order = created.json().get("id").asLong();
        Http.Reply terminal = admin.post("/api/metering/terminals?warehouse=KF-C", Http.json(java.util.Map.of(
                "assetNumber", "CI-T0001", "address", "FFFF0001", "kind", "CONCENTRATOR", "manufacturer", "威胜")));
        assertThat(terminal.status()).as(terminal.body()).isEqualTo(201);
        // the same from a script: bin/cg-command passes on the command's output, its one-line error and exit status
        Command listed = command("metering:terminal-list");
        assertThat(listed.status()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("CI-T0001", "KF-C");
        Command refused = command("metering:terminal-transfer CI-T0001 KF-C");
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("Error: terminal CI-T0001 refused: it is in warehouse KF-C already")
                .doesNotContain("Exception");
        Command shown = command("metering:terminal-show --history CI-T0001");
        assertThat(shown.status()).as(shown.output()).isZero();
        assertThat(shown.output()).contains("CI-T0001", "KF-C", "IN_STOCK", "admin", "arrived");

        loggedIn();
        wait.until(b -> !b.findElements(By.cssSelector("[data-panel=\"metering\"]")).isEmpty());
        browser.findElement(By.cssSelector("[data-panel=\"metering\"]")).click();
        // the work order board: the new order is a card in the OPEN column
        wait.until(b -> !b.findElements(By.cssSelector("section[data-status=\"OPEN\"] article[data-order=\"" + order + "\"]")).isEmpty());
        assertThat(text("article[data-order=\"" + order + "\"]")).contains("换表", account, "li", DEMO_METER);
        assertThat(text("#metering-stock tr[data-state=\"INSTALLED\"] .count")).isEqualTo("3000");
        // the demo county's stock (DemoStock): 48 meters received by its four field workers, 12 each
        assertThat(text("#stock-by-worker tr[data-holder=\"wangqiang\"][data-state=\"RECEIVED\"] .count")).isEqualTo("12");
        assertThat(text("#stock-by-worker tr[data-holder=\"chenhao\"][data-state=\"RECEIVED\"] .count")).isEqualTo("12");
        assertThat(text("#terminal-stock-by-warehouse tr[data-holder=\"KF-C\"][data-state=\"IN_STOCK\"] .count"))
                .as("terminals in stock per warehouse").isEqualTo("1");

        // a delivery batch from a CSV file: one bad line stores nothing and names the line; the mended file is received
        Path csv = Files.createTempFile("delivery", ".csv");
        String header = "barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass\n";
        String first = "3399000000000000000001,CI-A0001,990000000001,SINGLE,LOCAL,华立,2\n";
        Files.writeString(csv, header + first + "3399000000000000000002,CI-A0002,99000000000X,SINGLE,LOCAL,华立,2\n");
        browser.findElement(By.id("delivery-batch")).sendKeys("CI-B1");
        browser.findElement(By.id("delivery-file")).sendKeys(csv.toString());
        browser.findElement(By.id("delivery-submit")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#delivery-errors li")).isEmpty());
        assertThat(text("#delivery-errors")).contains("第3行 通信地址：通信地址必须是12位数字（BCD码）", "文件未入库，未作任何更改");
        assertThat(admin.get("/api/metering/meters/3399000000000000000001").status()).isEqualTo(404);
        // saved by Excel on a Chinese Windows: GBK, not UTF-8
        Files.writeString(csv, header + first + "3399000000000000000002,CI-A0002,990000000002,THREE,REMOTE,威胜,1\n",
                java.nio.charset.Charset.forName("GB18030"));
        browser.findElement(By.id("delivery-file")).sendKeys(csv.toString());
        browser.findElement(By.id("delivery-submit")).click();
        wait.until(b -> !text("#delivery-notice").isBlank());
        assertThat(text("#delivery-notice")).isEqualTo("批次 CI-B1 已入库 2 块表");
        assertThat(browser.findElements(By.cssSelector("#delivery-errors li"))).isEmpty();
        com.fasterxml.jackson.databind.JsonNode received = admin.get("/api/metering/meters/3399000000000000000002").json();
        assertThat(received.get("state").asText()).isEqualTo("IN_STOCK");
        assertThat(received.get("manufacturer").asText()).isEqualTo("威胜");
        Files.delete(csv);

        // a meter's history timeline and its daily readings with their validation
        browser.findElement(By.id("meter-barcode")).sendKeys(DEMO_METER);
        browser.findElement(By.id("meter-show")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#meter-detail[data-barcode=\"" + DEMO_METER + "\"]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#meter-history li[data-state=\"INSTALLED\"]"))).hasSize(1);
        assertThat(text("#meter-history")).contains("存量接收：户号 " + account);
        assertThat(browser.findElements(By.cssSelector("#meter-chart circle[data-status]")).size())
                .as("one point per daily reading").isGreaterThanOrEqualTo(25);

        // the topology of the meter's transformer area: it hangs under the area's concentrator
        browser.findElement(By.id("topology-area")).sendKeys(area);
        browser.findElement(By.id("topology-show")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#topology-meters tr[data-meter=\"" + DEMO_METER + "\"]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#topology-meters tr[data-meter=\"" + DEMO_METER + "\"]"))
                .getAttribute("data-terminal")).startsWith("JZQ-");
        assertThat(browser.findElements(By.cssSelector("#topology [data-terminal^=\"JZQ-\"]"))).isNotEmpty();

        browser.findElement(By.id("meter-barcode")).clear();
        browser.findElement(By.id("meter-barcode")).sendKeys("12");
        browser.findElement(By.id("meter-show")).click();
        // a wrong barcode: the message stands where the meter would have, in Chinese, with no stack trace
        wait.until(b -> !b.findElements(By.id("meter-problem")).isEmpty());
        assertThat(text("#meter-problem")).contains("条码必须是22位数字").doesNotContain("Exception");
        assertThat(browser.findElements(By.id("meter-detail"))).isEmpty();

        // more open orders than a column shows at once: 50 cards and the total, 更多 loads the older ones, each once
        for (int i = 1001; i <= 1055; i++) {
            String holder = admin.get("/api/metering/meters/" + String.format("33%020d", i)).json().get("accountNumber").asText();
            Http.Reply removal = admin.post("/api/metering/orders", Http.json(java.util.Map.of("type", "REMOVE",
                    "accountNumber", holder)));
            assertThat(removal.status()).as(removal.body()).isEqualTo(201);
        }
        int open = admin.get("/api/metering/orders?status=OPEN&limit=1").json().get("total").asInt();
        assertThat(open).isBetween(56, 100);
        String column = "section[data-status=\"OPEN\"]";
        browser.findElement(By.id("metering-refresh")).click();
        // the board is drawn again when the refresh answers: a column found a moment ago may already be replaced
        wait.ignoring(StaleElementReferenceException.class)
                .until(b -> String.valueOf(open).equals(b.findElement(By.cssSelector(column)).getAttribute("data-total")));
        assertThat(browser.findElements(By.cssSelector(column + " article[data-order]"))).hasSize(50);
        assertThat(text(column + " h4")).endsWith("(" + open + ")");
        browser.findElement(By.cssSelector(column + " button[data-more]")).click();
        wait.until(b -> b.findElements(By.cssSelector(column + " article[data-order]")).size() >= open);
        assertThat(browser.findElements(By.cssSelector(column + " article[data-order]")).stream()
                .map(card -> card.getAttribute("data-order")).distinct().count()).isEqualTo(open);
        assertThat(browser.findElements(By.cssSelector(column + " button[data-more]"))).as("none left").isEmpty();
    }

    @Test
    public void aDispatcherCreatesHandsOverAndCancelsAnOrderOnTheBoardAndIsToldWhatIsWrong() throws Exception {
        Http admin = Http.as("admin", PASSWORD);
        String account = admin.get("/api/metering/meters/3300000000000000000002").json().get("accountNumber").asText();
        String otherAccount = admin.get("/api/metering/meters/3300000000000000000003").json().get("accountNumber").asText();
        Http.Reply other = admin.post("/api/metering/orders", Http.json(java.util.Map.of("type", "REMOVE",
                "accountNumber", otherAccount, "worker", "li")));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        long otherOrder = other.json().get("id").asLong();
        // county IT adds the staff with staff:user-add, which returns once etc/users.properties holds the user
        for (String[] user : new String[][] {{"disp_qs", "dispatcher"}, {"aud_qs", "auditor"}}) {
            Command added = command("staff:user-add " + user[0] + " " + USER_PASSWORD + " QS " + user[1]);
            assertThat(added.status()).as(added.output()).isZero();
            assertThat(added.output()).contains("Added " + user[0] + " of office QS with the roles " + user[1]);
        }
        Command again = command("staff:user-add aud_qs " + USER_PASSWORD + " QS operator");
        assertThat(again.status()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("Error: the user 'aud_qs' exists already (names are compared ignoring case); nothing changed");
        assertThat(Files.readString(newestRuntimeFolder().resolve("data/log/karaf.log")))
                .as("no password in the log (Karaf names a session's thread after its command line)").doesNotContain(USER_PASSWORD);
        // someone who left: removed, and removing again says so
        assertThat(command("staff:user-add left_qs " + USER_PASSWORD + " QS operator").status()).isZero();
        Command removed = command("staff:user-remove left_qs");
        assertThat(removed.status()).as(removed.output()).isZero();
        assertThat(removed.output()).contains("Removed left_qs");
        assertThat(command("staff:user-list").output()).doesNotContain("left_qs");
        assertThat(command("staff:user-remove left_qs").output()).contains("Error: there is no user 'left_qs' in office QS; nothing changed");
        Command mistyped = command("staff:user-add op_qx " + USER_PASSWORD + " QX operator");
        assertThat(mistyped.status()).as(mistyped.output()).isEqualTo(1);
        // an admin of QS adds logins of QS only (a QX login could see QX's data); an unknown office is its component test
        assertThat(mistyped.output()).contains("Error: the new login belongs to office QX; you manage the logins of office QS only");
        assertThat(command("staff:user-list").output()).containsPattern("disp_qs\\s+.*QS\\s+.*dispatcher")
                .doesNotContain(USER_PASSWORD);
        // the same password, stored salted: two different digests, neither the password nor its plain SHA-512
        java.util.Properties users = new java.util.Properties();
        try (var in = Files.newInputStream(newestRuntimeFolder().resolve("etc/users.properties"))) {
            users.load(in);
        }
        String dispatcher = users.getProperty("disp_qs").split(",")[0];
        String auditor = users.getProperty("aud_qs").split(",")[0];
        assertThat(dispatcher).startsWith("{CRYPT}").endsWith("{CRYPT}").isNotEqualTo(auditor)
                .doesNotContainIgnoringCase(sha512Hex(USER_PASSWORD)).doesNotContain(USER_PASSWORD);
        int ordersBefore = admin.get("/api/metering/orders").json().get("total").asInt();
        try {
            logInAs("disp_qs", USER_PASSWORD);
            openMeteringPanel();
            browser.findElement(By.id("order-new")).click();
            wait.until(b -> !b.findElements(By.id("order-form")).isEmpty());

            // a form the server refuses shows why next to the field, in Chinese, and creates nothing
            new Select(browser.findElement(By.id("order-type"))).selectByValue("REPLACE");
            browser.findElement(By.id("order-worker")).sendKeys("zhao");
            browser.findElement(By.id("order-submit")).click();
            String accountError = "#order-form [data-error-for=\"accountNumber\"]";
            wait.until(b -> !b.findElement(By.cssSelector(accountError)).getText().isBlank());
            assertThat(text(accountError)).isEqualTo("必填");
            browser.findElement(By.id("order-accountNumber")).sendKeys("9999999999");
            browser.findElement(By.id("order-submit")).click();
            wait.until(b -> text(accountError).contains("9999999999"));
            assertThat(text(accountError)).isEqualTo("本单位没有户号 9999999999");
            assertThat(admin.get("/api/metering/orders").json().get("total").asInt()).as("refused forms create nothing").isEqualTo(ordersBefore);
            assertThat(text("#metering-board")).doesNotContain("9999999999");

            // the worker field offers the office's field workers; anyone else is refused under the field
            assertThat(browser.findElements(By.cssSelector("#metering-workers option"))).extracting(o -> o.getAttribute("value"))
                    .containsExactlyElementsOf(FIELD_WORKERS);
            browser.findElement(By.id("order-accountNumber")).clear();
            browser.findElement(By.id("order-accountNumber")).sendKeys(account);
            browser.findElement(By.id("order-worker")).clear();
            browser.findElement(By.id("order-worker")).sendKeys("zhaoo");
            browser.findElement(By.id("order-submit")).click();
            String workerError = "#order-form [data-error-for=\"worker\"]";
            wait.until(b -> !text(workerError).isBlank());
            assertThat(text(workerError)).isEqualTo("zhaoo 不是 QS 的施工人员（须为具有 field 角色的登录账号）");
            assertThat(admin.get("/api/metering/orders").json().get("total").asInt()).isEqualTo(ordersBefore);
            browser.findElement(By.id("order-worker")).clear();
            browser.findElement(By.id("order-worker")).sendKeys("zhao");

            // created from the console: a card in the OPEN column, the order opened under the board with its history
            browser.findElement(By.id("order-accountNumber")).clear();
            browser.findElement(By.id("order-accountNumber")).sendKeys(account);
            browser.findElement(By.id("order-note")).sendKeys("表计烧毁");
            browser.findElement(By.id("order-submit")).click();
            wait.until(b -> !b.findElements(By.cssSelector("#order-detail[data-status=\"OPEN\"]")).isEmpty());
            String order = browser.findElement(By.id("order-detail")).getAttribute("data-order");
            assertThat(text("#order-notice")).isEqualTo("已创建工单 #" + order);
            String card = "section[data-status=\"OPEN\"] article[data-order=\"" + order + "\"]";
            wait.until(b -> !b.findElements(By.cssSelector(card)).isEmpty());
            assertThat(text(card)).contains("换表", account, "zhao");
            assertThat(text("#order-history li[data-action=\"created\"]")).contains("创建", "disp_qs", "表计烧毁");
            assertThat(browser.findElements(By.id("order-form"))).as("the form closes once the order exists").isEmpty();

            // handed over to another worker: the card and the history say so
            browser.findElement(By.id("order-handover-worker")).sendKeys("wang");
            browser.findElement(By.id("order-handover-note")).sendKeys("zhao 请假");
            browser.findElement(By.id("order-handover-submit")).click();
            wait.until(b -> !b.findElements(By.cssSelector("#order-history li[data-action=\"handed-over\"]")).isEmpty());
            assertThat(text("#order-notice")).isEqualTo("已转派给 wang");
            assertThat(text("#order-history li[data-action=\"handed-over\"]")).contains("转派", "由 zhao 转派给 wang：zhao 请假");
            // the board reloads behind the open order: a card found a moment ago may already be replaced
            wait.ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(By.cssSelector(card)).getText().contains("wang"));

            // a colleague hands it over meanwhile: the cancel from this screen, which still shows wang, is refused as
            // stale and changes nothing; 重新加载 shows the order as it is now, and the cancel then goes through
            assertThat(admin.post("/api/metering/orders/" + order + "/hand-over",
                    Http.json(Map.of("worker", "zhao", "note", "王师傅请假"))).status()).isEqualTo(200);
            browser.findElement(By.id("order-cancel-reason")).sendKeys("客户暂缓");
            browser.findElement(By.id("order-cancel-submit")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(b -> !text("#order-cancel-problem").isBlank());
            assertThat(text("#order-cancel-problem")).startsWith("已被他人修改，请重新加载后再操作。");
            assertThat(admin.get("/api/metering/orders/" + order).json().get("status").asText()).isEqualTo("OPEN");
            browser.findElement(By.cssSelector("#order-cancel-problem .cg-reload")).click();
            wait.ignoring(StaleElementReferenceException.class).until(b -> text("#order-history").contains("王师傅请假"));

            // cancelled after confirming: the card moves to the CANCELLED column and no action is offered any more
            browser.findElement(By.id("order-cancel-reason")).sendKeys("客户暂缓");
            browser.findElement(By.id("order-cancel-submit")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            String cancelled = "section[data-status=\"CANCELLED\"] article[data-order=\"" + order + "\"]";
            wait.until(b -> !b.findElements(By.cssSelector(cancelled)).isEmpty());
            assertThat(text("#order-detail h4")).contains("已取消");
            assertThat(text("#order-history li[data-action=\"cancelled\"]")).contains("取消", "客户暂缓");
            assertThat(browser.findElements(By.cssSelector("#order-detail form"))).isEmpty();
            Http.Reply stored = admin.get("/api/metering/orders/" + order);
            assertThat(stored.json().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(stored.json().get("worker").asText()).isEqualTo("zhao");
            assertThat(admin.get("/api/metering/orders").json().get("total").asInt()).isEqualTo(ordersBefore + 1);

            // an auditor reads the same order and its history, and is offered nothing to change
            logInAs("aud_qs", USER_PASSWORD);
            openMeteringPanel();
            browser.findElement(By.cssSelector("article[data-order=\"" + otherOrder + "\"]")).click();
            wait.until(b -> !b.findElements(By.cssSelector("#order-detail[data-order=\"" + otherOrder + "\"]")).isEmpty());
            assertThat(text("#order-history")).contains("创建");
            assertThat(browser.findElements(By.cssSelector("#order-new, #order-detail form, #order-resume"))).isEmpty();
        } finally {
            logOut();
        }
    }

    /** A user changes their own password in the console: a weak one is refused under its field, then the old one stops working. */
    @Test
    public void staffChangeTheirOwnPasswordAndTheOldOneStopsWorking() throws Exception {
        assertThat(command("staff:user-add pw_qs " + USER_PASSWORD + " QS operator").status()).isZero();
        String renewed = "Hong-Qi-Lu-9";
        try {
            logInAs("pw_qs", USER_PASSWORD);
            browser.findElement(By.id("password-link")).click();
            wait.until(b -> !b.findElements(By.id("password-form")).isEmpty());
            fillPasswordForm(USER_PASSWORD, "12345678");
            wait.until(b -> !b.findElement(By.id("password-newPassword-error")).getText().isEmpty());
            assertThat(text("#password-newPassword-error")).matches(".*(至少三类|three of).*");
            assertThat(Http.as("pw_qs", USER_PASSWORD).get("/api/auth/me").status()).isEqualTo(200);

            fillPasswordForm(USER_PASSWORD, renewed);
            wait.until(b -> b.findElement(By.id("password-done")).isDisplayed());
            assertThat(text("#password-done")).matches(".*(密码已修改|has been changed).*");
            assertThat(Http.as("pw_qs", USER_PASSWORD).get("/api/auth/me").status()).isEqualTo(401);
            assertThat(Http.as("pw_qs", renewed).get("/api/auth/me").status()).isEqualTo(200);
            // this console went on in a new session: its next change (logging out) is accepted
            browser.findElement(By.id("logout")).click();
            wait.until(b -> !b.findElements(By.id("login-user")).isEmpty());
            logInAs("pw_qs", renewed);
        } finally {
            logOut();
        }
    }

    /**
     * An integrator's route that fails (a bank that is down) is shown in the Routes panel as held, with its error, while
     * metering still got the event; an admin lets it skip the event, and it is no longer held.
     */
    @Test
    public void theRoutesPanelShowsAHeldSubscriberAndAnAdminLetsItSkipTheEvent() throws Exception {
        Path file = newestRuntimeFolder().resolve("routes").resolve("console-bank.yaml");
        Files.writeString(file, String.join("\n",
                "- route:",
                "    id: console-bank",
                "    from:",
                "      uri: direct:customers.account-opened/console-bank",
                "      steps:",
                "        - throwException:",
                "            exceptionType: java.lang.IllegalStateException",
                "            message: bank gateway refused the connection",
                ""), StandardCharsets.UTF_8);
        assertThat(command("staff:user-add rt_op " + USER_PASSWORD + " QS operator").status()).isZero();
        Http admin = Http.as("admin", PASSWORD);
        try {
            Http.await(() -> admin.get("/api/integration/routes"), r -> r.body().contains("\"console-bank\""), Duration.ofSeconds(30));
            String account = admin.get("/api/metering/meters/" + DEMO_METER).json().get("accountNumber").asText();
            String area = admin.get("/api/customers/accounts/" + account).json().get("areaCode").asText();
            Http.Reply opened = Http.as("rt_op", USER_PASSWORD).post("/api/customers/accounts", Http.json(Map.of("number",
                    "3399000001", "name", "钱银行", "address", "城关镇银行路1号", "phone", "13600136001", "category",
                    "RESIDENTIAL", "voltageLevel", "V220", "importantClass", "NONE", "areaCode", area)));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);

            logInAs("admin", PASSWORD);
            browser.get(BASE + "/console/#/routes");
            wait.until(b -> !b.findElements(By.id("routes-held")).isEmpty());
            assertThat(text("#routes-held")).contains("customers.account-opened/console-bank",
                    "IllegalStateException: bank gateway refused the connection").matches("(?s).*(已暂停的订阅者|Held subscribers).*");
            assertThat(Http.await(() -> admin.get("/api/metering/orders?limit=500"), r -> r.body().contains("3399000001"),
                    Duration.ofSeconds(20)).body()).as("metering's wiring is not held back").contains("3399000001");

            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
            browser.findElements(By.cssSelector("#routes-held button")).get(0).click();
            wait.until(b -> b.findElements(By.id("routes-held")).isEmpty());
            assertThat(browser.findElement(By.id("routes-action-problem")).isDisplayed()).isFalse();
            assertThat(admin.get("/api/integration/routes").json().get("relay").get("held")).isEmpty();
        } finally {
            Files.deleteIfExists(file);
            logOut();
        }
    }

    private void fillPasswordForm(String current, String chosen) {
        for (String[] field : new String[][] { { "password-currentPassword", current }, { "password-newPassword", chosen },
                { "password-repeat", chosen } }) {
            browser.findElement(By.id(field[0])).clear();
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        browser.findElement(By.id("password-submit")).click();
    }

    private void openMeteringPanel() {
        wait.until(b -> !b.findElements(By.cssSelector("[data-panel=\"metering\"]")).isEmpty());
        browser.findElement(By.cssSelector("[data-panel=\"metering\"]")).click();
        wait.until(b -> !b.findElements(By.cssSelector("#metering-board section[data-status=\"OPEN\"]")).isEmpty());
    }

    private void logInAs(String user, String password) {
        logOut();
        browser.findElement(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(b -> !b.findElements(By.id("current-user")).isEmpty());
        assertThat(text("#current-user")).isEqualTo(user);
    }

    private void logOut() {
        browser.get(BASE + "/console");
        wait.until(b -> !b.findElements(By.id("login-user")).isEmpty() || !b.findElements(By.id("current-user")).isEmpty());
        if (!browser.findElements(By.id("current-user")).isEmpty()) {
            browser.findElement(By.id("logout")).click();
            wait.until(b -> !b.findElements(By.id("login-user")).isEmpty());
        }
    }

    private void loggedIn() {
        browser.get(BASE + "/console");
        wait.until(b -> !b.findElements(By.id("login-user")).isEmpty() || !b.findElements(By.id("current-user")).isEmpty());
        if (browser.findElements(By.id("current-user")).isEmpty()) {
            browser.findElement(By.id("login-user")).sendKeys("admin");
            browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            wait.until(b -> !b.findElements(By.id("current-user")).isEmpty());
        }
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Runs commands as admin over SSH with the distribution's own bin/client, as county IT would. */
    private static void shell(String... commands) throws IOException, InterruptedException {
        Path home = newestRuntimeFolder();
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-u", "admin", "-p", PASSWORD, "-b")
                .redirectErrorStream(true).start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(output).as("shell output").doesNotContain("Error", "Insufficient credentials", "Command not found");
    }

    record Command(int status, String output) {
    }

    /** One command as admin through the distribution's bin/cg-command, from a process whose input is no terminal. */
    private static Command command(String command) throws IOException, InterruptedException {
        Path home = newestRuntimeFolder();
        Process client = new ProcessBuilder(home.resolve("bin/cg-command").toString(), "-u", "admin", "-p", PASSWORD, command)
                .redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Command(client.exitValue(), output);
    }

    private static String sha512Hex(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path newestRuntimeFolder() throws IOException {
        File[] runs = new File("target/exam").listFiles(File::isDirectory);
        assertThat(runs).isNotEmpty();
        return Arrays.stream(runs).max(Comparator.comparingLong(File::lastModified)).orElseThrow().toPath();
    }
}
