package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every class of endpoint: allowed, or 403 with nothing stored; sign-in
 * failures; users and grants as events; the web session's CSRF protection and security headers.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ObservationRegistry observations;

    Api lead;
    Api clerk;
    Api otherClerk;
    Api supervisor;
    Api leader;

    @BeforeAll
    void people() {
        lead = new Api(port);
        assertThat(lead.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET")).status()).isEqualTo(201);
        assertThat(lead.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET")).status()).isEqualTo(201);
        assertThat(lead.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        lead.post("/api/schemes/beilun-2023/publish", "");
        clerk = lead.newUser("xinqi-clerk", "UNIT_STAFF", "xinqi");
        otherClerk = lead.newUser("daqi-clerk", "UNIT_STAFF", "daqi");
        supervisor = lead.newUser("li-supervisor", "SUPERVISOR", null);
        leader = lead.newUser("zhang-leader", "LEADER", null);
    }

    long head() {
        return lead.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong();
    }

    /** A refused act answers 403 and leaves the event store as it was. */
    void refused(Api who, String path, Object body) {
        long before = head();
        Api.Response r = who.post(path, body);
        assertThat(r.status()).as("%s", path).isEqualTo(403);
        assertThat(r.body().get("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(head()).as("nothing stored for %s", path).isEqualTo(before);
    }

    /** Spring Security would time each filter of every request's chain; no endpoint here shows those timings (issue 14). */
    @Test
    void securityIsNotTimedFilterByFilter() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }

    @Test
    void unitStaffReportTheirOwnUnitsWorkOnly() {
        Map<String, Object> training = Map.of("heldOn", "2023-03-10", "topic", "培训");
        assertThat(clerk.post("/api/units/xinqi/trainings", training).status()).isEqualTo(201);
        refused(clerk, "/api/units/daqi/trainings", training);
        String report = clerk.post("/api/units/xinqi/info-reports", Map.of("title", "信息", "submittedOn", "2023-04-01")).id();
        // … and never accept or score their own reports.
        refused(clerk, "/api/info-reports/" + report + "/acceptance", Map.of("level", "GENERAL"));
        refused(clerk, "/api/units/xinqi/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4", "points", 2, "reason", "自加分"));
        refused(clerk, "/api/units", Map.of("id", "x", "name", "x", "type", "STREET"));
        refused(clerk, "/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "SPECIAL", "cutoff", "2023-06-30T00:00:00Z"));
        // A campaign belongs to its unit: another unit's clerk cannot record its progress.
        String campaign = clerk.post("/api/units/xinqi/campaigns", Map.of("kind", "GROUP_RENTAL", "title", "群租整治", "launchedOn", "2023-03-01")).id();
        refused(otherClerk, "/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 2, "on", "2023-04-01"));
        assertThat(clerk.post("/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 2, "on", "2023-04-01")).status()).isEqualTo(200);
        assertThat(lead.post("/api/info-reports/" + report + "/acceptance", Map.of("level", "GENERAL")).status()).isEqualTo(200);
        assertThat(clerk.get("/api/units/xinqi/score?scheme=beilun-2023").status()).isEqualTo(200);
        assertThat(clerk.get("/api/admin/archive").status()).isEqualTo(403);
    }

    @Test
    void theLeadOfficeMayEnterAFactOnAUnitsBehalfRecordedAsSuch() {
        String id = lead.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-05-10", "topic", "代录培训")).id();
        JsonNode facts = lead.get("/api/units/daqi/facts").body();
        JsonNode fact = null;
        for (JsonNode f : facts) {
            if (id.equals(f.path("subjectId").asText())) {
                fact = f;
            }
        }
        assertThat(fact).isNotNull();
        JsonNode event = lead.get("/api/units/daqi/events/" + fact.get("eventId").asText()).body();
        assertThat(event.at("/metaData/actor").asText()).isEqualTo("admin");
        assertThat(event.at("/metaData/role").asText()).isEqualTo("LEAD_OFFICE");
        assertThat(event.at("/metaData/onBehalfOf").asText()).isEqualTo("daqi");
    }

    @Test
    void supervisorsInspectButRecordNoFacts_leadersOnlyRead() {
        Map<String, Object> training = Map.of("heldOn", "2023-03-10", "topic", "培训");
        refused(supervisor, "/api/units/xinqi/trainings", training);
        refused(supervisor, "/api/units/xinqi/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4", "points", -2, "reason", "x"));
        Api.Response round = supervisor.post("/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "SPECIAL", "cutoff", "2023-06-30T00:00:00Z"));
        assertThat(round.status()).isEqualTo(201);
        assertThat(supervisor.post("/api/rounds/" + round.id() + "/findings", Map.of("unitId", "xinqi", "text", "台账不全", "severity", "MINOR")).status()).isEqualTo(201);

        refused(leader, "/api/units/xinqi/trainings", training);
        refused(leader, "/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "SPECIAL", "cutoff", "2023-06-30T00:00:00Z"));
        refused(leader, "/api/samples", Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01", "to", "2023-06-30", "size", 1));
        refused(leader, "/api/users", Map.of("username", "x1", "displayName", "x", "role", "LEADER", "password", "long-enough-pw"));
        assertThat(leader.get("/api/schemes/beilun-2023/ranking").status()).isEqualTo(200);
        assertThat(leader.get("/api/rounds").status()).isEqualTo(200);
        assertThat(leader.get("/api/audit/actors/admin").status()).isEqualTo(200);
        assertThat(leader.get("/api/users").status()).isEqualTo(403);
        assertThat(leader.post("/api/schemes/beilun-2023/what-if", ApiFlowIT.SCHEME).status()).isEqualTo(200);
    }

    @Test
    void withoutSignInOnlyHealthAndTheSignInPage() {
        Api nobody = new Api(port, null, null);
        assertThat(nobody.get("/actuator/health").status()).isEqualTo(200);
        Api.Response denied = nobody.get("/api/units");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("WWW-Authenticate")).startsWith("Basic");
        // A write without credentials (and without a session that would need its CSRF token) asks for sign-in.
        long head = head();
        assertThat(nobody.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-03-10", "topic", "x")).status()).isEqualTo(401);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void usersAndGrantsAreEventsWithWhoGrantedThem() {
        Api temp = lead.newUser("temp-staff", "UNIT_STAFF", "xinqi");
        assertThat(temp.get("/api/me").body().get("unitId").asText()).isEqualTo("xinqi");
        assertThat(lead.post("/api/users/temp-staff/role", Map.of("role", "LEADER")).status()).isEqualTo(200);
        assertThat(temp.get("/api/me").body().get("role").asText()).isEqualTo("LEADER");
        JsonNode users = lead.get("/api/users").body();
        JsonNode user = null;
        for (JsonNode u : users) {
            if (u.get("username").asText().equals("temp-staff")) {
                user = u;
            }
        }
        assertThat(user).isNotNull();
        List<String> grants = new ArrayList<>();
        user.get("grants").forEach(g -> grants.add(g.get("role").asText() + " by " + g.get("by").asText()));
        assertThat(grants).containsExactly("UNIT_STAFF by admin", "LEADER by admin");
        assertThat(lead.get("/api/audit/actors/admin").body().toString()).contains("RoleGranted");
        // Unit staff without a unit, a duplicate name, a short password: 400/409 and no user.
        Api.Response noUnit = lead.post("/api/users", Map.of("username", "x2", "displayName", "x", "role", "UNIT_STAFF", "password", "long-enough-pw"));
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body().get("field").asText()).isEqualTo("unitId");
        Api.Response shortPw = lead.post("/api/users", Map.of("username", "x3", "displayName", "x", "role", "LEADER", "password", "short"));
        assertThat(shortPw.body().get("field").asText()).isEqualTo("password");
        assertThat(lead.post("/api/users", Map.of("username", "temp-staff", "displayName", "x", "role", "LEADER", "password", "long-enough-pw")).status()).isEqualTo(409);
        assertThat(lead.post("/api/users/temp-staff/disable", Map.of("reason", "调岗")).status()).isEqualTo(200);
        assertThat(temp.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsAreRecordedAndMakeTheAccountWait() {
        Api victim = lead.newUser("wang-clerk", "UNIT_STAFF", "daqi");
        Api wrong = lead.as("wang-clerk", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/me").status()).isEqualTo(401);
        }
        // Now even the right password waits, and the error says nothing of why beyond "sign in".
        Api.Response locked = victim.get("/api/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().toString()).doesNotContain("Exception").doesNotContain("at cn.");
        assertThat(lead.as("nobody-at-all", "whatever-pw").get("/api/me").status()).isEqualTo(401);
        assertThat(lead.get("/api/me").status()).isEqualTo(200);
    }

    /** A disabled account is told so only after its right password; a wrong one reads as any failed sign-in, and the API says nothing more. */
    @Test
    void aDisabledAccountIsToldSoOnlyAfterItsRightPassword() throws Exception {
        Api zhao = lead.newUser("zhao-clerk", "UNIT_STAFF", "daqi");
        assertThat(lead.post("/api/users/zhao-clerk/disable", Map.of("reason", "调岗")).status()).isEqualTo(200);
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String csrf = cookie(browser.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).build(), HttpResponse.BodyHandlers.ofString()), "XSRF-TOKEN");
        java.util.function.Function<String, String> signInWith = password -> {
            try {
                HttpResponse<String> r = browser.send(form(base + "/login", "username=zhao-clerk&password=" + password + "&_csrf=" + csrf,
                        "XSRF-TOKEN=" + csrf), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(302);
                return r.headers().firstValue("Location").orElse("");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertThat(signInWith.apply("not-the-password")).endsWith("/login.html?error");
        // The right password is not a guess: refused six times more (a lock comes after five failures), the account is not made to wait.
        for (int i = 0; i < 6; i++) {
            assertThat(signInWith.apply("zhao-clerk-password")).endsWith("/login.html?disabled");
        }
        assertThat(zhao.get("/api/me").status()).isEqualTo(401);
        assertThat(zhao.get("/api/me").body().toString()).doesNotContain("disabled", "停用");
        // Enabled again, the same password signs in.
        assertThat(lead.post("/api/users/zhao-clerk/enable", Map.of()).status()).isEqualTo(200);
        assertThat(signInWith.apply("zhao-clerk-password")).doesNotContain("login.html");
    }

    @Test
    void theWebSessionNeedsItsCsrfTokenAndAnswersWithSecurityHeaders() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        String csrf = cookie(page, "XSRF-TOKEN");
        // Signing in without the token is refused; with it, a session starts.
        HttpResponse<String> noToken = browser.send(form(base + "/login", "username=admin&password=" + TestData.ADMIN_PASSWORD, "XSRF-TOKEN=" + csrf),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("back to the form, which says the page had expired").isEqualTo(302);
        assertThat(noToken.headers().firstValue("Location").orElse("")).endsWith("/login.html?expired");
        assertThat(noToken.headers().allValues("Set-Cookie").toString()).doesNotContain("SESSION=");
        HttpResponse<String> signedIn = browser.send(form(base + "/login", "username=admin&password=" + TestData.ADMIN_PASSWORD + "&_csrf=" + csrf,
                "XSRF-TOKEN=" + csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(signedIn.headers().allValues("Set-Cookie").toString()).contains("SESSION=").contains("HttpOnly");
        String session = "SESSION=" + cookie(signedIn, "SESSION");
        // The token changes with the sign-in; the next page hands out the new one.
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains("\"role\":\"LEAD_OFFICE\"");
        String token = cookie(me, "XSRF-TOKEN");
        String cookies = session + "; XSRF-TOKEN=" + token;
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/api/units")).header("Content-Type", "application/json")
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"chaiqiao\",\"name\":\"柴桥街道\",\"type\":\"STREET\"}"));
        HttpResponse<String> withoutToken = browser.send(post.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).as("not a matter of the role").contains("安全令牌").doesNotContain("无权");
        assertThat(lead.get("/api/units/chaiqiao").status()).isEqualTo(404);
        assertThat(browser.send(post.header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

        // Sessions live in the database: a query side started apart (as in deploy/) knows this one.
        String uri = embedded.connectionString();
        try (var querySide = new org.springframework.boot.builder.SpringApplicationBuilder(cn.duban.query.QuerySideApplication.class)
                .run("--server.port=0", "--duban.mongodb-uri=" + uri, "--duban.deadlines.initial-delay=PT24H",
                        // Another process in deploy/; in this JVM it needs its own name, or it takes this one's segments as its own.
                        "--duban.node-name=query-side-apart")) {
            int other = ((org.springframework.boot.web.context.WebServerApplicationContext) querySide).getWebServer().getPort();
            HttpResponse<String> there = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other + "/api/me"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).contains("\"username\":\"admin\"");

            // Sessions are remembered for a second (issue 14): a sign-out ends the session here at once,
            // and on the other process within that second.
            assertThat(context.getBean(org.springframework.session.SessionRepository.class).getClass().getSimpleName())
                    .isEqualTo("RememberedSessions");
            HttpResponse<String> out = browser.send(form(base + "/logout", "_csrf=" + token, cookies), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            Thread.sleep(1_200);
            assertThat(browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other + "/api/me"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired
    cn.duban.platform.mongo.EmbeddedMongo embedded;

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie")));
    }

    static HttpRequest form(String url, String body, String cookies) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
