package org.countygrid.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customers module on a real database, through its REST API, as the counter staff of two offices use it:
 * QS (the node's own) and QT (a neighbouring county on the same node). Run once on H2 and once on PostgreSQL.
 */
public abstract class CustomersPersistenceTests {

    private static final Http ADMIN = Http.as(TestUsers.ADMIN);
    private static final Http OP_QS = Http.as(TestUsers.OPERATOR_QS);
    private static final Http OP_QT = Http.as(TestUsers.OPERATOR_QT);
    private static final Http AUDITOR = Http.as(TestUsers.AUDITOR_QS);
    private static final Http FIELD = Http.as(TestUsers.FIELD_QS);

    @Before
    public void nodeIsUp() {
        Http.Reply health = Http.await(() -> Http.anonymous().get("/api/health"), r -> r.status() == 200, Duration.ofSeconds(180));
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        Http.Reply stations = Http.await(() -> ADMIN.get("/api/customers/stations"), r -> r.status() == 200, Duration.ofSeconds(120));
        assertThat(stations.status()).as("customers module published: " + stations.body()).isEqualTo(200);
    }

    /** A station and an area in each office, created through the API once per container. */
    private void ensureGrid(Http operator, String station, String area) {
        if (operator.get("/api/customers/areas/" + area).status() == 200) {
            return;
        }
        Http.Reply s = operator.post("/api/customers/stations", Http.json(Map.of("code", station, "name", station + "供电所")));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        Http.Reply a = operator.post("/api/customers/stations/" + station + "/areas",
                Http.json(Map.of("code", area, "name", area + "台区", "capacityKva", 400)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    private static String account(String number, String name, String area) {
        return Http.json(Map.of("number", number, "name", name, "address", "城关镇解放路8号", "phone", "13800138000",
                "category", "RESIDENTIAL", "voltageLevel", "V220", "importantClass", "NONE", "areaCode", area));
    }

    @Test
    public void anAccountIsOpenedFoundChangedAndClosed() {
        ensureGrid(OP_QS, "QSA", "QSA-T01");
        Http.Reply opened = OP_QS.post("/api/customers/accounts", account("3300000001", "李建国", "QSA-T01"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("status").asText()).isEqualTo("OPEN");

        Http.Reply found = OP_QS.get("/api/customers/accounts?q=李建国");
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("number").asText()).isEqualTo("3300000001");

        JsonNode current = OP_QS.get("/api/customers/accounts/3300000001").json();
        String change = Http.json(Map.of("name", "李建国", "address", "城关镇解放路9号", "phone", "13900139000",
                "category", "COMMERCIAL", "voltageLevel", "V380", "importantClass", "NONE", "areaCode", "QSA-T01",
                "version", current.get("version").asLong()));
        Http.Reply changed = OP_QS.put("/api/customers/accounts/3300000001", change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("phone").asText()).isEqualTo("13900139000");

        Http.Reply stale = OP_QS.put("/api/customers/accounts/3300000001", change);
        assertThat(stale.status()).as("a change based on an old version is refused").isEqualTo(409);

        Http.Reply closed = OP_QS.post("/api/customers/accounts/3300000001/close", Http.json(Map.of("reason", "销户")));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(OP_QS.post("/api/customers/accounts/3300000001/close", Http.json(Map.of("reason", "again"))).status())
                .as("closing twice is a conflict").isEqualTo(409);
    }

    @Test
    public void anotherOfficesAccountsAreInvisibleOnEveryEndpoint() {
        ensureGrid(OP_QS, "QSB", "QSB-T01");
        ensureGrid(OP_QT, "QTA", "QTA-T01");
        // the same account number in both offices: they are different customers
        assertThat(OP_QT.post("/api/customers/accounts", account("3300000099", "张秀英", "QTA-T01")).status()).isEqualTo(201);
        assertThat(OP_QS.post("/api/customers/accounts", account("3300000099", "王志强", "QSB-T01")).status()).isEqualTo(201);
        assertThat(OP_QT.post("/api/customers/accounts", account("3300000098", "张桂兰", "QTA-T01")).status()).isEqualTo(201);

        // search (a page of one with the total of the office's own, and past its end), detail
        assertThat(OP_QS.get("/api/customers/accounts?q=张").json().get("total").asLong()).isZero();
        JsonNode first = OP_QT.get("/api/customers/accounts?q=张&limit=1").json();
        assertThat(first.get("total").asLong()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("number").asText()).isEqualTo("3300000098");
        assertThat(first.get("items").get(0).get("areaCode").asText()).isEqualTo("QTA-T01");
        JsonNode second = OP_QT.get("/api/customers/accounts?q=张&limit=1&offset=1").json();
        assertThat(second.get("items").get(0).get("name").asText()).isEqualTo("张秀英");
        JsonNode past = OP_QT.get("/api/customers/accounts?q=张&limit=1&offset=5").json();
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(2);
        assertThat(OP_QS.get("/api/customers/accounts/3300000098").status()).isEqualTo(404);
        assertThat(OP_QS.get("/api/customers/accounts/3300000099").json().get("name").asText()).isEqualTo("王志强");
        assertThat(OP_QT.get("/api/customers/accounts/3300000099").json().get("name").asText()).isEqualTo("张秀英");
        // change, close
        String change = Http.json(Map.of("name", "篡改", "address", "x", "phone", "13800138000", "category", "RESIDENTIAL",
                "voltageLevel", "V220", "importantClass", "NONE", "areaCode", "QSB-T01"));
        assertThat(OP_QS.put("/api/customers/accounts/3300000098", change).status()).isEqualTo(404);
        assertThat(OP_QS.post("/api/customers/accounts/3300000098/close", Http.json(Map.of("reason", "x"))).status()).isEqualTo(404);
        // an account cannot be opened in another office's area
        assertThat(OP_QS.post("/api/customers/accounts", account("3300000097", "赵敏", "QTA-T01")).status())
                .as("QT's area does not exist for QS").isIn(400, 404);
        assertThat(OP_QS.get("/api/customers/accounts/3300000097").status()).as("nothing was opened").isEqualTo(404);
        // stations and areas
        assertThat(OP_QS.get("/api/customers/stations").body()).doesNotContain("QTA");
        assertThat(OP_QS.get("/api/customers/stations/QTA").status()).isEqualTo(404);
        assertThat(OP_QS.get("/api/customers/stations/QTA/areas").status()).isEqualTo(404);
        assertThat(OP_QS.get("/api/customers/stations/QTA/areas").body()).doesNotContain("QTA-T01");
        assertThat(OP_QS.get("/api/customers/areas/QTA-T01").status()).isEqualTo(404);
        assertThat(OP_QS.post("/api/customers/stations/QTA/areas", Http.json(Map.of("code", "QTA-T99", "name", "x", "capacityKva", 100)))
                .status()).isEqualTo(404);
        // nothing of QT changed
        assertThat(OP_QT.get("/api/customers/accounts/3300000098").json().get("status").asText()).isEqualTo("OPEN");
        assertThat(OP_QT.get("/api/customers/accounts/3300000098").json().get("name").asText()).isEqualTo("张桂兰");
    }

    @Test
    public void everyEndpointNeedsALoginAndTheRightRole() {
        ensureGrid(OP_QS, "QSC", "QSC-T01");
        assertThat(OP_QS.post("/api/customers/accounts", account("3300000201", "周杰", "QSC-T01")).status()).isEqualTo(201);
        Http anonymous = Http.anonymous();
        // every read: 401 without a login, 403 for a login of the office without a CountyGrid role, 200 for every read role
        Http noRole = Http.as(TestUsers.NOROLE_QS);
        for (String path : List.of("/api/customers/accounts", "/api/customers/accounts/3300000201", "/api/customers/stations",
                "/api/customers/stations/QSC", "/api/customers/stations/QSC/areas", "/api/customers/areas/QSC-T01")) {
            Http.Reply r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            Http.Reply refused = noRole.get(path);
            assertThat(refused.status()).as("no role " + path).isEqualTo(403);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
            assertThat(AUDITOR.get(path).status()).as("auditor " + path).isEqualTo(200);
            assertThat(FIELD.get(path).status()).as("field " + path).isEqualTo(200);
        }
        // every write: 401 without a login, 403 for the read-only roles, and nothing changes
        String change = Http.json(Map.of("name", "篡改", "address", "x", "phone", "13800138000", "category", "RESIDENTIAL",
                "voltageLevel", "V220", "importantClass", "NONE", "areaCode", "QSC-T01"));
        Map<String, String[]> writes = new java.util.LinkedHashMap<>();
        writes.put("open", new String[] { "POST", "/api/customers/accounts", account("3300000202", "x", "QSC-T01") });
        writes.put("change", new String[] { "PUT", "/api/customers/accounts/3300000201", change });
        writes.put("close", new String[] { "POST", "/api/customers/accounts/3300000201/close", Http.json(Map.of("reason", "x")) });
        writes.put("station", new String[] { "POST", "/api/customers/stations", Http.json(Map.of("code", "QSZ", "name", "x")) });
        writes.put("area", new String[] { "POST", "/api/customers/stations/QSC/areas",
                Http.json(Map.of("code", "QSC-T99", "name", "x", "capacityKva", 100)) });
        for (Map.Entry<String, String[]> write : writes.entrySet()) {
            String[] call = write.getValue();
            for (Http who : List.of(anonymous, AUDITOR, FIELD)) {
                Http.Reply r = "PUT".equals(call[0]) ? who.put(call[1], call[2]) : who.post(call[1], call[2]);
                assertThat(r.status()).as(write.getKey()).isEqualTo(who == anonymous ? 401 : 403);
                assertThat(r.contentType()).as(write.getKey()).startsWith("application/problem+json");
            }
        }
        assertThat(OP_QS.get("/api/customers/accounts/3300000201").json().get("name").asText()).isEqualTo("周杰");
        assertThat(OP_QS.get("/api/customers/accounts/3300000201").json().get("status").asText()).isEqualTo("OPEN");
        assertThat(OP_QS.get("/api/customers/accounts/3300000202").status()).isEqualTo(404);
        assertThat(OP_QS.get("/api/customers/stations/QSZ").status()).isEqualTo(404);
        assertThat(OP_QS.get("/api/customers/areas/QSC-T99").status()).isEqualTo(404);
        assertThat(Http.as("nobody").get("/api/customers/accounts").status()).as("unknown user").isEqualTo(401);

        // read roles read; only operator and admin change
        assertThat(AUDITOR.get("/api/customers/accounts/3300000201").status()).isEqualTo(200);
        assertThat(FIELD.get("/api/customers/accounts/3300000201").status()).isEqualTo(200);
        Http.Reply denied = AUDITOR.post("/api/customers/accounts", account("3300000203", "x", "QSC-T01"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(FIELD.post("/api/customers/accounts/3300000201/close", Http.json(Map.of("reason", "x"))).status()).isEqualTo(403);
        assertThat(AUDITOR.post("/api/customers/stations", Http.json(Map.of("code", "QSZ", "name", "x"))).status()).isEqualTo(403);
        assertThat(OP_QS.get("/api/customers/accounts/3300000203").status()).as("nothing was opened").isEqualTo(404);
    }

    @Test
    public void badInputGetsAProblemAndChangesNothing() {
        ensureGrid(OP_QS, "QSD", "QSD-T01");
        Http.Reply malformed = OP_QS.post("/api/customers/accounts", "{\"number\": \"3300000301\", \"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("\tat ");

        Http.Reply invalid = OP_QS.post("/api/customers/accounts", Http.json(Map.of("number", "3300000302", "name", "",
                "address", "x", "phone", "12", "category", "PALACE", "voltageLevel", "V220", "areaCode", "QSD-T01")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");

        Http.Reply fields = OP_QS.post("/api/customers/accounts", Http.json(Map.of("number", "3300000303", "name", "",
                "address", "x", "phone", "12", "category", "RESIDENTIAL", "voltageLevel", "V220", "importantClass", "NONE",
                "areaCode", "QSD-T01")));
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.json().get("errors").findValuesAsText("field")).contains("name", "phone");

        assertThat(OP_QS.get("/api/customers/accounts/12").status()).isEqualTo(400);
        // no limit means the configured page; an explicit 0 is refused (it used to give the default page too, which a
        // client asking for no items — a count — read as 20 of them)
        Http.Reply defaultLimit = OP_QS.get("/api/customers/accounts");
        assertThat(defaultLimit.status()).isEqualTo(200);
        assertThat(defaultLimit.json().get("limit").asInt()).isEqualTo(20);
        Http.Reply zero = OP_QS.get("/api/customers/accounts?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(OP_QS.get("/api/customers/accounts?limit=100000").status()).isEqualTo(400);
        assertThat(OP_QS.get("/api/customers/accounts?offset=-1").status()).isEqualTo(400);
        assertThat(OP_QS.get("/api/customers/accounts?q=3300000301").json().get("total").asLong()).isZero();
        assertThat(OP_QS.get("/api/customers/accounts?q=3300000302").json().get("total").asLong()).isZero();
        assertThat(OP_QS.get("/api/customers/accounts?q=3300000303").json().get("total").asLong()).isZero();
    }
}
