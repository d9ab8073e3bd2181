package cn.duban.standalone;

import cn.duban.kernel.reporting.RejectInfoReport;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of acts in one request, as 信息审核 and 交办督办 send them: each act its own command, one
 * refused (decided or closed meanwhile) said in its result with the status its own request would
 * have had while the rest go in; a malformed body refuses the whole run and stores nothing; only the
 * lead office may send them. And one adjustment or failure for several units.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchActsIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    cn.duban.platform.eventstore.SequencedMongoEventStorageEngine engine;
    @Autowired
    CommandBus commandBus;

    @Test
    void reportsAreAcceptedAndRejectedTogetherEachOnItsOwn() {
        Api lead = new Api(port);
        String[] reports = reportsSentIn(lead, "xinqi", "新碶街道", 5, "2023-03-0");
        // The first decided before the run: its acceptance in the run is refused as its own request would be.
        assertThat(lead.post("/api/info-reports/" + reports[0] + "/acceptance", Map.of("level", "GENERAL")).status()).isEqualTo(200);

        long head = engine.headPosition();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("reports", List.of(Map.of("reportId", reports[1], "level", "GENERAL"), Map.of("reportId", reports[2], "level", "EXCELLENT"))),
                Map.of("reports", List.of(Map.of("reportId", reports[1], "level", "GENERAL"), Map.of("level", "GENERAL"))),
                Map.of("reports", List.of()))) {
            Api.Response refused = lead.post("/api/info-reports/acceptances", bad);
            assertThat(refused.status()).as("%s", refused.raw().body()).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).startsWith("reports");
        }
        Api clerk = lead.as("xinqi.clerk", "xinqi.clerk-password");
        assertThat(clerk.post("/api/info-reports/acceptances", Map.of("reports", List.of(Map.of("reportId", reports[1], "level", "GENERAL")))).status())
                .isEqualTo(403);
        assertThat(engine.headPosition()).as("nothing stored").isEqualTo(head);

        Api.Response accepted = lead.post("/api/info-reports/acceptances", Map.of("reports", List.of(
                Map.of("reportId", reports[0], "level", "GENERAL"), Map.of("reportId", reports[1], "level", "GENERAL"),
                Map.of("reportId", "no-such-report", "level", "GENERAL"), Map.of("reportId", reports[2], "level", "TYPICAL"))));
        assertThat(accepted.status()).as("%s", accepted.raw().body()).isEqualTo(200);
        assertThat(accepted.body().get("done").asInt()).isEqualTo(2);
        assertThat(accepted.body().get("refused").asInt()).isEqualTo(2);
        JsonNode results = accepted.body().get("results");
        assertThat(results).extracting(r -> r.get("id").asText()).containsExactly(reports[0], reports[1], "no-such-report", reports[2]);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(0).get("error").get("error").asText()).isEqualTo("CONFLICT");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(1).has("error")).isFalse();
        // Answered once the read models hold every act: the review queue has only the two left.
        assertThat(accepted.raw().headers().firstValue("X-Duban-Consistency")).hasValue("visible");
        assertThat(lead.get("/api/info-reports/pending").body()).extracting(r -> r.get("reportId").asText())
                .containsExactlyInAnyOrder(reports[3], reports[4]);
        assertThat(status(lead, reports[2])).isEqualTo("ACCEPTED");

        Api.Response rejected = lead.post("/api/info-reports/rejections", Map.of("reportIds", List.of(reports[3], reports[4], reports[2]),
                "reason", "与第1期重复报送"));
        assertThat(rejected.body().get("done").asInt()).isEqualTo(2);
        assertThat(rejected.body().get("results").get(2).get("status").asInt()).as("accepted already").isEqualTo(409);
        assertThat(lead.get("/api/info-reports/pending").body()).isEmpty();
        assertThat(status(lead, reports[3])).isEqualTo("REJECTED");
        Api.Response noReason = lead.post("/api/info-reports/rejections", Map.of("reportIds", List.of(reports[1])));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("field").asText()).isEqualTo("reason");
    }

    /**
     * A fault that is no refusal (here one the command bus meets at the third act) stops the run with
     * a 500 that says what each act came to: the two before it recorded, the third the fault, the
     * fourth not sent; and the records agree.
     */
    @Test
    void aFaultStopsTheRunAndItsAnswerSaysWhichActsWentIn() {
        Api lead = new Api(port);
        String[] reports = reportsSentIn(lead, "xiapu4", "霞浦街道", 4, "2023-04-0");
        String faulty = reports[2];
        Registration fault = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RejectInfoReport r && r.reportId().equals(faulty)) {
                throw new IllegalStateException("injected fault");
            }
            return chain.proceed();
        });
        Api.Response stopped;
        try {
            stopped = lead.post("/api/info-reports/rejections", Map.of("reportIds", List.of(reports), "reason", "内容重复"));
        } finally {
            fault.cancel();
        }
        assertThat(stopped.status()).as("%s", stopped.raw().body()).isEqualTo(500);
        JsonNode body = stopped.body();
        assertThat(body.get("error").asText()).isEqualTo("INTERNAL");
        assertThat(body.get("message").asText()).startsWith("已记录 2 项；第 3 项处理时服务器出错，其后 1 项未提交");
        assertThat(body.get("done").asInt()).isEqualTo(2);
        assertThat(body.get("refused").asInt()).isZero();
        assertThat(body.get("notSent").asInt()).isEqualTo(1);
        JsonNode results = body.get("results");
        assertThat(results).extracting(r -> r.get("id").asText()).containsExactly(reports);
        assertThat(results.get(1).has("error")).isFalse();
        assertThat(results.get(2).get("status").asInt()).isEqualTo(500);
        assertThat(results.get(2).get("error").get("error").asText()).isEqualTo("INTERNAL");
        assertThat(results.get(3).has("status")).isFalse();
        assertThat(results.get(3).get("error").get("error").asText()).isEqualTo("NOT_SENT");
        assertThat(stopped.raw().headers().firstValue("X-Duban-Position")).isPresent();
        assertThat(List.of(status(lead, reports[0]), status(lead, reports[1]), status(lead, reports[2]), status(lead, reports[3])))
                .containsExactly("REJECTED", "REJECTED", "SUBMITTED", "SUBMITTED");
        // Those not recorded are sent again, and go in.
        Api.Response again = lead.post("/api/info-reports/rejections", Map.of("reportIds", List.of(reports[2], reports[3]), "reason", "内容重复"));
        assertThat(again.body().get("done").asInt()).isEqualTo(2);
        assertThat(lead.get("/api/info-reports/pending").body()).extracting(r -> r.get("reportId").asText()).doesNotContain(reports);
    }

    @Test
    void openAssignmentsAreUrgedTogetherEveryUnitOfEach() {
        Api lead = new Api(port);
        for (String[] u : new String[][]{{"gafj2", "公安分局", "DEPARTMENT"}, {"daqi2", "大碶街道", "STREET"}}) {
            lead.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2]));
        }
        String deadline = LocalDate.now().plusMonths(1).toString();
        String first = lead.post("/api/assignments", Map.of("title", "出租房屋专项整治", "leadUnit", "gafj2", "responsibleUnits", List.of("daqi2"),
                "deadline", deadline)).id();
        String second = lead.post("/api/assignments", Map.of("title", "流动人口信息核查", "leadUnit", "daqi2", "deadline", deadline)).id();
        String cancelled = lead.post("/api/assignments", Map.of("title", "已撤销的任务", "leadUnit", "daqi2", "deadline", deadline)).id();
        assertThat(lead.post("/api/assignments/" + cancelled + "/cancellation", Map.of("reason", "重复交办")).status()).isEqualTo(200);

        long head = engine.headPosition();
        Api.Response tooLong = lead.post("/api/assignments/urges", Map.of("assignmentIds", List.of(first), "message", "催".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("field").asText()).isEqualTo("message");
        assertThat(engine.headPosition()).isEqualTo(head);

        Api.Response urged = lead.post("/api/assignments/urges", Map.of("assignmentIds", List.of(first, cancelled, second), "message", "请于本周内报送进展"));
        assertThat(urged.status()).as("%s", urged.raw().body()).isEqualTo(200);
        assertThat(urged.body().get("done").asInt()).isEqualTo(2);
        assertThat(urged.body().get("results").get(1).get("status").asInt()).as("cancelled: no urge").isEqualTo(409);
        assertThat(lead.get("/api/assignments/" + first).body().get("urges").asInt()).isEqualTo(1);
        assertThat(lead.get("/api/assignments/" + second).body().get("urges").asInt()).isEqualTo(1);
        // Every unit of each is told.
        for (String unit : List.of("gafj2", "daqi2")) {
            JsonNode notes = lead.get("/api/units/" + unit + "/notifications").body().get("notifications");
            assertThat(notes.toString()).as(unit).contains("请于本周内报送进展");
        }
    }

    /**
     * One finding of several units: each gets its own adjustment and it counts in each one's score;
     * a department named with them is refused, as the item does not assess it, and the 街道's still go in.
     */
    @Test
    void oneAdjustmentIsRecordedForEachUnitTheItemAssesses() {
        Api lead = new Api(port);
        for (String[] u : new String[][]{{"chaiqiao3", "柴桥街道", "STREET"}, {"baifeng3", "白峰街道", "STREET"}, {"gafj3", "公安分局", "DEPARTMENT"}}) {
            lead.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2]));
        }
        if (lead.get("/api/schemes/beilun-2023").status() == 404) {
            assertThat(lead.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
            lead.post("/api/schemes/beilun-2023/publish", "");
        }
        double before = lead.get("/api/units/chaiqiao3/score?scheme=beilun-2023").body().get("total").asDouble();

        long head = engine.headPosition();
        Api.Response none = lead.post("/api/adjustments", Map.of("unitIds", List.of(), "schemeId", "beilun-2023", "itemCode", "S1.4",
                "points", -1, "reason", "台账不全"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("field").asText()).isEqualTo("unitIds");
        assertThat(engine.headPosition()).isEqualTo(head);

        Api.Response adjusted = lead.post("/api/adjustments", Map.of("unitIds", List.of("chaiqiao3", "gafj3", "baifeng3"),
                "schemeId", "beilun-2023", "itemCode", "S1.4", "points", -1, "reason", "培训台账不全"));
        assertThat(adjusted.status()).as("%s", adjusted.raw().body()).isEqualTo(200);
        assertThat(adjusted.body().get("done").asInt()).isEqualTo(2);
        JsonNode refused = adjusted.body().get("results").get(1);
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("error").get("field").asText()).isEqualTo("itemCode");
        assertThat(refused.get("error").get("message").asText()).contains("该项目不考核此单位");
        assertThat(lead.get("/api/units/chaiqiao3/score?scheme=beilun-2023").body().get("total").asDouble()).isEqualTo(before - 1);
        assertThat(lead.get("/api/units/baifeng3/score?scheme=beilun-2023").body().get("total").asDouble()).isEqualTo(before - 1);
        // A single adjustment on an item that does not assess the unit is refused the same way.
        Api.Response alone = lead.post("/api/units/gafj3/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4",
                "points", -1, "reason", "r"));
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.body().get("field").asText()).isEqualTo("itemCode");

        Api.Response failed = lead.post("/api/failures", Map.of("unitIds", List.of("chaiqiao3", "gafj3"), "schemeId", "beilun-2023",
                "itemCode", "S1.1", "on", "2023-05-10", "reason", "二季度计划未按时报送"));
        assertThat(failed.body().get("done").asInt()).as("S1.1 assesses every unit").isEqualTo(2);

        // A unit's clerk scores several items at once: one above its item's max is refused, the other recorded.
        Api clerk = lead.newUser("chaiqiao3.clerk", "UNIT_STAFF", "chaiqiao3");
        Api.Response sheet = clerk.post("/api/units/chaiqiao3/self-assessments/sheet", Map.of("schemeId", "beilun-2023", "items", List.of(
                Map.of("itemCode", "S1.4", "score", 6, "note", "按要求开展培训"), Map.of("itemCode", "S1.1", "score", 9))));
        assertThat(sheet.status()).as("%s", sheet.raw().body()).isEqualTo(200);
        assertThat(sheet.body().get("done").asInt()).isEqualTo(1);
        assertThat(sheet.body().get("results").get(1).get("error").get("field").asText()).isEqualTo("score");
        JsonNode s14 = null;
        for (JsonNode item : lead.get("/api/units/chaiqiao3/score?scheme=beilun-2023").body().get("items")) {
            s14 = "S1.4".equals(item.get("code").asText()) ? item : s14;
        }
        assertThat(s14.get("selfScore").decimalValue()).isEqualByComparingTo("6");
        assertThat(s14.get("selfNote").asText()).isEqualTo("按要求开展培训");
        // Another unit's sheet is not the clerk's to send.
        assertThat(clerk.post("/api/units/baifeng3/self-assessments/sheet", Map.of("schemeId", "beilun-2023", "items", List.of(
                Map.of("itemCode", "S1.4", "score", 6)))).status()).isEqualTo(403);
    }

    /** A new 街道 and {@code count} information reports its clerk sent, on the days {@code dayPrefix}1, 2, …. */
    private static String[] reportsSentIn(Api lead, String unitId, String name, int count, String dayPrefix) {
        lead.post("/api/units", Map.of("id", unitId, "name", name, "type", "STREET"));
        Api clerk = lead.newUser(unitId + ".clerk", "UNIT_STAFF", unitId);
        String[] reports = new String[count];
        for (int i = 0; i < count; i++) {
            reports[i] = clerk.post("/api/units/" + unitId + "/info-reports", Map.of("title", name + "流动人口工作动态（" + (i + 1) + "）",
                    "submittedOn", dayPrefix + (i + 1))).id();
        }
        return reports;
    }

    private static String status(Api api, String reportId) {
        return api.get("/api/records/" + reportId).body().path("status").asText();
    }
}
