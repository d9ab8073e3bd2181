package cn.duban.standalone;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the OpenAPI document, called by every role, against the README's table of who
 * may do what (written out here from the README, not from the security configuration): a refused
 * call is 403 and stores nothing, an allowed one is never 403, nobody signed in gets 401.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    SequencedMongoEventStorageEngine engine;

    /** README: unit staff report their own unit's facts and answer assignments and rectifications. */
    static final Pattern UNIT_ACTS = Pattern.compile("/api/units/\\{[^}]+}/(trainings|info-reports|campaigns|indicators|achievements|self-assessments|self-assessments/sheet|appeals)"
            + "|/api/campaigns/\\{[^}]+}/(progress|closure|withdrawal|progress/\\{[^}]+}/withdrawal)|/api/(trainings|info-reports|achievements|indicator-reports|appeals)/\\{[^}]+}/withdrawal"
            + "|/api/assignments/\\{[^}]+}/(acknowledgements|progress|completion|extension-requests)|/api/assignments/notifications/read(-all)?"
            + "|/api/rectifications/\\{[^}]+}/report|/api/me/password|/api/materials|/api/copy-notices|/api/copy-notices/\\{[^}]+}/answer"
            // 互查: past the gate; the round decides whether this unit inspects in it
            + "|/api/rounds/\\{[^}]+}/findings");
    /** README: supervisors run rounds, findings, scores, samples, rectification orders and their verification. */
    static final Pattern SUPERVISION_ACTS = Pattern.compile("/api/rounds|/api/rounds/\\{[^}]+}/(findings|scores|closure|publication)"
            + "|/api/rounds/\\{[^}]+}/findings/\\{[^}]+}/(rectification|confirmation|dismissal)|/api/rectifications/\\{[^}]+}/(verification|rejection)"
            + "|/api/samples(/.*)?|/api/me/password");
    static final Pattern SAMPLES = Pattern.compile("/api/samples(/.*)?");
    /** Reads that are posted because they carry a document. */
    static final Pattern POSTED_READS = Pattern.compile("/api/schemes/\\{[^}]+}/what-if|/api/me/password");
    static final Pattern ADMIN = Pattern.compile("/api/(admin|users)(/.*)?");
    static final Pattern AUDIT = Pattern.compile("/api/audit/.*");

    static boolean allowed(String role, String method, String path) {
        boolean read = method.equals("get");
        return switch (role) {
            case "LEAD_OFFICE" -> !SAMPLES.matcher(path).matches() || read;
            case "UNIT_STAFF" -> read ? !ADMIN.matcher(path).matches() && !AUDIT.matcher(path).matches()
                    : UNIT_ACTS.matcher(path).matches() || POSTED_READS.matcher(path).matches();
            case "SUPERVISOR" -> read ? !ADMIN.matcher(path).matches() : SUPERVISION_ACTS.matcher(path).matches() || POSTED_READS.matcher(path).matches()
                    || path.equals("/api/admin/archive/verify");
            case "LEADER" -> read ? !ADMIN.matcher(path).matches() : POSTED_READS.matcher(path).matches();
            default -> false;
        };
    }

    /**
     * No rule of {@link cn.duban.platform.security.SecurityConfig#ACCESS_RULES} is dead: each is the
     * first to match at least one endpoint of the OpenAPI document or one of the pages, so no rule
     * is shadowed by an earlier, broader one.
     */
    @Test
    void everyAccessRuleDecidesSomeRequest() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(new Api(port).text("/v3/api-docs"));
        List<String[]> requests = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(method ->
                requests.add(new String[]{method.toUpperCase(), e.getKey().replaceAll("\\{[^}]+}", "x")})));
        for (String page : List.of("/login.html", "/login", "/actuator/health", "/v3/api-docs", "/swagger-ui.html")) {
            requests.add(new String[]{"GET", page});
        }
        var rules = cn.duban.platform.security.SecurityConfig.ACCESS_RULES;
        org.springframework.util.AntPathMatcher paths = new org.springframework.util.AntPathMatcher();
        for (int r = 0; r < rules.size(); r++) {
            boolean decides = false;
            for (String[] request : requests) {
                int first = -1;
                for (int k = 0; k < rules.size() && first < 0; k++) {
                    var rule = rules.get(k);
                    boolean methodMatches = rule.method() == null || rule.method().name().equals(request[0]);
                    if (methodMatches && java.util.Arrays.stream(rule.patterns()).anyMatch(pattern -> paths.match(pattern, request[1]))) {
                        first = k;
                    }
                }
                decides |= first == r;
            }
            assertThat(decides).as("access rule %d %s %s decides no request", r, rules.get(r).method(),
                    java.util.Arrays.toString(rules.get(r).patterns())).isTrue();
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheReadmeSays() throws Exception {
        Api lead = new Api(port);
        for (String[] u : new String[][]{{"xinqi", "新碶街道", "STREET"}, {"daqi", "大碶街道", "STREET"}}) {
            assertThat(lead.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2])).status()).isEqualTo(201);
        }
        lead.newUser("matrix-staff", "UNIT_STAFF", "xinqi");
        lead.newUser("matrix-supervisor", "SUPERVISOR", null);
        lead.newUser("matrix-leader", "LEADER", null);
        Map<String, String> users = Map.of("LEAD_OFFICE", "admin:" + TestData.ADMIN_PASSWORD, "UNIT_STAFF", "matrix-staff:matrix-staff-password",
                "SUPERVISOR", "matrix-supervisor:matrix-supervisor-password", "LEADER", "matrix-leader:matrix-leader-password");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode openApi = new ObjectMapper().readTree(lead.text("/v3/api-docs"));
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            var entry = paths.next();
            String template = entry.getKey();
            if (template.contains("rebuild") || !template.startsWith("/api/")) {
                continue; // rebuilding the read models mid-test would slow every other call; its rule is the admin one
            }
            String path = template.replace("{unitId}", "xinqi").replaceAll("\\{[^}]+}", "xinqi");
            for (String method : List.of("get", "post")) {
                if (entry.getValue().path(method).isMissingNode()) {
                    continue;
                }
                for (String role : List.of("LEAD_OFFICE", "UNIT_STAFF", "SUPERVISOR", "LEADER", "ANONYMOUS")) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
                    b = method.equals("get") ? b.GET() : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                    if (users.containsKey(role)) {
                        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(users.get(role).getBytes(StandardCharsets.UTF_8)));
                    }
                    long head = engine.headPosition();
                    int status = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    calls++;
                    boolean may = allowed(role, method, template);
                    String what = role + " " + method.toUpperCase() + " " + template + " → " + status;
                    if (role.equals("ANONYMOUS")) {
                        if (status != 401) {
                            wrong.add(what + " (expected 401)");
                        }
                    } else if (!may && status != 403) {
                        wrong.add(what + " (expected 403)");
                    } else if (may && (status == 403 || status == 401)) {
                        wrong.add(what + " (allowed by the README)");
                    }
                    if (!may && engine.headPosition() != head) {
                        wrong.add(what + " stored something");
                    }
                }
            }
        }
        assertThat(wrong).as("%d calls", calls).isEmpty();
        assertThat(calls).isGreaterThan(300);

        // Beyond the role: a unit's clerk reads its own unit's notifications, to-do list and records, not another's.
        Api clerk = new Api(port, "matrix-staff", "matrix-staff-password");
        Api supervisor = new Api(port, "matrix-supervisor", "matrix-supervisor-password");
        // The fact log and a raw evidence event hold what the records hold (figures, reasons, an appeal's words).
        Map<String, String> eventOf = new java.util.HashMap<>();
        for (String unit : List.of("xinqi", "daqi")) {
            assertThat(lead.post("/api/units/" + unit + "/trainings", Map.of("heldOn", "2023-03-10", "topic", "培训")).status()).isEqualTo(201);
            eventOf.put(unit, lead.get("/api/units/" + unit + "/facts").body().get(0).get("eventId").asText());
        }
        for (String path : List.of("/api/units/%s/notifications", "/api/units/%s/inbox", "/api/records?unitId=%s",
                "/api/units/%s/facts", "/api/units/%s/facts/page", "/api/units/%s/events/EVENT", "/api/units/%s/evidence?ids=EVENT")) {
            assertThat(clerk.get(path.formatted("xinqi").replace("EVENT", eventOf.get("xinqi"))).status()).as(path + " of their own unit").isEqualTo(200);
            path = path.replace("EVENT", eventOf.get("daqi"));
            Api.Response other = clerk.get(path.formatted("daqi"));
            assertThat(other.status()).as(path + " of another unit").isEqualTo(403);
            assertThat(other.body().get("message").asText()).startsWith("只能查看本单位");
            assertThat(supervisor.get(path.formatted("daqi")).status()).as(path + " for a supervisor").isEqualTo(200);
        }
    }
}
