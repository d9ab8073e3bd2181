package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missing data is not zero, over HTTP: under a scheme that names its reporting deadline, a figure a
 * unit has not reported shows as 待补报 and costs nothing, in its score and in the ranking, until the
 * lead office closes reporting; from then on the rule deducts, and an answer as of before the
 * closure is what it was then, also after a rebuild.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingDeadlineIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    static final String SCHEME = """
            { "id": "beilun-2023", "year": 2023, "title": "北仑区2023年度考核", "reportingDeadline": "2024-01-15",
              "items": [
                { "code": "S2.5", "category": "管理工作", "title": "登记率", "max": 7, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "THRESHOLD", "indicator": "registration_rate", "min": 95, "deduct": 4} ] },
                { "code": "S1.1", "category": "基础工作", "title": "季度工作", "max": 6, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "PER_FAILURE", "perFailure": 1} ] }
              ] }
            """;

    static JsonNode item(JsonNode card, String code) {
        for (JsonNode i : card.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    void aFigureNotReportedIsAwaitedUntilReportingClosesThenTheRuleDeducts() throws Exception {
        Api api = new Api(port);
        api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        api.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        assertThat(api.post("/api/schemes", SCHEME).status()).isEqualTo(201);
        api.post("/api/schemes/beilun-2023/publish", "");
        api.post("/api/units/daqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 96));

        JsonNode open = api.get("/api/units/xinqi/score?scheme=beilun-2023").body();
        assertThat(item(open, "S2.5").get("score").decimalValue()).isEqualByComparingTo("7");
        assertThat(item(open, "S2.5").get("contributions").get(0).get("reason").asText()).contains("待补报");
        assertThat(rankingTotal(api, "xinqi")).isEqualByComparingTo("13");

        Instant beforeClosing = Instant.now();
        Thread.sleep(5);
        assertThat(api.post("/api/schemes/beilun-2023/reporting-closure", "").status()).isEqualTo(200);
        assertThat(api.post("/api/schemes/beilun-2023/reporting-closure", "").status()).isEqualTo(409);

        JsonNode closed = api.get("/api/units/xinqi/score?scheme=beilun-2023").body();
        assertThat(item(closed, "S2.5").get("score").decimalValue()).isEqualByComparingTo("3");
        assertThat(rankingTotal(api, "xinqi")).isEqualByComparingTo("9");
        assertThat(rankingTotal(api, "daqi")).as("its figure was reported: unchanged").isEqualByComparingTo("13");
        JsonNode then = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + beforeClosing).body();
        assertThat(item(then, "S2.5").get("score").decimalValue()).as("as of before the closure").isEqualByComparingTo("7");
        assertThat(rankingTotal(api, "xinqi", beforeClosing)).as("the ranking as of before the closure agrees with the score then")
                .isEqualByComparingTo(then.get("total").decimalValue()).isEqualByComparingTo("13");

        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(200);
        assertThat(rankingTotal(api, "xinqi")).isEqualByComparingTo("9");
        assertThat(rankingTotal(api, "xinqi", beforeClosing)).isEqualByComparingTo("13");
        assertThat(item(api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + beforeClosing).body(), "S2.5")
                .get("score").decimalValue()).isEqualByComparingTo("7");
        // Unit staff may not close reporting.
        Api staff = api.newUser("xinqi.clerk", "UNIT_STAFF", "xinqi");
        assertThat(staff.post("/api/schemes/beilun-2023/reporting-closure", "").status()).isEqualTo(403);
    }

    static java.math.BigDecimal rankingTotal(Api api, String unitId) {
        return rankingTotal(api, unitId, null);
    }

    static java.math.BigDecimal rankingTotal(Api api, String unitId, Instant asOf) {
        for (JsonNode r : api.get("/api/schemes/beilun-2023/ranking" + (asOf == null ? "" : "?asOf=" + asOf)).body()) {
            if (r.get("unitId").asText().equals(unitId)) {
                return r.get("total").decimalValue();
            }
        }
        throw new AssertionError("no ranking entry for " + unitId);
    }
}
