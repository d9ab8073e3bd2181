package cn.duban.standalone;

import cn.duban.kernel.EventFamily;
import cn.duban.kernel.Words;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow of API.md over HTTP against the embedded database, in the order a lead office
 * and its units would go through it. Methods build on each other (one year of one district).
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFlowIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    Api api;

    static final String SCHEME = """
            { "id": "beilun-2023", "year": 2023, "title": "北仑区2023年度流动人口服务管理目标责任制考核", "supervisionWeight": 0.3,
              "items": [
                { "code": "S1.4", "category": "基础工作", "title": "业务培训", "max": 6, "base": "FULL", "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "QUOTA", "fact": "TRAINING", "required": 2, "perMissing": 2} ] },
                { "code": "S1.3", "category": "基础工作", "title": "信息报送", "max": 10, "base": "ZERO", "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "PER_ITEM", "fact": "INFO_ACCEPTED", "points": {"GENERAL": 0.5, "TYPICAL": 1}} ] },
                { "code": "S1.1", "category": "基础工作", "title": "季度工作", "max": 6, "appliesTo": {"all": true},
                  "rules": [ {"kind": "PER_FAILURE", "perFailure": 1} ] },
                { "code": "S2.5", "category": "管理工作", "title": "登记率", "max": 7, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "THRESHOLD", "indicator": "registration_rate", "min": 95, "deduct": 4} ] },
                { "code": "S2.4", "category": "管理工作", "title": "群租整治", "max": 8, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "COUNT_TARGET", "fact": "CAMPAIGN_PROGRESS", "measure": "communities_rectified", "target": 5, "deduct": 2} ] },
                { "code": "D1", "category": "部门职责", "title": "部门工作", "max": 70, "appliesTo": {"unitType": "DEPARTMENT"},
                  "rules": [ {"kind": "DISCRETIONARY"} ] },
                { "code": "BONUS", "category": "创新工作", "title": "创新工作加分", "bonus": true, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "TIERED_BONUS", "fact": "MEDIA_PUBLICATION", "points": {"CITY": 2, "PROVINCE": 5, "NATIONAL": 8}} ] }
              ] }
            """;

    static String reportId;
    static Instant afterFirstTraining;

    @BeforeAll
    void client() {
        api = new Api(port);
    }

    JsonNode score(String unit) {
        Api.Response r = api.get("/api/units/" + unit + "/score?scheme=beilun-2023");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    JsonNode item(JsonNode score, String code) {
        for (JsonNode i : score.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    long head() {
        return api.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong();
    }

    @Test
    @Order(1)
    void registersUnitsAndPublishesTheScheme() {
        assertThat(api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET")).status()).isEqualTo(201);
        assertThat(api.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET")).status()).isEqualTo(201);
        Api.Response police = api.post("/api/units", Map.of("id", "police", "name", "公安分局", "type", "DEPARTMENT"));
        assertThat(police.status()).isEqualTo(201);
        assertThat(police.body().get("id").asText()).isEqualTo("police");
        Api.Response again = api.post("/api/units", Map.of("id", "xinqi", "name", "新碶", "type", "STREET"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error").asText()).isEqualTo("CONFLICT");

        Api.Response drafted = api.post("/api/schemes", SCHEME);
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.body().get("id").asText()).isEqualTo("beilun-2023");
        assertThat(api.get("/api/schemes").body().get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.post("/api/schemes/beilun-2023/publish", "").status()).isEqualTo(200);
        assertThat(api.post("/api/schemes/beilun-2023/publish", "").status()).isEqualTo(409);
        JsonNode scheme = api.get("/api/schemes/beilun-2023").body();
        assertThat(scheme.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(scheme.get("items")).hasSize(7);
        assertThat(api.get("/api/units").body()).hasSize(3);
        assertThat(api.get("/api/units/xinqi").body().get("name").asText()).isEqualTo("新碶街道");
        assertThat(api.get("/api/units/nobody").status()).isEqualTo(404);
        // The words a screen shows for the codes: every unit's name, every status and kind.
        JsonNode dictionary = api.get("/api/dictionary").body();
        assertThat(dictionary.get("units")).extracting(u -> u.get("name").asText()).contains("新碶街道", "公安分局");
        assertThat(dictionary.get("words").get("light").get("RED").get("zh").asText()).isEqualTo("已逾期");
        assertThat(dictionary.get("words").get("assignmentStatus").get("COMPLETION_SUBMITTED").get("zh").asText()).isEqualTo("待审核办结");
        assertThat(dictionary.get("words").get("indicator").get("registration_rate").get("en").asText()).isEqualTo("Registration rate");
    }

    @Test
    @Order(2)
    void aSchemeIsValidatedWholeBeforeAnythingIsStored() {
        long before = head();
        Api.Response bad = api.post("/api/schemes", SCHEME.replace("\"perMissing\": 2", "\"perMissing\": -2").replace("beilun-2023", "other"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).isEqualTo("VALIDATION");
        assertThat(bad.body().get("field").asText()).isEqualTo("items[0].rules[0].perMissing");
        Api.Response typo = api.post("/api/schemes", SCHEME.replace("\"perMissing\"", "\"perMising\"").replace("beilun-2023", "other"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().get("field").asText()).isEqualTo("items[0].rules[0].perMising");
        Api.Response yaml = api.post("/api/schemes", "id: yaml-2023\nyear: 2023\ntitle: 测试\nitems:\n  - code: A\n    title: t\n    max: 5\n",
                Map.of("Content-Type", "application/yaml"));
        // A mistake in a pasted document is said in words, never as Jackson says it ("java.math.BigDecimal").
        Api.Response word = api.post("/api/schemes", "id: yaml-2023\nyear: 2023\ntitle: 测试\nitems:\n  - code: A\n    title: t\n    max: 五分\n",
                Map.of("Content-Type", "application/yaml"));
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.body().get("field").asText()).isEqualTo("items[0].max");
        assertThat(word.body().get("message").asText()).isEqualTo("items[0].max: 类型不正确，应为数字 / wrong type, expected a number");
        Api.Response broken = api.post("/api/schemes", "id: yaml-2023\ntitle: \"未闭合\n", Map.of("Content-Type", "application/yaml"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("message").asText()).startsWith("文档无法解析，错在第").contains("/ cannot parse the document at line")
                .doesNotContain("java", "\n");
        assertThat(yaml.status()).isEqualTo(201);
        assertThat(head()).isEqualTo(before + 1);
    }

    @Test
    @Order(3)
    void factsMoveTheScoreWithEvidence() {
        JsonNode start = score("xinqi");
        // Nothing reported: trainings 0/2 → 6−4; info 0; failures none → 6; rate never reported → 7−4; campaign → 8−2.
        assertThat(start.get("total").decimalValue()).isEqualByComparingTo("17");

        Api.Response t = api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-03-10", "topic", "专管员业务培训", "attendees", 40, "hours", 2));
        assertThat(t.status()).isEqualTo(201);
        assertThat(t.header("X-Duban-Consistency")).isEqualTo("visible");
        afterFirstTraining = Instant.now();
        JsonNode s = score("xinqi");
        assertThat(item(s, "S1.4").get("score").decimalValue()).isEqualByComparingTo("4");
        assertThat(s.get("total").decimalValue()).isEqualByComparingTo("19");

        reportId = api.post("/api/units/xinqi/info-reports", Map.of("title", "新碶街道流动人口工作动态", "submittedOn", "2023-02-01")).id();
        Api.Response accepted = api.post("/api/info-reports/" + reportId + "/acceptance", Map.of("level", "TYPICAL"));
        assertThat(accepted.status()).isEqualTo(200);
        Api.Response twice = api.post("/api/info-reports/" + reportId + "/acceptance", Map.of("level", "GENERAL"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("error").asText()).isEqualTo("CONFLICT");
        String rejected = api.post("/api/units/xinqi/info-reports", Map.of("title", "重复稿件", "submittedOn", "2023-02-02")).id();
        assertThat(api.post("/api/info-reports/" + rejected + "/rejection", Map.of("reason", "内容重复")).status()).isEqualTo(200);
        assertThat(api.post("/api/info-reports/" + rejected + "/acceptance", Map.of("level", "GENERAL")).status()).isEqualTo(409);

        String campaign = api.post("/api/units/xinqi/campaigns", Map.of("kind", "GROUP_RENTAL", "title", "群租房整治", "launchedOn", "2023-04-01")).id();
        assertThat(api.post("/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 5, "on", "2023-05-01")).status()).isEqualTo(200);
        assertThat(api.post("/api/campaigns/" + campaign + "/closure", Map.of("on", "2023-06-01", "summary", "完成")).status()).isEqualTo(200);
        assertThat(api.post("/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 1, "on", "2023-07-01")).status()).isEqualTo(409);

        assertThat(api.post("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 96.5, "numerator", 965, "denominator", 1000)).status()).isEqualTo(201);
        assertThat(api.post("/api/units/xinqi/achievements", Map.of("kind", "MEDIA_PUBLICATION", "level", "PROVINCE", "title", "浙江日报报道", "on", "2023-08-08")).status()).isEqualTo(201);
        assertThat(api.post("/api/units/xinqi/failures", Map.of("schemeId", "beilun-2023", "itemCode", "S1.1", "reason", "二季度无工作总结", "on", "2023-07-05")).status()).isEqualTo(201);
        assertThat(api.post("/api/units/police/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "D1", "points", -3.5, "reason", "出租房屋专项检查未开展")).status()).isEqualTo(201);

        JsonNode end = score("xinqi");
        // Read again, and with a limit above every list (a new list, written afresh): the same text.
        String again = api.get("/api/units/xinqi/score?scheme=beilun-2023").raw().body();
        String fresh = api.get("/api/units/xinqi/score?scheme=beilun-2023&evidenceLimit=10000").raw().body();
        assertThat(again.substring(again.indexOf("\"items\":"))).isEqualTo(fresh.substring(fresh.indexOf("\"items\":")))
                .contains("\"evidence\":[\"");
        // 4 (one training) + 1 (typical) + 5 (one failure) + 7 (rate met) + 8 (target met) = 25 regular, + 5 bonus.
        assertThat(end.get("regular").decimalValue()).isEqualByComparingTo("25");
        assertThat(end.get("bonus").decimalValue()).isEqualByComparingTo("5");
        assertThat(end.get("total").decimalValue()).isEqualByComparingTo("30");
        JsonNode training = item(end, "S1.4").get("contributions").get(0);
        assertThat(training.get("points").decimalValue()).isEqualByComparingTo("-2");
        assertThat(training.get("evidence")).hasSize(1);
        assertThat(item(end, "S1.3").get("contributions").get(0).get("evidence")).hasSize(1);
        assertThat(api.post("/api/units/xinqi/self-assessments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4", "score", 6, "note", "按要求开展")).status()).isEqualTo(201);
        assertThat(api.post("/api/units/xinqi/self-assessments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4", "score", 7)).body().get("field").asText()).isEqualTo("score");
        JsonNode selfScored = item(score("xinqi"), "S1.4");
        assertThat(selfScored.get("selfScore").decimalValue()).isEqualByComparingTo("6");
        assertThat(selfScored.get("gap").decimalValue()).isEqualByComparingTo("-2");
        JsonNode police = score("police");
        // S1.1 applies to all units (6) + D1 (70) − 3.5.
        assertThat(police.get("total").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(item(police, "D1").get("contributions").get(0).get("reason").asText()).contains("出租房屋专项检查未开展");
    }

    @Test
    @Order(4)
    void asOfIsWhatThePlatformAnsweredThen() {
        Api.Response thenResponse = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + afterFirstTraining);
        assertThat(thenResponse.status()).as(thenResponse.raw().body()).isEqualTo(200);
        assertThat(thenResponse.body().get("total").decimalValue()).isEqualByComparingTo("19");
        // A training held in January but recorded now is invisible as of earlier instants.
        Instant beforeLateReport = Instant.now();
        api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-01-05", "topic", "补报：一月培训", "attendees", 20, "hours", 1));
        assertThat(api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + beforeLateReport).body().get("total").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(score("xinqi").get("total").decimalValue()).isEqualByComparingTo("32");
        assertThat(api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + afterFirstTraining).body().get("total").decimalValue())
                .isEqualByComparingTo("19");
        Api.Response beforeScheme = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=2020-01-01T00:00:00Z");
        assertThat(beforeScheme.status()).isEqualTo(404);
        Api.Response badInstant = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=yesterday");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().get("field").asText()).isEqualTo("asOf");
    }

    @Test
    @Order(5)
    void theTimelineHasOnePointPerEventThatTouchedTheUnitAndEachIsReproducibleAsOf() {
        JsonNode points = api.get("/api/units/xinqi/timeline?scheme=beilun-2023").body().get("points");
        List<String> types = new ArrayList<>();
        points.forEach(p -> types.add(p.at("/event/type").asText()));
        assertThat(types).containsExactly("TrainingRecorded", "InfoReportSubmitted", "InfoReportAccepted", "InfoReportSubmitted",
                "InfoReportRejected", "CampaignLaunched", "CampaignProgressRecorded", "CampaignClosed", "IndicatorReported",
                "AchievementRecorded", "FailureRecorded", "SelfAssessmentRecorded", "TrainingRecorded");
        // Points name events; the score's evidence names the same events.
        String firstTrainingEvent = item(score("xinqi"), "S1.4").get("contributions").get(0).get("evidence").get(0).asText();
        assertThat(points.get(0).at("/event/id").asText()).isEqualTo(firstTrainingEvent);
        Instant previous = Instant.EPOCH;
        for (JsonNode p : points) {
            Instant at = Instant.parse(p.get("at").asText());
            assertThat(at).isAfter(previous);
            previous = at;
            JsonNode replay = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + at).body();
            assertThat(replay.get("total").decimalValue()).as("asOf %s", at).isEqualByComparingTo(p.get("total").decimalValue());
        }
        assertThat(points.get(points.size() - 1).get("total").decimalValue()).isEqualByComparingTo("32");
        // The police adjustment is not on xinqi's timeline.
        assertThat(api.get("/api/units/police/timeline?scheme=beilun-2023").body().get("points")).hasSize(1);
    }

    @Test
    @Order(14)
    void evidenceDrillsDownToTheStoredEventAndItsActor() {
        JsonNode score = score("xinqi");
        String evidence = item(score, "S1.3").get("contributions").get(0).get("evidence").get(0).asText();
        JsonNode event = api.get("/api/units/xinqi/events/" + evidence).body();
        assertThat(event.get("type").asText()).endsWith("InfoReportAccepted");
        assertThat(event.at("/payload/level").asText()).isEqualTo("TYPICAL");
        assertThat(event.at("/metaData/actor").asText()).isEqualTo("admin");
        assertThat(event.at("/metaData/role").asText()).isEqualTo("LEAD_OFFICE");
        assertThat(event.at("/metaData/clientAddress").asText()).isNotBlank();
        assertThat(event.get("position").asLong()).isNotNegative();
        assertThat(api.get("/api/units/xinqi/events/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/units/daqi/events/" + evidence).status()).as("another unit's event").isEqualTo(404);
        assertThat(api.get("/api/units/nowhere/events/" + evidence).status()).isEqualTo(404);
        // The assignment flow is in another test class; here every act was by the lead office, or by daqi's clerk.
        Api clerk = api.newUser("daqi-clerk", "UNIT_STAFF", "daqi");
        assertThat(clerk.post("/api/units/daqi/info-reports", Map.of("title", "t", "submittedOn", "2023-05-05")).status()).isEqualTo(201);
        JsonNode trail = api.get("/api/audit/actors/daqi-clerk").body();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("type").asText()).isEqualTo("InfoReportSubmitted");
        assertThat(trail.get(0).get("role").asText()).isEqualTo("UNIT_STAFF");
        assertThat(api.get("/api/audit/actors/admin").body().size()).isGreaterThan(10);
    }

    @Test
    @Order(16)
    void anAuditTrailIsReadByKindOfActAPageAtATime() throws Exception {
        JsonNode whole = api.get("/api/audit/actors/admin").body();
        int kindsActedIn = 0;
        for (EventFamily kind : EventFamily.values()) {
            List<String> expected = new ArrayList<>();
            whole.forEach(act -> {
                if (kind.holds(act.get("type").asText())) {
                    expected.add(act.get("eventId").asText());
                }
            });
            JsonNode page = api.get("/api/audit/actors/admin/acts?limit=500&kind=" + kind).body();
            assertThat(page.get("total").asInt()).as(kind.name()).isEqualTo(expected.size());
            List<String> listed = new ArrayList<>();
            page.get("acts").forEach(act -> listed.add(act.get("eventId").asText()));
            assertThat(listed).as(kind + ": the acts of that kind, newest first").isEqualTo(expected);
            if (expected.size() >= 3) {
                kindsActedIn++;
                JsonNode second = api.get("/api/audit/actors/admin/acts?offset=1&limit=2&kind=" + kind).body();
                assertThat(second.get("acts")).extracting(a -> a.get("eventId").asText()).containsExactlyElementsOf(expected.subList(1, 3));
                // Opened at an instant: the page starts at the newest act of the kind recorded before it.
                JsonNode third = whole.get(indexOf(whole, expected.get(2)));
                Instant justAfter = Instant.parse(third.get("at").asText()).plusMillis(1);
                int newer = 0;
                for (JsonNode act : whole) {
                    newer += kind.holds(act.get("type").asText()) && !Instant.parse(act.get("at").asText()).isBefore(justAfter) ? 1 : 0;
                }
                JsonNode opened = api.get("/api/audit/actors/admin/acts?limit=1&kind=" + kind + "&before=" + justAfter).body();
                assertThat(opened.get("offset").asInt()).isEqualTo(newer);
                assertThat(opened.get("acts").get(0).get("eventId").asText()).isEqualTo(expected.get(newer));
                // The workbook of that kind holds the same acts, and says which kind it is.
                try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                        api.bytes("/api/audit/actors/admin/acts.xlsx?kind=" + kind)))) {
                    var sheet = book.getSheet("操作留痕");
                    assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected.size());
                    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("，" + Words.zh("eventFamily", kind.name()) + "，");
                }
            }
        }
        assertThat(kindsActedIn).as("the lead office acted in several kinds").isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/audit/actors/admin/acts?kind=EVERYTHING").body().get("field").asText()).isEqualTo("kind");
        assertThat(api.get("/api/audit/actors/admin/acts.xlsx?kind=scoring").body().get("field").asText()).isEqualTo("kind");
    }

    static int indexOf(JsonNode acts, String eventId) {
        for (int i = 0; i < acts.size(); i++) {
            if (acts.get(i).get("eventId").asText().equals(eventId)) {
                return i;
            }
        }
        throw new AssertionError("no act " + eventId);
    }

    @Test
    @Order(15)
    void anAuditTrailIsReadAPageAtATimeEachActNamingWhatItConcerns() throws Exception {
        JsonNode whole = api.get("/api/audit/actors/admin").body();
        JsonNode first = api.get("/api/audit/actors/admin/acts?limit=5").body();
        assertThat(first.get("total").asInt()).isEqualTo(whole.size());
        assertThat(first.get("acts")).hasSize(5);
        JsonNode second = api.get("/api/audit/actors/admin/acts?offset=5&limit=5").body();
        // Pages are the whole trail's newest first, cut in fives, in the same order.
        for (int i = 0; i < 5; i++) {
            assertThat(first.get("acts").get(i).get("eventId").asText()).isEqualTo(whole.get(i).get("eventId").asText());
            assertThat(second.get("acts").get(i).get("eventId").asText()).isEqualTo(whole.get(5 + i).get("eventId").asText());
        }
        JsonNode last = api.get("/api/audit/actors/admin/acts?offset=" + (whole.size() - 2) + "&limit=50").body();
        assertThat(last.get("acts")).hasSize(2);
        assertThat(last.get("acts").get(1).get("eventId").asText()).isEqualTo(whole.get(whole.size() - 1).get("eventId").asText());
        assertThat(api.get("/api/audit/actors/admin/acts?offset=" + whole.size()).body().get("acts")).isEmpty();
        // Opened at an instant: the page starts at the newest act recorded before it, and says where that is.
        int i = 6;
        while (whole.get(i).get("at").asText().equals(whole.get(i - 1).get("at").asText())) {
            i++; // an act recorded at the same instant as the one before it (one commit) cannot be told apart by time
        }
        Instant justAfter = Instant.parse(whole.get(i).get("at").asText()).plusMillis(1);
        JsonNode opened = api.get("/api/audit/actors/admin/acts?limit=3&before=" + justAfter).body();
        assertThat(opened.get("offset").asInt()).isEqualTo(i);
        assertThat(opened.get("acts").get(0).get("eventId").asText()).isEqualTo(whole.get(i).get("eventId").asText());
        JsonNode onFrom = api.get("/api/audit/actors/admin/acts?limit=3&offset=2&before=" + justAfter).body();
        assertThat(onFrom.get("acts").get(0).get("eventId").asText()).isEqualTo(whole.get(i + 2).get("eventId").asText());
        assertThat(api.get("/api/audit/actors/admin/acts?before=2000-01-01T00:00:00Z").body().get("acts")).as("before anything").isEmpty();
        assertThat(api.get("/api/audit/actors/admin/acts?before=2099-01-01T00:00:00Z&limit=1").body().get("offset").asInt()).isZero();
        assertThat(api.get("/api/audit/actors/admin/acts?before=yesterday").body().get("field").asText()).isEqualTo("before");
        // The same trail as a workbook, in words: the clerk's one act, and the lead office's acts of a stretch.
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                api.bytes("/api/audit/actors/daqi-clerk/acts.xlsx")))) {
            var sheet = book.getSheet("操作留痕");
            // the clerk by display name (the test's users are named by their accounts)
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("daqi-clerk 操作留痕（开始 至 导出时").endsWith("共 1 项）");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("操作");
            var row = sheet.getRow(2);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("报送信息");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("大碶街道 · “t”");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("单位人员");
            assertThat(row.getCell(0).getStringCellValue()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        Instant stretchFrom = Instant.parse(whole.get(i).get("at").asText());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                api.bytes("/api/audit/actors/admin/acts.xlsx?from=" + stretchFrom + "&to=" + justAfter)))) {
            var sheet = book.getSheet("操作留痕");
            // the acts recorded at that instant: one commit's, newest first as the page lists them
            int inStretch = 0;
            for (JsonNode act : whole) {
                inStretch += act.get("at").asText().equals(whole.get(i).get("at").asText()) ? 1 : 0;
            }
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(inStretch);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("共 " + inStretch + " 项");
        }
        assertThat(api.get("/api/audit/actors/admin/acts.xlsx?from=" + justAfter + "&to=" + stretchFrom).body().get("field").asText())
                .isEqualTo("to");
        assertThat(api.get("/api/audit/actors/nobody-at-all/acts.xlsx").status()).isEqualTo(404);
        // What each act concerns, read from its event: the unit of an accepted report, the account a grant named.
        JsonNode clerk = api.get("/api/audit/actors/daqi-clerk/acts").body();
        assertThat(clerk.get("total").asInt()).isEqualTo(1);
        JsonNode submitted = clerk.get("acts").get(0);
        assertThat(submitted.get("type").asText()).isEqualTo("InfoReportSubmitted");
        assertThat(submitted.get("unitId").asText()).isEqualTo("daqi");
        assertThat(submitted.get("subject").asText()).isEqualTo("t");
        assertThat(submitted.get("role").asText()).isEqualTo("UNIT_STAFF");
        JsonNode adminActs = api.get("/api/audit/actors/admin/acts?limit=500").body().get("acts");
        JsonNode registered = java.util.stream.StreamSupport.stream(adminActs.spliterator(), false)
                .filter(a -> a.get("type").asText().equals("UserRegistered") && a.path("account").asText().equals("daqi-clerk"))
                .findFirst().orElseThrow();
        assertThat(registered.has("unitId")).as("a new clerk's unit").isTrue();
        // An act that names no title of its own takes the one its report began with.
        JsonNode acceptance = java.util.stream.StreamSupport.stream(adminActs.spliterator(), false)
                .filter(a -> a.get("type").asText().equals("InfoReportAccepted")).findFirst().orElseThrow();
        assertThat(acceptance.get("unitId").asText()).isEqualTo("xinqi");
        assertThat(acceptance.get("subject").asText()).isEqualTo("新碶街道流动人口工作动态");
        // Who acted: the clerk with one act, the lead office with every other.
        JsonNode actors = api.get("/api/audit/actors").body();
        Map<String, Integer> acts = new java.util.HashMap<>();
        actors.forEach(a -> acts.put(a.get("actor").asText(), a.get("acts").asInt()));
        assertThat(acts).containsEntry("daqi-clerk", 1).containsEntry("admin", whole.size());
        assertThat(actors.get(0).get("lastAt").asText()).isNotBlank();
        // The boundary: each bad value named, and an actor who never was is not an empty trail.
        assertThat(api.get("/api/audit/actors/admin/acts?limit=0").body().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("/api/audit/actors/admin/acts?limit=501").body().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("/api/audit/actors/admin/acts?offset=-1").body().get("field").asText()).isEqualTo("offset");
        assertThat(api.get("/api/audit/actors/admin/acts?offset=x").status()).isEqualTo(400);
        assertThat(api.get("/api/audit/actors/nobody-at-all/acts").status()).isEqualTo(404);
        assertThat(api.get("/api/audit/actors/nobody-at-all").status()).isEqualTo(404);
    }

    @Test
    @Order(16)
    void theArchiveVerifiesUntouchedAndFailsWhenAltered() throws Exception {
        String archive = api.text("/api/admin/archive");
        List<String> lines = new ArrayList<>(archive.lines().toList());
        assertThat(lines.size()).isGreaterThan(40);
        Map<String, String> ndjson = Map.of("Content-Type", "application/x-ndjson");
        JsonNode ok = api.post("/api/admin/archive/verify", archive, ndjson).body();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("signed").asBoolean()).isTrue();
        assertThat(ok.get("records").asLong()).as("every line but the signed head").isEqualTo(lines.size() - 1);
        // head -n -5: the tail cut off, and lines cut before the head kept.
        assertThat(api.post("/api/admin/archive/verify", String.join("\n", lines.subList(0, lines.size() - 5)), ndjson)
                .body().get("valid").asBoolean()).isFalse();
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 6));
        cut.add(lines.get(lines.size() - 1));
        assertThat(api.post("/api/admin/archive/verify", String.join("\n", cut), ndjson).body().get("reason").asText()).contains("cut off");

        List<String> edited = new ArrayList<>(lines);
        edited.set(5, edited.get(5).replace("\"actor\":\"admin\"", "\"actor\":\"someone-else\""));
        assertThat(edited.get(5)).isNotEqualTo(lines.get(5));
        assertThat(api.post("/api/admin/archive/verify", String.join("\n", edited), ndjson).body().get("firstBadLine").asLong()).isEqualTo(6);
        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(10);
        assertThat(api.post("/api/admin/archive/verify", String.join("\n", deleted), ndjson).body().get("valid").asBoolean()).isFalse();
        List<String> swapped = new ArrayList<>(lines);
        java.util.Collections.swap(swapped, 3, 4);
        assertThat(api.post("/api/admin/archive/verify", String.join("\n", swapped), ndjson).body().get("firstBadLine").asLong()).isEqualTo(4);

        String unitArchive = api.text("/api/admin/archive?unit=xinqi");
        assertThat(unitArchive.lines().count()).isEqualTo(api.get("/api/units/xinqi/facts").body().size() + 1);
        assertThat(api.post("/api/admin/archive/verify", unitArchive, ndjson).body().get("valid").asBoolean()).isTrue();

        // The fact log a stretch at a time: each stretch is the whole log's, across its chunks of 32 entries.
        for (int i = 1; i <= 25; i++) {
            assertThat(api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-05-" + (10 + i % 15), "topic", "分段读取培训" + i)).status())
                    .isEqualTo(201);
        }
        List<JsonNode> whole = new ArrayList<>();
        api.get("/api/units/xinqi/facts").body().forEach(whole::add);
        assertThat(whole).as("more than one chunk").hasSizeGreaterThan(33);
        for (int[] stretch : new int[][]{{0, 1}, {1, 33}, {30, 1000}, {whole.size() - 2, 10}, {whole.size(), 5}}) {
            JsonNode page = api.get("/api/units/xinqi/facts/page?offset=" + stretch[0] + "&limit=" + stretch[1]).body();
            assertThat(page.get("total").asInt()).isEqualTo(whole.size());
            assertThat(page.get("offset").asInt()).isEqualTo(stretch[0]);
            List<JsonNode> facts = new ArrayList<>();
            page.get("facts").forEach(facts::add);
            assertThat(facts).as("from %d, at most %d", stretch[0], stretch[1])
                    .isEqualTo(whole.subList(stretch[0], Math.min(whole.size(), stretch[0] + stretch[1])));
        }
        assertThat(api.get("/api/units/xinqi/facts/page").body().get("facts")).hasSize(Math.min(100, whole.size()));
        for (String bad : List.of("offset=-1", "limit=0", "limit=1001", "limit=many")) {
            Api.Response refused = api.get("/api/units/xinqi/facts/page?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(api.get("/api/units/nowhere/facts/page").status()).isEqualTo(404);
    }

    @Test
    @Order(17)
    void anUpheldAppealCorrectsTheItemAndTheScoreShowsIt() {
        JsonNode beforeAppeal = item(score("xinqi"), "S1.1");
        assertThat(beforeAppeal.get("score").decimalValue()).isEqualByComparingTo("5");
        String appeal = api.post("/api/units/xinqi/appeals", Map.of("schemeId", "beilun-2023", "itemCode", "S1.1",
                "reason", "二季度总结已按时报送，附回执")).id();
        assertThat(item(score("xinqi"), "S1.1").get("appeals").get(0).get("status").asText()).isEqualTo("FILED");
        assertThat(api.post("/api/appeals/" + appeal + "/decision", Map.of("upheld", true, "points", 1, "note", "核实属实")).status()).isEqualTo(200);
        assertThat(api.post("/api/appeals/" + appeal + "/decision", Map.of("upheld", false, "note", "again")).status()).isEqualTo(409);
        JsonNode after = item(score("xinqi"), "S1.1");
        assertThat(after.get("score").decimalValue()).isEqualByComparingTo("6");
        assertThat(after.get("appeals").get(0).get("status").asText()).isEqualTo("UPHELD");
        assertThat(after.get("appeals").get(0).get("decision").asText()).isEqualTo("核实属实");
        assertThat(api.post("/api/units/xinqi/appeals", Map.of("schemeId", "beilun-2023", "itemCode", "S1.1")).body().get("field").asText())
                .isEqualTo("reason");
    }

    @Test
    @Order(18)
    void theExcelWorkbookHasTheSeedsLayoutAndTheScoresCellByCell() throws Exception {
        byte[] workbook = api.bytes("/api/schemes/beilun-2023/export.xlsx");
        assertThat(api.get("/api/schemes/beilun-2023/export.xlsx").header("Content-Type")).as("a workbook, no charset")
                .isEqualTo(cn.duban.query.assessment.ExcelExportController.XLSX);
        JsonNode score = score("xinqi");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("街道（附件1）");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("部门（附件2）");
            var sheet = book.getSheetAt(0);
            int start = -1;
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("新碶街道")) {
                    start = row.getRowNum();
                }
            }
            assertThat(start).isNotNegative();
            // The unit by its name, not its id; the instant in Beijing time to the minute, not an ISO instant.
            assertThat(sheet.getRow(start).getCell(0).getStringCellValue()).isEqualTo("新碶街道");
            assertThat(sheet.getRow(start).getCell(2).getStringCellValue()).matches(".+，截至 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            var header = sheet.getRow(start + 1);
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("考核内容");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("分值");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("评分标准");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("自查分");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("考核分");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("自查说明");
            JsonNode items = score.get("items");
            for (int i = 0; i < items.size(); i++) {
                var row = sheet.getRow(start + 2 + i);
                JsonNode item = items.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(item.get("code").asText());
                if (item.hasNonNull("max")) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(item.get("max").asDouble());
                } else {
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("加分项");
                }
                assertThat(row.getCell(6).getNumericCellValue()).as(item.get("code").asText()).isEqualTo(item.get("score").asDouble());
            }
            assertThat(sheet.getRow(start + 2).getCell(5).getNumericCellValue()).isEqualTo(6.0); // S1.4 self score
            assertThat(sheet.getRow(start + 2).getCell(7).getStringCellValue()).isEqualTo("按要求开展"); // and what the unit said of it
            assertThat(sheet.getRow(start + 3).getCell(7)).as("an item not self-assessed: no note").isNull();
            var total = sheet.getRow(start + 2 + items.size());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(37.0);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(score.get("total").asDouble());
        }
    }

    @Test
    @Order(6)
    void rankingBestFirstNowAndAsOf() {
        JsonNode ranking = api.get("/api/schemes/beilun-2023/ranking").body();
        assertThat(ranking).hasSize(3);
        assertThat(ranking.get(0).get("unitId").asText()).isEqualTo("police");
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get(0).get("name").asText()).isEqualTo("公安分局");
        assertThat(ranking.get(1).get("unitId").asText()).isEqualTo("xinqi");
        assertThat(ranking.get(2).get("unitId").asText()).isEqualTo("daqi");
        assertThat(ranking.get(2).get("total").decimalValue()).isEqualByComparingTo("17");
        JsonNode then = api.get("/api/schemes/beilun-2023/ranking?asOf=" + afterFirstTraining).body();
        assertThat(then.get(0).get("total").decimalValue()).isEqualByComparingTo("76");
        assertThat(then.get(1).get("unitId").asText()).isEqualTo("xinqi");
        assertThat(then.get(1).get("total").decimalValue()).isEqualByComparingTo("19");
    }

    @Test
    @Order(7)
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        long before = head();
        JsonNode scoreBefore = score("xinqi");
        record Case(String path, Object body, String field) {
        }
        List<Case> cases = List.of(
                new Case("/api/units/xinqi/trainings", Map.of("topic", "x"), "heldOn"),
                new Case("/api/units/xinqi/trainings", Map.of("heldOn", "2023-02-30", "topic", "x"), "heldOn"),
                new Case("/api/units/xinqi/trainings", Map.of("heldOn", "2023-02-03", "topic", "x", "attendees", -1), "attendees"),
                new Case("/api/units/xinqi/info-reports", Map.of("submittedOn", "2023-02-03"), "title"),
                new Case("/api/info-reports/" + reportId + "/acceptance", Map.of("level", "EXCELLENT"), "level"),
                new Case("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 101), "value"),
                new Case("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 50, "numerator", 90, "denominator", 100), "value"),
                new Case("/api/units/xinqi/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "S1.4", "points", -1), "reason"),
                new Case("/api/units/xinqi/adjustments", Map.of("schemeId", "beilun-2023", "itemCode", "NOPE", "points", -1, "reason", "r"), "itemCode"),
                new Case("/api/units/xinqi/achievements", Map.of("kind", "TRAINING", "level", "CITY", "title", "t", "on", "2023-01-01"), "kind"),
                new Case("/api/units", Map.of("id", "Bad Id", "name", "x", "type", "STREET"), "id"),
                new Case("/api/units", Map.of("id", "ok", "name", "x", "type", "VILLAGE"), "type"));
        for (Case c : cases) {
            Api.Response r = api.post(c.path(), c.body());
            assertThat(r.status()).as(c.toString()).isEqualTo(400);
            assertThat(r.body().get("error").asText()).isEqualTo("VALIDATION");
            assertThat(r.body().get("field").asText()).as(c.toString()).isEqualTo(c.field());
        }
        assertThat(api.post("/api/units/xinqi/trainings", "{not json").status()).isEqualTo(400);
        // Chinese first; English on request.
        assertThat(api.post("/api/units/xinqi/trainings", Map.of("topic", "x")).body().get("message").asText()).isEqualTo("heldOn: 必填");
        assertThat(api.post("/api/units/xinqi/trainings", Map.of("topic", "x"), Map.of("Accept-Language", "en")).body().get("message").asText())
                .isEqualTo("heldOn: required");
        assertThat(head()).isEqualTo(before);
        assertThat(score("xinqi").get("total")).isEqualTo(scoreBefore.get("total"));
        assertThat(api.post("/api/units/nobody/trainings", Map.of("heldOn", "2023-03-10", "topic", "x")).status()).isEqualTo(404);
        assertThat(api.post("/api/info-reports/no-such-report/acceptance", Map.of("level", "GENERAL")).status()).isEqualTo(404);
        assertThat(api.get("/api/units/xinqi/score?scheme=nope").status()).isEqualTo(404);
        assertThat(api.get("/api/units/xinqi/score").body().get("field").asText()).isEqualTo("scheme");
    }

    @Test
    @Order(8)
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndEmitsNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "daqi-training-2023-03-01");
        Map<String, Object> body = Map.of("heldOn", "2023-03-01", "topic", "网格员培训", "attendees", 30, "hours", 1.5);
        Api.Response first = api.post("/api/units/daqi/trainings", body, key);
        assertThat(first.status()).isEqualTo(201);
        long after = head();
        Api.Response retry = api.post("/api/units/daqi/trainings", body, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // Where the first's events stand, so the client's next read waits for them as after the first.
        assertThat(retry.header("X-Duban-Position")).isNotNull().isEqualTo(first.header("X-Duban-Position"));
        assertThat(head()).isEqualTo(after);
        assertThat(item(score("daqi"), "S1.4").get("score").decimalValue()).isEqualByComparingTo("4");
        Api.Response otherBody = api.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-03-02", "topic", "x"), key);
        assertThat(otherBody.status()).isEqualTo(409);
        // A failed request keeps no record: fixing it and retrying with the same key works.
        Map<String, String> key2 = Map.of("Idempotency-Key", "daqi-bad-then-good");
        assertThat(api.post("/api/units/daqi/trainings", Map.of("topic", "x"), key2).status()).isEqualTo(400);
        assertThat(api.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-04-01", "topic", "x"), key2).status()).isEqualTo(201);
        // The key is recorded on the event as metadata.
        JsonNode facts = api.get("/api/units/daqi/facts").body();
        assertThat(facts).hasSize(2);
    }

    @Test
    @Order(12)
    void theApiIsDescribedByOpenApiAndHealthReportsTheDatabase() {
        JsonNode docs = api.get("/v3/api-docs").body();
        assertThat(docs.get("paths").has("/api/units/{unitId}/score")).isTrue();
        assertThat(docs.get("paths").has("/api/info-reports/{id}/acceptance")).isTrue();
        JsonNode health = api.get("/actuator/health").body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/database/status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(9)
    void comparingTwoInstantsExplainsEachChangeByItsEvents() {
        Instant now = Instant.now();
        JsonNode c = api.get("/api/units/xinqi/comparison?scheme=beilun-2023&from=" + afterFirstTraining + "&to=" + now).body();
        assertThat(c.get("before").decimalValue()).isEqualByComparingTo("19");
        assertThat(c.get("after").decimalValue()).isEqualByComparingTo("32");
        assertThat(c.get("delta").decimalValue()).isEqualByComparingTo("13");
        Map<String, JsonNode> items = new java.util.HashMap<>();
        c.get("items").forEach(i -> items.put(i.get("code").asText(), i));
        assertThat(items.get("S1.3").get("delta").decimalValue()).isEqualByComparingTo("1");
        assertThat(items.get("S1.3").get("causes").get(0).get("eventType").asText()).isEqualTo("InfoReportAccepted");
        assertThat(items.get("S1.1").get("delta").decimalValue()).isEqualByComparingTo("-1");
        assertThat(items.get("S1.1").get("causes").get(0).get("what").asText()).contains("二季度无工作总结");
        assertThat(items.get("S2.5").get("causes").get(0).get("eventType").asText()).isEqualTo("IndicatorReported");
        assertThat(items.get("S1.4").get("causes").get(0).get("what").asText()).contains("2023-01-05");
        assertThat(items.get("S1.4").get("causes").get(0).get("whatEn").asText()).as("the same cause in English").startsWith("Training").contains("2023-01-05");
        assertThat(items.get("S1.1").get("causes").get(0).get("whatEn").asText()).contains("二季度无工作总结").doesNotContain("：");
        assertThat(items.get("BONUS").get("delta").decimalValue()).isEqualByComparingTo("5");

        // Effective time: on 1 February only the January training (reported months later) had happened.
        JsonNode february = api.get("/api/units/xinqi/score?scheme=beilun-2023&view=EFFECTIVE&asOf=2023-02-01T00:00:00Z").body();
        assertThat(item(february, "S1.4").get("score").decimalValue()).isEqualByComparingTo("4");
        assertThat(february.get("total").decimalValue()).isEqualByComparingTo("20");
        JsonNode year = api.get("/api/units/xinqi/comparison?scheme=beilun-2023&view=EFFECTIVE&from=2023-02-01T00:00:00Z&to=2023-12-31T00:00:00Z").body();
        assertThat(year.get("delta").decimalValue()).isPositive();
        JsonNode table = api.get("/api/schemes/beilun-2023/comparison?from=" + afterFirstTraining + "&to=" + now).body();
        assertThat(table).hasSize(3);
        assertThat(table.get(0).get("unitId").asText()).isEqualTo("xinqi");
    }

    @Test
    @Order(13)
    void whatIfRescoresTheSameEventsUnderADraftAndStoresNothing() {
        long before = head();
        // A revision that asks for three trainings instead of two.
        String draft = SCHEME.replace("\"required\": 2", "\"required\": 3");
        Api.Response r = api.post("/api/schemes/beilun-2023/what-if", draft);
        assertThat(r.status()).isEqualTo(200);
        JsonNode xinqi = null;
        for (JsonNode row : r.body()) {
            if (row.get("unitId").asText().equals("xinqi")) {
                xinqi = row;
            }
        }
        // xinqi has two trainings: 6 now, 4 under the draft.
        assertThat(xinqi.get("delta").decimalValue()).isEqualByComparingTo("-2");
        assertThat(xinqi.get("items").get(0).get("code").asText()).isEqualTo("S1.4");
        assertThat(head()).isEqualTo(before);
        assertThat(api.post("/api/schemes/beilun-2023/what-if", SCHEME.replace("\"perMissing\": 2", "\"perMissing\": -2")).body()
                .get("field").asText()).isEqualTo("items[0].rules[0].perMissing");
    }

    @Test
    @Order(11)
    void theBuiltInSchemeAndRosterLoadThroughTheApi() {
        // This district already drafted its own "beilun-2023" (test 1): the built-in one is refused, nothing replaced.
        assertThat(api.post("/api/schemes/builtin/beilun-2023", "").status()).isEqualTo(409);
        assertThat(api.get("/api/schemes/beilun-2023").body().get("items")).hasSize(7);
        JsonNode registered = api.post("/api/units/builtin/beilun", "").body().get("registered");
        // xinqi, daqi and gafj were registered before (gafj by the previous test): 44 − 3.
        assertThat(registered).hasSize(41);
        assertThat(api.post("/api/units/builtin/beilun", "").body().get("registered")).isEmpty();
        assertThat(api.get("/api/schemes/beilun-2023/ranking").body()).isNotEmpty();

        // The 2022 history: its scheme, and the two bodies only its tables name, retired at the end of 2022.
        assertThat(api.post("/api/schemes/builtin/beilun-2022", "").status()).isEqualTo(201);
        assertThat(api.post("/api/schemes/beilun-2022/publish", "").status()).isEqualTo(200);
        assertThat(api.post("/api/schemes/builtin/beilun-2021", "").status()).isEqualTo(404);
        assertThat(texts(api.post("/api/units/builtin/beilun-2022", "").body().get("registered"))).containsExactly("zongzhiban", "xxcyj");
        assertThat(api.post("/api/units/zongzhiban/retirement", Map.of("on", "2023-01-01", "reason", "again")).status()).isEqualTo(409);
        assertThat(api.post("/api/units/jtj/retirement", Map.of("on", "2023-01-01")).body().get("field").asText()).isEqualTo("reason");
        JsonNode ranking2022 = api.get("/api/schemes/beilun-2022/ranking").body();
        assertThat(ranking2022.toString()).contains("区综治办");
        assertThat(api.get("/api/schemes/beilun-2023-official/ranking").body().toString()).as("retired before 2023").contains("公安分局").doesNotContain("区综治办");
        assertThat(api.get("/api/units/zongzhiban").body().get("retiredOn").asText()).isEqualTo("2022-12-31");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    @Order(10)
    void theShippedBeilunSchemeIsAcceptedAndScoresAUnit() throws Exception {
        String doc;
        try (var in = cn.duban.kernel.scheme.beilun.Beilun2023.class.getResourceAsStream(cn.duban.kernel.scheme.beilun.Beilun2023.SCHEME_RESOURCE)) {
            doc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(api.post("/api/schemes", doc.replace("\"beilun-2023\"", "\"beilun-2023-official\"")).status()).isEqualTo(201);
        assertThat(api.post("/api/units", Map.of("id", "gafj", "name", "公安分局", "type", "DEPARTMENT")).status()).isEqualTo(201);
        JsonNode score = api.get("/api/units/gafj/score?scheme=beilun-2023-official").body();
        // 3 common basic items + 4 of the police table + 2 bonus items.
        assertThat(score.get("items")).hasSize(9);
        // Nothing reported: D0.1 10 + D0.2 10 + gafj.4 15 (no failure recorded); indicators never reported lose the rest.
        assertThat(score.get("regular").decimalValue()).isEqualByComparingTo("35");
    }
}
