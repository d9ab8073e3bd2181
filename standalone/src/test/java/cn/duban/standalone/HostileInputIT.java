package cn.duban.standalone;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input boundary and sessions under attack, one test per finding of the probe (issue 10), and a
 * fuzz of every POST endpoint of the OpenAPI document: never a 500, always a JSON error naming the
 * field, nothing stored for anything refused.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    SequencedMongoEventStorageEngine engine;
    @Autowired
    MongoDatabase db;

    Api api;
    String assignment;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void districtWithAnAssignment() {
        api = new Api(port);
        for (String[] u : new String[][]{{"gafj", "公安分局", "DEPARTMENT"}, {"xinqi", "新碶街道", "STREET"}, {"daqi", "大碶街道", "STREET"}}) {
            assertThat(api.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2])).status()).isEqualTo(201);
        }
        assignment = api.post("/api/assignments", Map.of("title", "出租房屋排查", "leadUnit", "gafj", "responsibleUnits", List.of("xinqi"),
                "deadline", "2099-06-30")).id();
    }

    /** A raw call: status and body text, whatever the body is. */
    record Raw(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Raw raw(String method, String path, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::setHeader);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request no HTTP client would build (a malformed URL encoding), sent as bytes; answers the whole response. */
    String rawSocket(String request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Basic sign-in with an Idempotency-Key, in a map the test may change (another key for its next request). */
    static Map<String, String> keyed(String user, String password, String key) {
        Map<String, String> headers = new LinkedHashMap<>(basic(user, password));
        headers.put("Idempotency-Key", key);
        return headers;
    }

    Raw asAdmin(String path, String body) {
        return raw("POST", path, body, basic("admin", TestData.ADMIN_PASSWORD));
    }

    /** A refused request: 400 naming the field, in words, nothing stored. */
    void refused(String path, String body, String field) {
        long head = engine.headPosition();
        Raw r = asAdmin(path, body);
        assertThat(r.status()).as("%s %s → %s", path, body.length() > 200 ? body.substring(0, 200) : body, r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).startsWith(field);
        assertThat(r.body()).doesNotContain("java.", "com.fasterxml", "Exception");
        assertThat(engine.headPosition()).isEqualTo(head);
    }

    @Test
    @Order(1)
    void finding1TheRosterEndpointStoresNoFailures() {
        assertThat(asAdmin("/api/units/builtin/beilun", "{}").status()).isEqualTo(200);
        long head = engine.headPosition();
        for (int i = 0; i < 2; i++) {
            Raw again = asAdmin("/api/units/builtin/beilun", "{}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("registered")).isEmpty();
        }
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(db.getCollection("events").countDocuments(Filters.eq("void", true))).isZero();
    }

    @Test
    @Order(2)
    void finding2ANumberBeyondStorageIsRefusedAndTheAssignmentStaysWhole() {
        refused("/api/assignments/" + assignment + "/progress", "{\"unitId\":\"xinqi\",\"text\":\"t\",\"figures\":{\"x\":1e400}}", "figures");
        assertThat(asAdmin("/api/assignments/" + assignment + "/progress", "{\"unitId\":\"xinqi\",\"text\":\"已排查\",\"figures\":{\"x\":12.5}}")
                .status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void finding3AnIdempotentRequestThatDiedUnansweredIsAnsweredFromTheStoreAndNotRepeated() {
        Map<String, String> headers = keyed("admin", TestData.ADMIN_PASSWORD, "crash-1");
        String training = "{\"heldOn\":\"2023-05-05\",\"topic\":\"业务培训\",\"attendees\":30,\"hours\":2}";
        Raw first = raw("POST", "/api/units/xinqi/trainings", training, headers);
        assertThat(first.status()).isEqualTo(201);
        long head = engine.headPosition();
        // kill -9 after the append, before the answer was recorded: the key's record is left pending by a process now gone.
        db.getCollection("idempotency_keys").updateOne(Filters.eq("_id", "admin|crash-1"), Updates.combine(Updates.set("state", "PENDING"),
                Updates.set("process", "a-process-that-died"), Updates.unset("body"), Updates.unset("status"), Updates.unset("position")));
        Raw retry = raw("POST", "/api/units/xinqi/trainings", training, headers);
        assertThat(retry.status()).isEqualTo(200);
        // Where the stored events stand, so the client's next read waits for them.
        assertThat(retry.response().headers().firstValue("X-Duban-Position")).isPresent()
                .isEqualTo(first.response().headers().firstValue("X-Duban-Position"));
        assertThat(retry.json().get("status").asText()).isEqualTo("ALREADY_APPLIED");
        assertThat(retry.json().get("events").get(0).get("type").asText()).isEqualTo("TrainingRecorded");
        assertThat(engine.headPosition()).as("nothing stored twice").isEqualTo(head);
        assertThat(raw("POST", "/api/units/xinqi/trainings", training, headers).response().headers().firstValue("Idempotent-Replayed")).contains("true");
        // A request that died before storing anything runs when retried.
        db.getCollection("idempotency_keys").insertOne(new org.bson.Document("_id", "admin|crash-2").append("state", "PENDING")
                .append("fingerprint", "x").append("createdAt", new java.util.Date()).append("process", "a-process-that-died"));
        headers.put("Idempotency-Key", "crash-2");
        assertThat(raw("POST", "/api/units/xinqi/trainings", training, headers).status()).isEqualTo(201);
        assertThat(engine.headPosition()).isEqualTo(head + 1);
    }

    /** Signs in with the web form as the browser does; answers the session's cookies and CSRF token. */
    String[] signIn(String user, String password) {
        Raw page = raw("GET", "/login.html", null, Map.of());
        String csrf = SecurityIT.cookie(page.response(), "XSRF-TOKEN");
        try {
            HttpResponse<String> r = http.send(SecurityIT.form("http://localhost:" + port + "/login", "username=" + user + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf, "XSRF-TOKEN=" + csrf), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String session = "SESSION=" + SecurityIT.cookie(r, "SESSION");
            Raw me = raw("GET", "/api/me", null, Map.of("Cookie", session));
            assertThat(me.status()).isEqualTo(200);
            String token = SecurityIT.cookie(me.response(), "XSRF-TOKEN");
            return new String[]{session + "; XSRF-TOKEN=" + token, token};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request that carries a password keeps nothing under its Idempotency-Key: the key's record holds
     * a SHA-256 of the body, and a password so hashed could be guessed by a reader of the database.
     */
    @Test
    @Order(10)
    void finding10ARequestCarryingAPasswordKeepsNothingUnderItsKey() {
        Map<String, String> headers = keyed("admin", TestData.ADMIN_PASSWORD, "new-user-1");
        String user = "{\"username\":\"keyed-clerk\",\"displayName\":\"带键用户\",\"role\":\"UNIT_STAFF\",\"unitId\":\"xinqi\",\"password\":\"keyed-clerk-2023\"}";
        assertThat(raw("POST", "/api/users", user, headers).status()).isEqualTo(201);
        Raw again = raw("POST", "/api/users", user, headers);
        assertThat(again.status()).as("run again, not replayed").isEqualTo(409);
        headers.put("Idempotency-Key", "reset-1");
        assertThat(raw("POST", "/api/users/keyed-clerk/password", "{\"password\":\"keyed-clerk-2024\"}", headers).status()).isEqualTo(200);
        Map<String, String> own = keyed("keyed-clerk", "keyed-clerk-2024", "own-1");
        assertThat(raw("POST", "/api/me/password", "{\"currentPassword\":\"keyed-clerk-2024\",\"newPassword\":\"keyed-clerk-2025\"}", own)
                .status()).isEqualTo(200);
        assertThat(db.getCollection("idempotency_keys").countDocuments(Filters.in("_id", "admin|new-user-1", "admin|reset-1", "keyed-clerk|own-1")))
                .isZero();
        // Any other command keeps its answer under its key, as before.
        headers.put("Idempotency-Key", "training-kept");
        assertThat(raw("POST", "/api/units/xinqi/trainings", "{\"heldOn\":\"2023-05-06\",\"topic\":\"带键培训\",\"attendees\":12,\"hours\":1}", headers).status()).isEqualTo(201);
        assertThat(db.getCollection("idempotency_keys").countDocuments(Filters.eq("_id", "admin|training-kept"))).isOne();
    }

    @Test
    @Order(4)
    void finding4SessionsEndWhenRightsChange() {
        api.newUser("clerk-a", "UNIT_STAFF", "xinqi");
        api.newUser("lead-b", "LEAD_OFFICE", null);
        api.newUser("clerk-c", "UNIT_STAFF", "daqi");
        String[] a = signIn("clerk-a", "clerk-a-password");
        String[] b = signIn("lead-b", "lead-b-password");
        String[] c = signIn("clerk-c", "clerk-c-password");
        String training = "{\"heldOn\":\"2023-05-05\",\"topic\":\"业务培训\",\"attendees\":30,\"hours\":2}";
        Map<String, String> asA = Map.of("Cookie", a[0], "X-XSRF-TOKEN", a[1]);
        assertThat(raw("POST", "/api/units/xinqi/trainings", training, asA).status()).isEqualTo(201);

        assertThat(asAdmin("/api/users/clerk-a/disable", "{\"reason\":\"调离\"}").status()).isEqualTo(200);
        long head = engine.headPosition();
        assertThat(raw("POST", "/api/units/xinqi/trainings", training, asA).status()).isEqualTo(401);
        assertThat(engine.headPosition()).isEqualTo(head);

        assertThat(asAdmin("/api/users/lead-b/role", "{\"role\":\"LEADER\"}").status()).isEqualTo(200);
        assertThat(raw("POST", "/api/units", "{\"id\":\"chaiqiao\",\"name\":\"柴桥街道\",\"type\":\"STREET\"}",
                Map.of("Cookie", b[0], "X-XSRF-TOKEN", b[1])).status()).isEqualTo(401);

        assertThat(asAdmin("/api/users/clerk-c/password", "{\"password\":\"a-new-password-1\"}").status()).isEqualTo(200);
        assertThat(raw("GET", "/api/me", null, Map.of("Cookie", c[0])).status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void finding5TheLastLeadOfficeAccountCannotBeDisabledOrDemoted() {
        // lead-b was demoted above: admin is the only lead office left.
        long head = engine.headPosition();
        assertThat(asAdmin("/api/users/admin/role", "{\"role\":\"LEADER\"}").status()).isEqualTo(409);
        assertThat(asAdmin("/api/users/admin/disable", "{}").status()).isEqualTo(409);
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(raw("GET", "/api/me", null, basic("admin", TestData.ADMIN_PASSWORD)).body()).contains("LEAD_OFFICE");
        // With a second lead office, one of them may go.
        assertThat(asAdmin("/api/users/lead-b/role", "{\"role\":\"LEAD_OFFICE\"}").status()).isEqualTo(200);
        assertThat(asAdmin("/api/users/lead-b/disable", "{}").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void finding6ACookieSessionNeedsItsCsrfTokenEvenWithAnAuthorizationHeader() {
        String[] admin = signIn("admin", TestData.ADMIN_PASSWORD);
        Map<String, String> both = new LinkedHashMap<>(basic("admin", TestData.ADMIN_PASSWORD));
        both.put("Cookie", admin[0]);
        long head = engine.headPosition();
        assertThat(raw("POST", "/api/units", "{\"id\":\"csrf-test\",\"name\":\"测试街道\",\"type\":\"STREET\"}", both).status()).isEqualTo(403);
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(asAdmin("/api/units", "{\"id\":\"csrf-test\",\"name\":\"测试街道\",\"type\":\"STREET\"}").status()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void finding7ArithmeticAndSizesAreBounded() {
        long t0 = System.nanoTime();
        refused("/api/units/xinqi/indicators", "{\"indicator\":\"registration_rate\",\"year\":2023,\"value\":90,\"numerator\":9,\"denominator\":1e9999999}", "denominator");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        refused("/api/units/xinqi/adjustments", "{\"schemeId\":\"" + "s".repeat(20_000) + "\",\"itemCode\":\"S1.1\",\"points\":-1,\"reason\":\"r\"}", "schemeId");
        refused("/api/assignments/notifications/read", "{\"unitId\":\"xinqi\",\"notificationId\":\"" + "n".repeat(100_000) + "\"}", "notificationId");
        refused("/api/units/xinqi/self-assessments", "{\"schemeId\":\"s\",\"itemCode\":\"S1.1\",\"score\":1e-2147483647}", "score");
    }

    @Test
    @Order(8)
    void finding8NullsAndBadTextAreRefusedNotFailed() {
        refused("/api/assignments/" + assignment + "/progress", "{\"unitId\":\"xinqi\",\"text\":\"t\",\"figures\":{\"x\":null}}", "figures");
        refused("/api/assignments", "{\"title\":\"t\",\"leadUnit\":\"gafj\",\"deadline\":\"2099-01-01\",\"phases\":[null]}", "phases");
        refused("/api/users", "{\"username\":\"surrogate\",\"displayName\":\"s\",\"role\":\"LEADER\",\"password\":\"\\ud800abcdefghijk\"}", "password");
        assertThat(raw("GET", "/api/users", null, basic("admin", TestData.ADMIN_PASSWORD)).body()).doesNotContain("surrogate");
        Raw error = raw("GET", "/error", null, Map.of());
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.json().get("error").asText()).isEqualTo("NOT_FOUND");
        Raw far = raw("GET", "/api/units/xinqi/comparison?scheme=s&from=-999999999-01-01T00:00:00Z&to=%2B999999999-12-31T00:00:00Z", null,
                basic("admin", TestData.ADMIN_PASSWORD));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("field").asText()).isIn("from", "to");
    }

    @Test
    @Order(9)
    void finding9AUnitMarksOnlyItsOwnNotificationsRead() {
        refused("/api/assignments/notifications/read", "{\"unitId\":\"xinqi\",\"notificationId\":\"some-event:daqi\"}", "notificationId");
    }

    @Test
    @Order(11)
    void finding11BadValuesOfEveryKindAreRefused() {
        String training = "/api/units/xinqi/trainings";
        refused(training, "{\"heldOn\":\"+99999-01-01\",\"topic\":\"t\"}", "heldOn");
        refused(training, "{\"heldOn\":\"-0001-01-01\",\"topic\":\"t\"}", "heldOn");
        refused(training, "{\"heldOn\":12345,\"topic\":\"t\"}", "heldOn");
        refused(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"t\",\"attendees\":1.5}", "attendees");
        refused(training, "{\"heldOn\":\"2023-05-05\",\"topic\":123}", "topic");
        refused("/api/units", "{\"id\":true,\"name\":\"n\",\"type\":\"STREET\"}", "id");
        refused("/api/units", "{\"id\":123,\"name\":\"n\",\"type\":\"STREET\"}", "id");
        refused("/api/units", "{\"id\":\"abc\",\"name\":\"n\",\"type\":1}", "type");
        refused("/api/assignments/" + assignment + "/progress", "{\"unitId\":\"xinqi\",\"text\":\"t\",\"figures\":{\"$where\":1}}", "figures");
        refused("/api/assignments/" + assignment + "/progress", "{\"unitId\":\"xinqi\",\"text\":\"t\",\"figures\":{\"a.b\":1}}", "figures");
        // Anonymous writes are 401; health details are for the lead office only.
        assertThat(raw("POST", training, "{}", Map.of()).status()).isEqualTo(401);
        Raw health = raw("GET", "/actuator/health", null, Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("duban.mv.db", "components", "eventStoreHead");
        assertThat(raw("GET", "/actuator/health", null, basic("admin", TestData.ADMIN_PASSWORD)).body()).contains("eventStoreHead");
        // Errors Tomcat answers itself are JSON too.
        String badEncoding = rawSocket("GET /api/units/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(badEncoding).startsWith("HTTP/1.1 400").doesNotContain("<html").contains("\"error\"");
        // A control character in a header (a byte Tomcat reads as U+0085) is refused by Spring Security's
        // firewall (its checks made cheaper: FirewallText) as the body is read: 400 naming the headers
        // (it was a 500), nothing stored.
        long before = engine.headPosition();
        String body = "{\"heldOn\":\"2023-05-05\",\"topic\":\"头部含控制字符\"}";
        String head = "POST " + training + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Authorization: " + basic("admin", TestData.ADMIN_PASSWORD).get("Authorization") + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n";
        String controlled = rawSocket(head + "X-Note: a\u0085b\r\n\r\n" + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(controlled).startsWith("HTTP/1.1 400").contains("\"field\":\"headers\"", "请求头含有不允许的字符");
        assertThat(engine.headPosition()).isEqualTo(before);
        // A tab is allowed in a header value, as the firewall allows it.
        String tabbed = rawSocket(head + "X-Note: a\tb\r\n\r\n" + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(tabbed).startsWith("HTTP/1.1 201");
        // What else the firewall refuses is named as such: a method it does not know (405, not "the
        // address"), a header read before any body, a query parameter's name.
        for (String method : new String[]{"TRACE", "FOO"}) {
            assertThat(rawSocket(method + " /api/units HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                    .as(method).startsWith("HTTP/1.1 405").contains("METHOD_NOT_ALLOWED", "不支持该请求方法");
        }
        assertThat(rawSocket("GET /api/units HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: \u0085\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"field\":\"headers\"");
        assertThat(rawSocket("GET /api/units?a%01b=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"field\":\"query\"", "查询参数含有不允许的字符");
        // A content type Spring cannot parse (an unknown charset) is named as given, not as "null".
        Raw unknownCharset = raw("POST", training, body, Map.of("Content-Type", "application/json; charset=xyz",
                "Authorization", basic("admin", TestData.ADMIN_PASSWORD).get("Authorization")));
        assertThat(unknownCharset.status()).isEqualTo(415);
        assertThat(unknownCharset.json().get("message").asText()).contains("不支持的内容类型", "charset=xyz").doesNotContain("null");
    }

    @Test
    @Order(12)
    void finding12KeysGivenTwiceTextShowingNothingAndSchemeDocumentsAreRefusedLikeEveryBody() {
        String training = "/api/units/xinqi/trainings";
        refused(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"培训\",\"topic\":\"另一个\"}", "topic");
        // A field the endpoint does not take (a misspelt one) is named, not dropped with the record stored without it.
        refused(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"培训\",\"materails\":[]}", "materails");
        assertThat(asAdmin(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"培训\",\"materails\":[]}").json().get("message").asText())
                .contains("未知字段", "unknown field", "materials");
        refused("/api/units/xinqi/renaming", "{\"name\":\"新碶\",\"on\":\"2024-01-01\",\"reason\":\"x\",\"extra\":1}", "extra");
        refused("/api/units", "{\"id\":\"zw\",\"name\":\"\\u200b\\u200b\",\"type\":\"STREET\"}", "name");
        refused("/api/units", "{\"id\":\"nb\",\"name\":\"\\u00a0\",\"type\":\"STREET\"}", "name");
        refused(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"签到表\\u202Efdp.exe\"}", "topic");
        assertThat(asAdmin(training, "{\"heldOn\":\"2023-05-05\",\"topic\":\"网格员培训\\u200b\"}").status())
                .as("an invisible character beside visible ones is text as pasted").isEqualTo(201);

        String item = "{\"code\":\"S1\",\"category\":\"基础工作\",\"title\":\"业务培训\",\"max\":6,\"base\":\"FULL\",\"appliesTo\":{\"all\":true},"
                + "\"rules\":[{\"kind\":\"QUOTA\",\"fact\":\"TRAINING\",\"required\":2,\"perMissing\":2}]}";
        String scheme = "{\"id\":\"hostile-2030\",\"year\":2030,\"title\":\"方案\",\"items\":[" + item + "]}";
        refused("/api/schemes", scheme.replace("\"year\":2030", "\"year\":2030.5"), "year");
        refused("/api/schemes", scheme.replace("\"year\":2030", "\"year\":\"2030\""), "year");
        refused("/api/schemes", scheme.replace("\"max\":6", "\"max\":1e300"), "items[0].max");
        refused("/api/schemes", scheme.replace("\"perMissing\":2", "\"perMissing\":0.0001"), "items[0].rules[0].perMissing");
        refused("/api/schemes", scheme.replace("\"title\":\"方案\"", "\"title\":\"方\\u0000案\""), "title");
        refused("/api/schemes", scheme.replace("\"title\":\"方案\"", "\"title\":\"" + "方".repeat(10_001) + "\""), "title");
        refused("/api/schemes", scheme.replace("\"title\":\"业务培训\"", "\"title\":\"业务培训\",\"title\":\"x\""), "items[0].title");
        long head = engine.headPosition();
        Raw yaml = raw("POST", "/api/schemes", "id: hostile-2031\nyear: 2031\ntitle: 方案\ntitle: 另一个\nitems: []\n",
                Map.of("Authorization", basic("admin", TestData.ADMIN_PASSWORD).get("Authorization"), "Content-Type", "application/yaml"));
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(400);
        assertThat(yaml.json().get("field").asText()).isEqualTo("title");
        assertThat(engine.headPosition()).isEqualTo(head);
        assertThat(asAdmin("/api/schemes", scheme).status()).as("the same document, well formed").isEqualTo(201);

        // Lists are bounded like texts: 61 phases (a weekly one for a year is 52) are refused.
        String phases = java.util.stream.IntStream.range(0, 61).mapToObj(i -> "{\"name\":\"第" + i + "周\",\"deadline\":\"2099-01-01\"}")
                .collect(java.util.stream.Collectors.joining(","));
        refused("/api/assignments", "{\"title\":\"t\",\"leadUnit\":\"gafj\",\"deadline\":\"2099-12-31\",\"phases\":[" + phases + "]}", "phases");

        // A filter naming a value that does not exist is not an empty list.
        for (String[] get : new String[][]{{"/api/assignments?light=PURPLE", "light", "RED"}, {"/api/assignments?status=DONE", "status", "COMPLETED"},
                {"/api/rectifications?status=LOST", "status", "VERIFIED"}, {"/api/admin/webhooks/deliveries?status=X", "status", "FAILED"},
                {"/api/schemes/hostile-2030/ranking?type=CITY", "type", "STREET"},
                {"/api/assignments?unit=xinq", "unit", "xinq"}, {"/api/rectifications?unitId=xinq", "unitId", "xinq"},
                {"/api/samples?unitId=xinq", "unitId", "xinq"}, {"/api/copy-notices?unitId=xinq", "unitId", "xinq"},
                {"/api/rounds?inspector=xinq", "inspector", "xinq"}, {"/api/records?unitId=xinq", "unitId", "xinq"},
                {"/api/records?status=LOST", "status", "ACCEPTED"}, {"/api/records?kind=REPORT", "kind", "INFO_REPORT"},
                {"/api/rectifications?roundId=no-such-round", "roundId", "no-such-round"}}) {
            Raw r = raw("GET", get[0], null, basic("admin", TestData.ADMIN_PASSWORD));
            assertThat(r.status()).as(get[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo(get[1]);
            assertThat(r.json().get("message").asText()).as("says what may be asked").contains(get[2]);
        }
        assertThat(raw("GET", "/api/assignments?light=RED&status=OPEN", null, basic("admin", TestData.ADMIN_PASSWORD)).status()).isEqualTo(200);
        Raw notices = raw("GET", "/api/rounds/year-end/hostile-2039/notices", null, basic("admin", TestData.ADMIN_PASSWORD));
        assertThat(notices.status()).as("the notices of a scheme that does not exist: " + notices.body()).isEqualTo(404);
        assertThat(raw("GET", "/api/rounds/year-end/hostile-2030/notices", null, basic("admin", TestData.ADMIN_PASSWORD)).body()).isEqualTo("[]");
        Raw xml = raw("GET", "/api/units/xinqi", null, Map.of("Authorization", basic("admin", TestData.ADMIN_PASSWORD).get("Authorization"),
                "Accept", "application/xml"));
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("error").asText()).isEqualTo("NOT_ACCEPTABLE");
        Raw backwards = raw("GET", "/api/units/xinqi/timeline?scheme=hostile-2030&from=2024-01-01T00:00:00Z&to=2023-01-01T00:00:00Z", null,
                basic("admin", TestData.ADMIN_PASSWORD));
        assertThat(backwards.status()).as(backwards.body()).isEqualTo(400);
        assertThat(backwards.json().get("field").asText()).isEqualTo("to");
    }

    /** Last in this class: it leaves this test's address blocked for a minute. */
    @Test
    @Order(30)
    void finding11FailedSignInsFromOneAddressAreThrottledBeforeAnyHashing() {
        for (int i = 0; i < 21; i++) {
            assertThat(raw("GET", "/api/me", null, basic("nobody-" + i, "not-a-password")).status()).isEqualTo(401);
        }
        long t0 = System.nanoTime();
        Raw throttled = raw("GET", "/api/me", null, basic("admin", TestData.ADMIN_PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.response().headers().firstValue("Retry-After")).contains("60");
        assertThat(throttled.json().get("error").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused before hashing").isLessThan(Duration.ofMillis(500));
        // Reading without credentials is not a sign-in attempt: still 401, not 429.
        assertThat(raw("GET", "/api/me", null, Map.of()).status()).isEqualTo(401);
    }

    // --- the fuzz --------------------------------------------------------------------------------

    /** Bad values for a property of a schema: wrong types, nulls, extremes, long text, bad dates, operator keys. */
    static List<String> badValues(JsonNode schema) {
        List<String> out = new ArrayList<>(List.of("null", "true", "{}", "[]", "\"\"", "123", "-1", "1e400", "-1e400", "1e9999999",
                "1e-2147483647", "0.0000001", "\"" + "x".repeat(20_000) + "\"", "\"\\ud800\"", "\"$where\"", "[null]",
                "{\"$where\":1}", "{\"a.b\":1}", "{\"x\":null}", "\"+99999-01-01\"", "\"-0001-01-01\"", "12345", "1.5",
                "\"2023-13-45\"", "\"2023-06-30T25:00:00Z\"", "\"../../etc/passwd\"", "9223372036854775808"));
        if (schema.has("enum")) {
            out.add("\"NOT_A_VALUE\"");
            out.add("0");
        }
        return out;
    }

    /** A plausible value for a property, so that one mutated property is what a request gets wrong. */
    static Object plausible(JsonNode schema, JsonNode components) {
        if (schema.has("$ref")) {
            JsonNode target = components.path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
            return plausibleObject(target, components);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> format.equals("date") ? "2023-06-30" : format.equals("date-time") ? "2023-06-30T08:00:00Z" : "xinqi";
        };
    }

    static Map<String, Object> plausibleObject(JsonNode schema, JsonNode components) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            var p = it.next();
            body.put(p.getKey(), plausible(p.getValue(), components));
        }
        return body;
    }

    @Test
    @Order(20)
    void everyPostEndpointRefusesMalformedBodiesWithoutA5xxOrAWrite() throws Exception {
        JsonNode openApi = JSON.readTree(raw("GET", "/v3/api-docs", null, basic("admin", TestData.ADMIN_PASSWORD)).body());
        JsonNode components = openApi.path("components").path("schemas");
        int requests = 0;
        List<String> failures = new ArrayList<>();
        // Signed in once, as bulk clients are told to: HTTP Basic hashes the password (Argon2) at every
        // request, which made this test's two thousand requests take 37 s.
        String[] admin = signIn("admin", TestData.ADMIN_PASSWORD);
        Map<String, String> asAdmin = Map.of("Cookie", admin[0], "X-XSRF-TOKEN", admin[1]);
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            var entry = paths.next();
            JsonNode post = entry.getValue().path("post");
            if (post.isMissingNode() || entry.getKey().contains("rebuild")) {
                continue;
            }
            String path = entry.getKey().replaceAll("\\{[^}]+}", "xinqi");
            JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.has("$ref")) {
                schema = components.path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
            }
            List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "\"text\"", "{", "{\"a\":", "{}}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                    "{\"$where\":\"1\"}"));
            Map<String, Object> base = plausibleObject(schema, components);
            for (String property : base.keySet()) {
                for (String bad : badValues(schema.path("properties").path(property))) {
                    Map<String, Object> copy = new LinkedHashMap<>(base);
                    copy.put(property, "__BAD__");
                    bodies.add(JSON.writeValueAsString(copy).replace("\"__BAD__\"", bad));
                }
            }
            for (String body : bodies) {
                long head = engine.headPosition();
                Raw r = raw("POST", path, body, asAdmin);
                requests++;
                String what = path + " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body) + " → " + r.status() + " "
                        + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body());
                if (r.status() >= 500 || r.body().contains("<html") || r.body().contains("java.") || r.body().contains("com.fasterxml")) {
                    failures.add(what);
                    continue;
                }
                if (r.status() >= 400) {
                    JsonNode error = r.json();
                    if (!error.has("error") || !error.has("message") || (r.status() == 400 && !error.has("field"))) {
                        failures.add("no JSON error naming a field: " + what);
                    }
                    if (engine.headPosition() != head) {
                        failures.add("stored although refused: " + what);
                    }
                }
            }
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
        assertThat(requests).isGreaterThanOrEqualTo(2000);
    }
    @Test
    @Order(21)
    void everyReadRefusesABadAddressAndAParameterGivenTwiceNamingTheField() throws Exception {
        JsonNode openApi = JSON.readTree(raw("GET", "/v3/api-docs", null, basic("admin", TestData.ADMIN_PASSWORD)).body());
        String[] admin = signIn("admin", TestData.ADMIN_PASSWORD);
        Map<String, String> asAdmin = Map.of("Cookie", admin[0], "X-XSRF-TOKEN", admin[1]);
        // A parameter that takes several values takes them, the first time it is asked for too (the
        // boundary once judged it by a name Spring had not yet learnt, and kept that judgement).
        Raw several = raw("GET", "/api/units/xinqi/evidence?ids=a&ids=b", null, asAdmin);
        assertThat(several.status()).as(several.body()).isEqualTo(404);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            var entry = paths.next();
            JsonNode get = entry.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            List<String> queries = new ArrayList<>();
            for (JsonNode parameter : get.path("parameters")) {
                if (parameter.path("in").asText().equals("query") && !parameter.path("schema").path("type").asText().equals("array")) {
                    queries.add(parameter.path("name").asText());
                }
            }
            String path = entry.getKey();
            List<Map.Entry<String, String>> asked = new ArrayList<>();
            if (path.contains("{")) {
                // Refused by Tomcat (an encoded slash, %00) or by Spring Security's firewall (an encoded "..").
                for (String address : List.of("a%2Fb", "%00", "%2e%2e")) {
                    asked.add(Map.entry(path.replaceFirst("\\{[^}]+}", address).replaceAll("\\{[^}]+}", "xinqi"), "path"));
                }
            }
            String plain = path.replaceAll("\\{[^}]+}", "xinqi");
            for (String query : queries) {
                asked.add(Map.entry(plain + "?" + query + "=1&" + query + "=2", query));
            }
            for (var ask : asked) {
                Raw r = raw("GET", ask.getKey(), null, asAdmin);
                requests++;
                if (r.status() != 400 || !r.json().path("field").asText().equals(ask.getValue()) || r.body().contains("java.")
                        || r.body().contains("[L")) {
                    failures.add(ask.getKey() + " → " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
        assertThat(requests).isGreaterThanOrEqualTo(100);
    }
}
