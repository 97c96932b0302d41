package org.countygrid.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field worker's day through the mobile API of the running distribution: stock arrives and is pre-issued, the
 * worker receives the meters and a concentrator, installs the concentrator in a transformer area, installs a meter
 * and then replaces it — scan, final readings, infrared reading, photos, the customer's signature — and the
 * replacement reaches an integrator's route as {@code metering.meter-replaced}, the completed form is a PDF, and the
 * topology moved to the new meter.
 */
abstract class MeteringFieldTests extends CustomersPersistenceTests {

    static final String OLD = "3399000000000000000501";
    static final String NEW = "3399000000000000000502";
    static final String ACCOUNT = "3300009501";
    static final String AREA = "QSM-T01";
    static final String TERMINAL = "QSM-T0001";

    final Http op = Http.as(TestUsers.OPERATOR_QS);
    final Http field = Http.as(TestUsers.FIELD_QS);

    @org.junit.Test
    public void aMeterReplacementGoesThroughTheMobileApiToTheEventAndTheForm() throws Exception {
        Path routes = Paths.get(System.getProperty("karaf.base"), "routes");
        Path inbox = Paths.get(System.getProperty("karaf.data"), "it-metering-events");
        // written under a temporary name and renamed, as an integrator's file route should be: a reader never sees
        // the file half-written (this test once read it empty in CI, between its creation and its content)
        Files.writeString(routes.resolve("it-meter-replaced.yaml"), String.join("\n",
                "- route:",
                "    id: it-meter-replaced",
                "    from:",
                "      uri: direct:metering.meter-replaced",
                "      steps:",
                "        - to: \"file:" + inbox + "?fileName=${header.CountyGridSubject}.json&tempPrefix=.inflight-\"",
                ""), StandardCharsets.UTF_8);
        Http admin = Http.as(TestUsers.ADMIN);
        assertThat(Http.await(() -> admin.get("/api/integration/routes"), r -> r.body().contains("it-meter-replaced"),
                Duration.ofSeconds(20)).body()).as("the integrator's route is deployed").contains("it-meter-replaced");

        ok(op.post("/api/customers/stations", Http.json(Map.of("code", "QSM", "name", "QSM供电所"))), 201);
        ok(op.post("/api/customers/stations/QSM/areas", Http.json(Map.of("code", AREA, "name", "QSM台区",
                "capacityKva", 400))), 201);
        ok(op.post("/api/customers/accounts", Http.json(Map.of("number", ACCOUNT, "name", "赵大山", "address",
                "城关镇西街5号", "phone", "13700137005", "category", "RESIDENTIAL", "voltageLevel", "V220",
                "importantClass", "NONE", "areaCode", AREA))), 201);

        // stock: a delivery of two prepaid meters and a concentrator, verified, pre-issued, received by the worker
        String csv = "barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass\n"
                + OLD + ",QSM-A0501,000000000501,SINGLE,LOCAL,华立,2\n"
                + NEW + ",QSM-A0502,000000000502,SINGLE,LOCAL,华立,2\n";
        ok(op.post("/api/metering/meters/deliveries?batch=IT-501&warehouse=KF-IT", "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(ok(op.get("/api/metering/meters/stock"), 200).json().get("byWarehouse").toString())
                .contains("{\"holder\":\"KF-IT\",\"state\":\"IN_STOCK\",\"count\":2}");
        for (String m : List.of(OLD, NEW)) {
            ok(op.post("/api/metering/meters/" + m + "/verify", "{}"), 200);
            ok(op.post("/api/metering/meters/" + m + "/pre-issue", Http.json(Map.of("stationCode", "QSM", "cabinetCode", "A1"))), 200);
            ok(field.post("/api/metering/meters/" + m + "/receive", Http.json(Map.of("stationCode", "QSM", "deviceId", "PDA-9"))), 200);
        }
        assertThat(ok(op.post("/api/metering/terminals?warehouse=KF-IT", Http.json(Map.of("assetNumber", TERMINAL,
                "address", "3301B001", "kind", "CONCENTRATOR", "manufacturer", "威胜"))), 201).json().get("warehouseCode")
                .asText()).isEqualTo("KF-IT");
        ok(op.post("/api/metering/terminals/" + TERMINAL + "/verify", "{}"), 200);
        ok(op.post("/api/metering/terminals/" + TERMINAL + "/pre-issue", Http.json(Map.of("stationCode", "QSM", "cabinetCode", "A1"))), 200);
        ok(field.post("/api/metering/terminals/" + TERMINAL + "/receive", Http.json(Map.of("stationCode", "QSM"))), 200);
        ok(field.post("/api/metering/terminals/" + TERMINAL + "/install", Http.json(Map.of("areaCode", AREA))), 200);

        long install = wiredInstallOrder();
        ok(field.post("/api/metering/orders/" + install + "/scan", Http.json(Map.of("barcode", OLD, "deviceId", "PDA-9"))), 200);
        newMeterEvidence(install);
        sign(install);
        ok(field.post("/api/metering/orders/" + install + "/complete", "{}"), 200);

        long replace = order("REPLACE");
        Http.Reply wrong = field.post("/api/metering/orders/" + replace + "/scan", Http.json(Map.of("barcode", OLD)));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        ok(field.post("/api/metering/orders/" + replace + "/scan", Http.json(Map.of("barcode", NEW))), 200);
        ok(field.post("/api/metering/orders/" + replace + "/final-readings", Http.json(Map.of("totalKwh", 1234.56,
                "peakKwh", 400, "flatKwh", 500.5, "valleyKwh", 334.06, "errCode", "ERR-04"))), 200);
        Http.Reply notImage = field.post("/api/metering/orders/" + replace + "/photos?kind=OLD_METER_PHOTO", "image/jpeg",
                "not a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.body()).contains("must be a JPEG or PNG image");
        ok(field.post("/api/metering/orders/" + replace + "/photos?kind=OLD_METER_PHOTO", "image/jpeg", image("jpg", 11)), 200);
        newMeterEvidence(replace);
        Http.Reply early = field.post("/api/metering/orders/" + replace + "/complete", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("the customer's signature");
        sign(replace);
        JsonNode done = ok(field.post("/api/metering/orders/" + replace + "/complete",
                Http.json(Map.of("residualBalanceFen", 1520, "deviceId", "PDA-9"))), 200).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");

        Path event = inbox.resolve(ACCOUNT + ".json");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(event) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(event).as("the relay delivered metering.meter-replaced to the integrator's route").exists();
        assertThat(Files.readString(event, StandardCharsets.UTF_8)).contains("\"oldBarcode\":\"" + OLD + "\"",
                "\"newBarcode\":\"" + NEW + "\"", "\"residualBalanceFen\":1520", "\"totalKwh\":1234.56", "ERR-04");

        Http.Binary form = op.download("/api/metering/orders/" + replace + "/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.contentType()).startsWith("application/pdf");
        try (PDDocument pdf = PDDocument.load(form.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("换表", ACCOUNT, "赵大山", OLD, NEW, "1234.56",
                    "ERR-04", "15.20", "王小明");
        }
        assertThat(Http.as(TestUsers.OPERATOR_QT).download("/api/metering/orders/" + replace + "/form").status())
                .isEqualTo(404);

        JsonNode topology = ok(op.get("/api/metering/areas/" + AREA + "/topology"), 200).json();
        assertThat(topology.get("attached").toString()).contains(NEW).doesNotContain(OLD);
        Files.delete(routes.resolve("it-meter-replaced.yaml"));

        readingsOfTheNewMeterAreKeptWithTheirVerdictsOnce();
        anAccountMovedToAnotherAreaTakesItsMeterAndOrderAlong();
    }

    /**
     * 台区切改 through the customers REST API: the account goes to an area without a terminal, with a corrected
     * address; the wiring of customers.account-changed lets the REMOVE order under way and the installed meter follow.
     */
    private void anAccountMovedToAnotherAreaTakesItsMeterAndOrderAlong() {
        String area2 = "QSM-T02";
        ok(op.post("/api/customers/stations/QSM/areas", Http.json(Map.of("code", area2, "name", "QSM二号台区",
                "capacityKva", 200))), 201);
        long remove = order("REMOVE");
        assertThat(ok(op.get("/api/metering/orders/" + remove), 200).json().get("address").asText()).isEqualTo("城关镇西街5号");
        long version = ok(op.get("/api/customers/accounts/" + ACCOUNT), 200).json().get("version").asLong();
        ok(op.put("/api/customers/accounts/" + ACCOUNT, Http.json(Map.of("name", "赵大山", "address", "城关镇西街7号",
                "phone", "13700137005", "category", "RESIDENTIAL", "voltageLevel", "V220", "importantClass", "NONE",
                "areaCode", area2, "version", version))), 200);

        JsonNode followed = Http.await(() -> op.get("/api/metering/orders/" + remove),
                r -> r.body().contains("城关镇西街7号"), Duration.ofSeconds(20)).json();
        assertThat(followed.get("address").asText()).as(followed.toString()).isEqualTo("城关镇西街7号");
        assertThat(followed.get("areaCode").asText()).isEqualTo(area2);
        JsonNode last = followed.get("history").get(followed.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("account-changed");
        assertThat(last.get("note").asText()).contains("(from customers.account-changed#");
        assertThat(ok(op.get("/api/metering/areas/" + AREA + "/topology"), 200).json().toString()).doesNotContain(NEW);
        assertThat(ok(op.get("/api/metering/areas/" + area2 + "/topology"), 200).json().get("unattached").toString())
                .contains(NEW);
    }

    /**
     * Readings of the installed new meter through the service (on PostgreSQL stored with COPY): a valid one and two
     * failed ones, all kept with their reasons; the same batch again changes nothing, nor does another value.
     */
    private void readingsOfTheNewMeterAreKeptWithTheirVerdictsOnce() {
        // the next quarter hour: interval readings are taken on quarter hours, and this is the first after the
        // installation (which may lie in this second); at most 15 min ahead, the clock skew the distribution allows here
        long quarter = Duration.ofMinutes(15).toSeconds();
        Instant now = Instant.ofEpochSecond((Instant.now().getEpochSecond() / quarter + 1) * quarter);
        Instant future = now.plus(Duration.ofDays(3));
        Instant beforeInstallation = now.minus(Duration.ofDays(2));
        String batch = Http.json(List.of(reading(now, "0.75"), reading(future, "9.00"), reading(beforeInstallation, "0.10")));
        JsonNode summary = ok(op.post("/api/metering/readings", batch), 200).json();
        assertThat(summary.get("received").asInt()).isEqualTo(3);
        assertThat(summary.get("valid").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(2);
        assertThat(summary.get("failures").toString()).contains("\"FUTURE\":1", "\"NOT_INSTALLED\":1");

        String range = "&from=" + now.minus(Duration.ofDays(3)) + "&to=" + future.plus(Duration.ofDays(1));
        JsonNode stored = ok(op.get("/api/metering/readings?barcode=" + NEW + "&kind=INTERVAL_15" + range), 200).json();
        assertThat(stored.size()).as(stored.toString()).isEqualTo(3);
        Map<Instant, JsonNode> byTime = new java.util.HashMap<>();
        stored.forEach(r -> byTime.put(Instant.parse(r.get("readAt").asText()), r));
        assertThat(byTime.get(now).get("status").asText()).isEqualTo("VALID");
        assertThat(byTime.get(now).get("kwh").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(byTime.get(now).hasNonNull("reason")).isFalse();
        assertThat(byTime.get(future).get("reason").asText()).isEqualTo("FUTURE");
        assertThat(byTime.get(beforeInstallation).get("reason").asText()).isEqualTo("NOT_INSTALLED");

        // sent again: the valid one is a repeat; the two refused for when they came and what was known then are
        // judged anew (and fail again), in place of the stored ones
        JsonNode again = ok(op.post("/api/metering/readings", batch), 200).json();
        assertThat(again.get("duplicates").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.get("valid").asInt()).isZero();
        assertThat(again.get("failures").toString()).contains("\"FUTURE\":1", "\"NOT_INSTALLED\":1");
        assertThat(ok(op.get("/api/metering/readings?barcode=" + NEW + "&kind=INTERVAL_15" + range), 200).json().size())
                .isEqualTo(3);

        // the valid one with another value: a conflict, named in the answer; the stored value stands
        JsonNode conflict = ok(op.post("/api/metering/readings", Http.json(List.of(reading(now, "0.80")))), 200).json();
        assertThat(conflict.get("conflicts").asInt()).as(conflict.toString()).isEqualTo(1);
        assertThat(conflict.get("duplicates").asInt()).isZero();
        assertThat(conflict.at("/firstConflicts/0/keptKwh").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(conflict.at("/firstConflicts/0/sentKwh").decimalValue()).isEqualByComparingTo("0.80");
        JsonNode kept = ok(op.get("/api/metering/readings?barcode=" + NEW + "&kind=INTERVAL_15&from=" + now + "&to="
                + now.plusSeconds(1)), 200).json();
        assertThat(kept.get(0).get("kwh").decimalValue()).isEqualByComparingTo("0.75");
    }

    private static Map<String, Object> reading(Instant at, String kwh) {
        return Map.of("barcode", NEW, "kind", "INTERVAL_15", "readAt", at.toString(), "register", "TOTAL", "kwh",
                new java.math.BigDecimal(kwh));
    }

    /**
     * Opening the account asked for its meter's installation: the wiring route (integration/wiring) turned
     * customers.account-opened into an INSTALL order, not assigned yet; the back office hands it to the worker.
     */
    private long wiredInstallOrder() {
        JsonNode made = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (made == null && System.nanoTime() < deadline) {
            for (JsonNode o : ok(op.get("/api/metering/orders?status=OPEN&limit=500"), 200).json().get("items")) {
                if (ACCOUNT.equals(o.get("accountNumber").asText())) {
                    made = o;
                }
            }
            if (made == null) {
                sleep(200);
            }
        }
        assertThat(made).as("the wiring made an INSTALL order for the opened account").isNotNull();
        assertThat(made.get("type").asText()).isEqualTo("INSTALL");
        assertThat(made.hasNonNull("worker")).as("not assigned yet").isFalse();
        assertThat(made.get("history").get(0).get("note").asText()).contains("新装", "(from customers.account-opened#");
        long id = made.get("id").asLong();
        // a second INSTALL order for the account is refused while this one is under way
        Http.Reply twice = op.post("/api/metering/orders", Http.json(Map.of("type", "INSTALL", "accountNumber", ACCOUNT,
                "worker", TestUsers.FIELD_QS)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("work order " + id);
        long shown = made.get("version").asLong();
        ok(op.post("/api/metering/orders/" + id + "/hand-over", Http.json(Map.of("worker", TestUsers.FIELD_QS,
                "version", shown))), 200);
        // the same move again from the screen that showed the order before: stale, refused, nothing changed
        Http.Reply stale = op.post("/api/metering/orders/" + id + "/cancel", Http.json(Map.of("reason", "旧页面",
                "version", shown)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:countygrid:problem:stale");
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long order(String type) {
        return ok(op.post("/api/metering/orders", Http.json(Map.of("type", type, "accountNumber", ACCOUNT,
                "worker", TestUsers.FIELD_QS))), 201).json().get("id").asLong();
    }

    private void newMeterEvidence(long order) throws IOException {
        ok(field.post("/api/metering/orders/" + order + "/infrared-reading?deviceId=IR-2",
                Http.json(Map.of("totalKwh", 0.52))), 200);
        ok(field.post("/api/metering/orders/" + order + "/photos?kind=NEW_METER_PHOTO", "image/png",
                image("png", (int) order)), 200);
    }

    private void sign(long order) throws IOException {
        ok(field.post("/api/metering/orders/" + order + "/signature?signer=%E7%8E%8B%E5%B0%8F%E6%98%8E", "image/png",
                image("png", 99)), 200);
    }

    private static Http.Reply ok(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    static byte[] image(String format, int seed) throws IOException {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 41 % 256, 120, 60));
        g.fillRect(0, 0, 80, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
