package org.countygrid.platform.integration.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.countygrid.platform.integration.RouteLoadError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFolderTest {

    @TempDir
    Path dir;

    private CamelContext camel;
    private RouteSources sources;
    private RouteLoadErrors errors;
    private RouteFolder folder;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        sources = new RouteSources(camel, id -> { });
        errors = new RouteLoadErrors(Clock.systemUTC());
        folder = new RouteFolder(dir, sources, new RouteFileParser(camel), errors);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    static String yaml(String id, String from, String reply) {
        return """
                - route:
                    id: %s
                    from:
                      uri: %s
                      steps:
                        - setBody:
                            constant: %s
                """.formatted(id, from, reply);
    }

    static String xml(String id, String from, String reply) {
        return """
                <routes xmlns="http://camel.apache.org/schema/spring">
                  <route id="%s">
                    <from uri="%s"/>
                    <setBody><constant>%s</constant></setBody>
                  </route>
                </routes>
                """.formatted(id, from, reply);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private Object call(String uri) {
        return camel.createProducerTemplate().requestBody(uri, "in");
    }

    @Test
    void yamlFileAddedChangedAndDeleted() throws IOException {
        write("orders.yaml", yaml("orders-reply", "direct:orders", "v1"));
        folder.scan();
        assertThat(camel.getRoute("orders-reply")).isNotNull();
        assertThat(call("direct:orders")).isEqualTo("v1");
        assertThat(sources.labelOf("orders-reply")).contains("file orders.yaml");

        write("orders.yaml", yaml("orders-reply", "direct:orders", "v2"));
        folder.scan();
        assertThat(call("direct:orders")).isEqualTo("v2");

        Files.delete(dir.resolve("orders.yaml"));
        folder.scan();
        assertThat(camel.getRoute("orders-reply")).isNull();
        assertThat(camel.getRoutes()).isEmpty();
    }

    @Test
    void xmlFileAddedChangedAndDeleted() throws IOException {
        write("billing.xml", xml("billing-reply", "direct:billing", "x1"));
        folder.scan();
        assertThat(call("direct:billing")).isEqualTo("x1");

        write("billing.xml", xml("billing-reply-2", "direct:billing", "x2"));
        folder.scan();
        assertThat(camel.getRoute("billing-reply")).isNull();
        assertThat(camel.getRoute("billing-reply-2")).isNotNull();
        assertThat(call("direct:billing")).isEqualTo("x2");

        Files.delete(dir.resolve("billing.xml"));
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
    }

    @Test
    void unchangedFilesAreNotReloaded() throws IOException {
        write("orders.yml", yaml("orders-reply", "direct:orders", "v1"));
        folder.scan();
        Route first = camel.getRoute("orders-reply");
        folder.scan();
        assertThat(camel.getRoute("orders-reply")).isSameAs(first);
    }

    @Test
    void brokenNewFileIsReportedAndChangesNothingElse() throws IOException {
        write("good.yaml", yaml("good-reply", "direct:good", "ok"));
        write("broken.yaml", "- route:\n    from: [ this is not\n");
        write("broken.xml", "<routes><route id=\"x\"><from uri=\"direct:x\"/>");
        folder.scan();

        assertThat(call("direct:good")).isEqualTo("ok");
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("good-reply");
        assertThat(errors.all()).extracting(RouteLoadError::source).containsExactly("file broken.xml", "file broken.yaml");
        assertThat(errors.all()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Test
    void brokenChangeKeepsThePreviousVersionRunningUntilFixed() throws IOException {
        write("orders.yaml", yaml("orders-reply", "direct:orders", "v1"));
        folder.scan();

        write("orders.yaml", "- route:\n    id: orders-reply\n    from:\n      uri: [ broken\n");
        folder.scan();
        assertThat(call("direct:orders")).isEqualTo("v1");
        assertThat(errors.all()).singleElement().satisfies(e -> assertThat(e.source()).isEqualTo("file orders.yaml"));

        write("orders.yaml", yaml("orders-reply", "direct:orders", "v3"));
        folder.scan();
        assertThat(call("direct:orders")).isEqualTo("v3");
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void routeThatCannotStartIsRemovedAndThePreviousVersionRestored() throws IOException {
        write("orders.xml", xml("orders-reply", "direct:orders", "v1"));
        folder.scan();

        write("orders.xml", xml("orders-reply", "nosuchcomponent:orders", "v2"));
        folder.scan();

        assertThat(errors.all()).singleElement().satisfies(e -> assertThat(e.message()).contains("nosuchcomponent"));
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("orders-reply");
        assertThat(call("direct:orders")).isEqualTo("v1");
    }

    @Test
    void aRouteAnAdminStoppedStaysStoppedWhenABrokenEditIsUndone() throws Exception {
        write("orders.xml", xml("orders-reply", "direct:orders", "v1"));
        folder.scan();
        camel.getRouteController().stopRoute("orders-reply");

        write("orders.xml", xml("orders-reply", "nosuchcomponent:orders", "v2"));
        folder.scan();

        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("orders-reply");
        assertThat(camel.getRouteController().getRouteStatus("orders-reply")).isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void aRenamedFileKeepsItsRoutesRunning() throws IOException {
        write("orders.yaml", yaml("orders-reply", "direct:orders", "v1"));
        folder.scan();

        Files.move(dir.resolve("orders.yaml"), dir.resolve("orders-2026.yaml"));
        folder.scan();

        assertThat(errors.all()).isEmpty();
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("orders-reply");
        assertThat(sources.labelOf("orders-reply")).contains("file orders-2026.yaml");
        assertThat(call("direct:orders")).isEqualTo("v1");
    }

    @Test
    void aFileStillBeingWrittenLoadsOnlyOnceItHasSettled() throws IOException {
        RouteFolder settling = new RouteFolder(dir, sources, new RouteFileParser(camel), errors, Duration.ofHours(1), null);
        String whole = yaml("orders-reply", "direct:orders", "v1") + yaml("orders-audit", "direct:audit", "a1");
        write("orders.yaml", whole.substring(0, whole.indexOf("- route:", 10))); // the copy so far: one route

        settling.scan();
        assertThat(camel.getRoutes()).as("just written: wait for the next scan").isEmpty();
        write("orders.yaml", whole); // the copy goes on
        settling.scan();
        assertThat(camel.getRoutes()).as("it changed since the last scan").isEmpty();
        settling.scan();
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder("orders-reply", "orders-audit");

        write("old.yaml", yaml("old-reply", "direct:old", "o1"));
        Files.setLastModifiedTime(dir.resolve("old.yaml"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        settling.scan();
        assertThat(camel.getRoute("old-reply")).as("written long ago: loads at once").isNotNull();
    }

    @Test
    void aFileCopiedToANewNameAndTheOldOneDeletedKeepsItsRoutesRunningWhileTheCopySettles() throws IOException {
        RouteFolder settling = new RouteFolder(dir, sources, new RouteFileParser(camel), errors, Duration.ofHours(1), null);
        write("orders.yaml", yaml("orders-reply", "direct:orders", "v1"));
        Files.setLastModifiedTime(dir.resolve("orders.yaml"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        settling.scan();

        Files.copy(dir.resolve("orders.yaml"), dir.resolve("orders-2026.yaml"));
        Files.delete(dir.resolve("orders.yaml"));
        settling.scan();
        assertThat(sources.labelOf("orders-reply")).as("the copy has not settled: the old routes run on").contains("file orders.yaml");
        assertThat(call("direct:orders")).isEqualTo("v1");

        settling.scan();
        assertThat(sources.labelOf("orders-reply")).contains("file orders-2026.yaml");
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void aRouteMovedToAFileEarlierInTheFoldersOrderRunsFromThere() throws IOException {
        write("b.yaml", yaml("orders-reply", "direct:orders", "v1") + yaml("audit-reply", "direct:audit", "a1"));
        folder.scan();

        write("a.yaml", yaml("orders-reply", "direct:orders", "v2"));
        write("b.yaml", yaml("audit-reply", "direct:audit", "a1"));
        folder.scan();

        assertThat(errors.all()).isEmpty();
        assertThat(sources.labelOf("orders-reply")).contains("file a.yaml");
        assertThat(call("direct:orders")).isEqualTo("v2");
        assertThat(call("direct:audit")).isEqualTo("a1");
    }

    @Test
    void aCopyRefusedWhileTheOriginalRanLoadsOnceTheOriginalIsDeletedAScanLater() throws IOException {
        write("crm-a.yaml", yaml("crm", "direct:customers.account-opened/crm", "a"));
        folder.scan();
        Files.copy(dir.resolve("crm-a.yaml"), dir.resolve("crm-b.yaml"));
        folder.scan();
        assertThat(errors.all()).extracting(RouteLoadError::source).containsExactly("file crm-b.yaml");

        Files.delete(dir.resolve("crm-a.yaml"));
        folder.scan();
        assertThat(sources.labelOf("crm")).contains("file crm-b.yaml");
        assertThat(call("direct:customers.account-opened/crm")).isEqualTo("a");
        assertThat(errors.all()).as("no error naming a file that is gone").isEmpty();
    }

    @Test
    void aFileRefusedForAnEndpointAnotherFileConsumedLoadsWhenThatFileGoes() throws IOException {
        write("log-new-accounts.yaml", yaml("log-new", "direct:customers.account-opened", "log"));
        folder.scan();
        write("sms-on-open.yaml", yaml("sms-new", "direct:customers.account-opened", "sms"));
        folder.scan();
        assertThat(errors.all()).extracting(RouteLoadError::source).containsExactly("file sms-on-open.yaml");
        assertThat(errors.all()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("direct://customers.account-opened").contains("consumed by route log-new of file log-new-accounts.yaml"));
        assertThat(call("direct:customers.account-opened")).isEqualTo("log");

        write("unrelated.yaml", yaml("other", "direct:other", "o"));
        folder.scan();
        assertThat(errors.all()).as("tried again, refused again, still reported").hasSize(1);

        Files.delete(dir.resolve("log-new-accounts.yaml"));
        folder.scan();
        assertThat(call("direct:customers.account-opened")).isEqualTo("sms");
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void ofTwoConflictingFilesTheOneThereBeforeRunsAtAStartWhateverTheirNames() throws IOException {
        write("z-old.yaml", yaml("billing", "direct:billing", "old"));
        Files.setLastModifiedTime(dir.resolve("z-old.yaml"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        write("a-new.yaml", yaml("billing", "direct:billing", "new"));

        folder.scan(); // a node starting with both files there

        assertThat(call("direct:billing")).isEqualTo("old");
        assertThat(errors.all()).extracting(RouteLoadError::source).containsExactly("file a-new.yaml");
    }

    @Test
    void aRestartKeepsTheFileThatRanEvenWhenTheRefusedOneIsOlder() throws IOException {
        Path state = dir.resolveSibling(dir.getFileName() + "-state").resolve("refused-route-files.txt");
        RouteFolder running = new RouteFolder(dir, sources, new RouteFileParser(camel), errors, Duration.ZERO, state);
        write("sms.yaml", yaml("sms", "direct:customers.account-opened", "sms"));
        running.scan();
        write("billing.xml", xml("billing", "direct:customers.account-opened", "billing"));
        // copied in with cp -p, or moved in: older than the file that runs
        Files.setLastModifiedTime(dir.resolve("billing.xml"), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        running.scan();
        assertThat(call("direct:customers.account-opened")).isEqualTo("sms");
        assertThat(state).hasContent("billing.xml");

        // the node stops and starts: a new context, the same folder and state
        camel.stop();
        camel = new DefaultCamelContext();
        camel.start();
        sources = new RouteSources(camel, id -> { });
        errors = new RouteLoadErrors(Clock.systemUTC());
        new RouteFolder(dir, sources, new RouteFileParser(camel), errors, Duration.ZERO, state).scan();

        assertThat(call("direct:customers.account-opened")).isEqualTo("sms");
        assertThat(errors.all()).extracting(RouteLoadError::source).containsExactly("file billing.xml");
    }

    @Test
    void aRouteConfigurationOrATemplateIsRefusedAndChangesNoOtherRoute() throws IOException {
        write("bank.yaml", yaml("bank", "direct:bank", "ok"));
        write("zz-config.yaml", """
                - routeConfiguration:
                    onException:
                      - onException:
                          handled:
                            constant: true
                          exception:
                            - java.lang.Exception
                """);
        write("tmpl.yaml", """
                - routeTemplate:
                    id: greeter
                    from:
                      uri: direct:greet
                      steps:
                        - setBody:
                            constant: hi
                """);
        write("eh.yaml", """
                - errorHandler:
                    deadLetterChannel:
                      deadLetterUri: "log:dead"
                """ + yaml("eh-own", "direct:eh", "x"));
        folder.scan();

        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("bank");
        assertThat(errors.all()).extracting(RouteLoadError::message).anySatisfy(m -> assertThat(m)
                .startsWith("errorHandler at the top of a file is not taken from the routes folder"));
        assertThat(errors.all()).extracting(RouteLoadError::message).anySatisfy(m -> assertThat(m)
                .startsWith("routeConfiguration is not taken from the routes folder").contains("onException"))
                .anySatisfy(m -> assertThat(m).startsWith("routeTemplate is not taken from the routes folder"));
    }

    @Test
    void aFileEmptiedOrWithEveryRouteCommentedOutHasNoRoutes() throws IOException {
        write("mv-b.yaml", yaml("mv-one", "direct:mv", "1"));
        write("billing.xml", xml("billing-reply", "direct:billing", "x1"));
        folder.scan();
        assertThat(camel.getRoutes()).hasSize(2);

        write("mv-b.yaml", "");
        write("billing.xml", "<!-- " + xml("billing-reply", "direct:billing", "x1").replace("--", "") + " -->\n");
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
        assertThat(errors.all()).isEmpty();

        write("mv-b.yaml", "# parked\n" + yaml("mv-one", "direct:mv", "1").lines().map(l -> "# " + l).reduce("", (a, b) -> a + b + "\n"));
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
        write("mv-b.yaml", yaml("mv-one", "direct:mv", "2"));
        folder.scan();
        assertThat(call("direct:mv")).isEqualTo("2");
    }

    @Test
    void aFileNotInUtf8IsRefusedInsteadOfLoadedWithItsChineseGarbled() throws IOException {
        Files.write(dir.resolve("gbk.yaml"), yaml("gbk", "direct:gbk", "停电通知").getBytes(java.nio.charset.Charset.forName("GBK")));
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
        assertThat(errors.all()).singleElement().satisfies(e -> assertThat(e.message()).contains("not UTF-8"));

        write("gbk.yaml", yaml("gbk", "direct:gbk", "停电通知"));
        folder.scan();
        assertThat(call("direct:gbk")).isEqualTo("停电通知");
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void theRelayWaitsWhileRoutesAreBeingReplaced() throws Exception {
        CountDownLatch changing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread change = new Thread(() -> sources.changing(() -> {
            changing.countDown();
            await(release);
        }));
        change.start();
        assertThat(changing.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> relayed = CompletableFuture.supplyAsync(() -> sources.whileUnchanged(() -> "relayed"));
        Thread.sleep(200);
        assertThat(relayed).as("held off while the change runs").isNotDone();
        release.countDown();
        assertThat(relayed.get(5, TimeUnit.SECONDS)).isEqualTo("relayed");
        change.join(5000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void routeIdOfAnotherSourceIsRefused() throws Exception {
        sources.replace("module", "bundle org.countygrid.customers", new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").routeId("customers-welcome").setBody(constant("module"));
            }
        });
        write("clash.yaml", yaml("customers-welcome", "direct:clash", "file"));
        folder.scan();

        assertThat(call("direct:customers")).isEqualTo("module");
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactly("customers-welcome");
        assertThat(errors.all()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("customers-welcome").contains("bundle org.countygrid.customers"));
    }

    @Test
    void deletingABrokenFileClearsItsError() throws IOException {
        write("broken.yaml", "- route: [\n");
        folder.scan();
        assertThat(errors.all()).hasSize(1);

        Files.delete(dir.resolve("broken.yaml"));
        folder.scan();
        assertThat(errors.all()).isEmpty();
    }

    @Test
    void otherFilesAreIgnored() throws IOException {
        write("notes.txt", "not a route");
        write(".orders.yaml.swp", "editor swap file");
        folder.scan();
        assertThat(camel.getRoutes()).isEmpty();
        assertThat(errors.all()).isEmpty();
    }
}
