package cn.duban.standalone;

import cn.duban.kernel.supervision.SampleDraw;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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
 * 抽查 over HTTP: a reproducible draw, a refused second draw, check and recheck by two people, and a
 * flagged record that stops counting from the verdict on; then a published notice that reads the
 * same after later events and a rebuild.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static JsonNode item(JsonNode score, String code) {
        for (JsonNode i : score.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    java.math.BigDecimal trainingItem(Api api, String query) {
        return item(api.get("/api/units/xinqi/score?scheme=beilun-2023" + query).body(), "S1.4").get("score").decimalValue();
    }

    @Test
    void aSampledTrainingFoundUntrueOnRecheckStopsCountingFromTheVerdictOn() throws Exception {
        Api api = new Api(port);
        Api li = api.newUser("li.supervisor", "SUPERVISOR", null);
        Api wang = api.newUser("wang.supervisor", "SUPERVISOR", null);
        api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        api.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        assertThat(api.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        api.post("/api/schemes/beilun-2023/publish", "");
        List<String> trainings = new ArrayList<>();
        for (String day : List.of("2023-02-10", "2023-04-12", "2023-06-20")) {
            trainings.add(api.post("/api/units/xinqi/trainings", Map.of("heldOn", day, "topic", "业务培训")).id());
        }
        api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2022-12-20", "topic", "上年度培训")); // outside the period and the year
        assertThat(trainingItem(api, "")).isEqualByComparingTo("6");

        Map<String, Object> scope = Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01", "to", "2023-06-30", "size", 2, "seed", 20230701);
        // Samples are the supervisors': the lead office may not draw one, and a refused draw stores nothing.
        assertThat(api.post("/api/samples", scope).status()).isEqualTo(403);
        Api.Response bad = li.post("/api/samples", Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01", "to", "2023-06-30", "size", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("size");

        Api.Response drawn = li.post("/api/samples", scope);
        assertThat(drawn.status()).isEqualTo(201);
        String sampleId = drawn.id();
        JsonNode sample = api.get("/api/samples/" + sampleId).body();
        List<String> population = trainings.stream().sorted().toList();
        List<String> recorded = new ArrayList<>();
        sample.get("sample").get("population").forEach(n -> recorded.add(n.asText()));
        assertThat(recorded).isEqualTo(population);
        List<String> expected = SampleDraw.draw(population, 2, 20230701L);
        assertThat(texts(sample.get("sample").get("records"), "recordId")).isEqualTo(expected);
        assertThat(sample.get("reproducible").asBoolean()).isTrue();
        assertThat(sample.get("sample").get("drawnBy").asText()).isEqualTo("li.supervisor");

        // The same scope cannot be drawn again, not even with another seed: 409, and nothing stored.
        Api.Response again = wang.post("/api/samples", Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01", "to", "2023-06-30", "size", 2, "seed", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).as("said as what it is").startsWith("该单位这类记录在此期间已抽取过样本");
        assertThat(api.get("/api/samples?unitId=xinqi").body()).hasSize(1);

        String untrue = expected.get(0);
        String path = "/api/samples/" + sampleId + "/records/" + untrue;
        assertThat(wang.post(path + "/recheck", Map.of("verdict", "FLAGGED", "note", "x")).status()).isEqualTo(409); // not checked yet
        Api.Response noReason = li.post(path + "/check", Map.of("verdict", "FLAGGED"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("field").asText()).isEqualTo("note");
        assertThat(li.post(path + "/check", Map.of("verdict", "FLAGGED", "note", "签到表系事后补签")).status()).isEqualTo(200);
        Api.Response samePerson = li.post(path + "/recheck", Map.of("verdict", "FLAGGED", "note", "签到表系事后补签"));
        assertThat(samePerson.status()).isEqualTo(409);
        assertThat(trainingItem(api, "")).isEqualByComparingTo("6");
        Thread.sleep(5);
        Instant beforeVerdict = Instant.now();
        Thread.sleep(5);
        assertThat(wang.post(path + "/recheck", Map.of("verdict", "FLAGGED", "note", "签到表系事后补签，现场照片为2022年")).status()).isEqualTo(200);

        // 3 trainings − 1 untrue = 2: the quota still holds; so flag the second one too, rechecked as untrue.
        String second = expected.get(1);
        wang.post("/api/samples/" + sampleId + "/records/" + second + "/check", Map.of("verdict", "VERIFIED"));
        assertThat(li.post("/api/samples/" + sampleId + "/records/" + second + "/recheck",
                Map.of("verdict", "FLAGGED", "note", "培训未实际举办")).status()).isEqualTo(200);

        JsonNode item = item(api.get("/api/units/xinqi/score?scheme=beilun-2023").body(), "S1.4");
        assertThat(item.get("score").decimalValue()).isEqualByComparingTo("4");
        assertThat(texts(item.get("contributions"), "source")).containsExactly("QUOTA", "SAMPLING", "SAMPLING");
        assertThat(item.get("contributions").get(1).get("reason").asText()).contains("现场照片为2022年");
        // The flag reaches back to no earlier instant: as of before the verdict the training counted.
        assertThat(trainingItem(api, "&asOf=" + beforeVerdict)).isEqualByComparingTo("6");
        JsonNode after = api.get("/api/samples/" + sampleId).body().get("sample").get("records");
        assertThat(texts(after, "status")).containsExactly("FLAGGED", "FLAGGED");
        assertThat(after.get(0).get("check").get("by").asText()).isEqualTo("li.supervisor");
        assertThat(after.get(0).get("recheck").get("by").asText()).isEqualTo("wang.supervisor");
        assertThat(texts(api.get("/api/units/xinqi/notifications").body().get("notifications"), "kind")).contains("RECORD_DISQUALIFIED");
        // 准确率 and 完整率 of the unit's sampled records: both rechecked (100 %), neither borne out (0 %).
        JsonNode rates = api.get("/api/samples/rates?unitId=xinqi&from=2023-01-01&to=2023-12-31").body();
        assertThat(rates).singleElement().satisfies(r -> {
            assertThat(r.get("drawn").asInt()).isEqualTo(2);
            assertThat(r.get("rechecked").asInt()).isEqualTo(2);
            assertThat(r.get("completenessRate").decimalValue()).isEqualByComparingTo("100");
            assertThat(r.get("accuracyRate").decimalValue()).isEqualByComparingTo("0");
        });
        assertThat(api.get("/api/samples/rates?unitId=xinqi&from=2024-01-01").body()).isEmpty();
        // The sampling plan (方案12): 2 records a month; xinqi's January sample meets it, daqi has none.
        assertThat(api.get("/api/samples/plan?scheme=beilun-2023").status()).isEqualTo(404);
        assertThat(li.post("/api/schemes/beilun-2023/sampling-plan", Map.of("period", "MONTH", "recordsPerUnit", 2)).status()).isEqualTo(403);
        assertThat(api.post("/api/schemes/beilun-2023/sampling-plan", Map.of("period", "MONTH", "recordsPerUnit", 0)).status()).isEqualTo(400);
        assertThat(api.post("/api/schemes/beilun-2023/sampling-plan", Map.of("period", "MONTH", "recordsPerUnit", 2)).status()).isEqualTo(200);
        JsonNode plan = api.get("/api/samples/plan?scheme=beilun-2023").body();
        assertThat(plan.get("recordsPerUnit").asInt()).isEqualTo(2);
        for (JsonNode unit : plan.get("units")) {
            JsonNode january = unit.get("periods").get(0);
            assertThat(january.get("period").asText()).isEqualTo("2023-01");
            assertThat(unit.get("periods")).hasSize(12);
            assertThat(unit.get("periods").findValuesAsText("underWay")).as("2023 has ended: no period under way").containsOnly("false");
            assertThat(january.get("met").asBoolean()).as(unit.get("unitId").asText()).isEqualTo(unit.get("unitId").asText().equals("xinqi"));
        }

        // The results notice, published as an event, reads the same after later events and a rebuild.
        Api.Response published = api.post("/api/rounds/year-end/beilun-2023/notices", Map.of("title", "2023年度考核结果通报"));
        assertThat(published.status()).isEqualTo(201);
        JsonNode notice = api.get("/api/notices/" + published.id()).body();
        assertThat(notice.get("title").asText()).isEqualTo("2023年度考核结果通报");
        assertThat(notice.get("publishedBy").asText()).isEqualTo("admin");
        assertThat(notice.get("notice").get("results")).hasSize(2);
        // 通报批评: xinqi's two trainings found untrue on recheck are named as 弄虚作假.
        JsonNode criticised = notice.get("notice").get("honours").get("criticised").get(0);
        assertThat(criticised.get("unitId").asText()).isEqualTo("xinqi");
        assertThat(criticised.get("reasons").get(0).asText()).isEqualTo("抽查发现台账不实（弄虚作假）2条");
        assertThat(notice.get("notice").get("text").asText()).contains("通报批评", "新碶街道：抽查发现台账不实（弄虚作假）2条");
        // As a Word document to put on the letterhead: the notice's own words, dated the day it was published,
        // and its ranking as the annex; the draft the same, dated today, for sign-off before publishing.
        String docx = "/api/notices/" + published.id() + "/notice.docx";
        Api.Response download = api.get(docx);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(download.header("Content-Disposition")).contains("filename=\"notice.docx\"",
                "filename*=UTF-8''" + java.net.URLEncoder.encode("2023年度考核结果通报.docx", java.nio.charset.StandardCharsets.UTF_8));
        String publishedOn = cn.duban.kernel.calendar.DistrictTime.dateOf(Instant.parse(notice.get("publishedAt").asText()))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(api.bytes(docx)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(p -> p.getText()).filter(t -> !t.isEmpty()).toList();
            List<String> lines = notice.get("notice").get("text").asText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(paragraphs.subList(0, lines.size())).isEqualTo(lines);
            assertThat(paragraphs.subList(lines.size(), paragraphs.size())).containsExactly(publishedOn, "附件", "考核结果一览表");
            var table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(notice.get("notice").get("results").size() + 1);
            JsonNode first = notice.get("notice").get("results").get(0);
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo(first.get("name").asText());
            assertThat(table.getRow(1).getCell(3).getText()).isEqualTo(first.get("grade").asText());
        }
        assertThat(api.get("/api/rounds/year-end/beilun-2023/notice.docx").header("Content-Disposition"))
                .contains(java.net.URLEncoder.encode("2023年度考核结果通报（草稿）.docx", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("/api/notices/no-such-notice/notice.docx").status()).isEqualTo(404);
        api.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-09-01", "topic", "培训"));
        api.post("/api/units", Map.of("id", "chaiqiao", "name", "柴桥街道", "type", "STREET"));
        api.post("/api/rounds/vetoes", Map.of("unitId", "xinqi", "schemeId", "beilun-2023", "reason", "发生重大安全事故"));
        assertThat(api.get("/api/rounds/year-end/beilun-2023/notice").body().get("results")).hasSize(3);
        // 更名: 大碶 renamed after the notice. The same unit with its scores; what was published names it as published.
        assertThat(notice.get("notice").get("text").asText()).contains("大碶街道").doesNotContain("大碶街道办事处");
        assertThat(api.post("/api/units/daqi/renaming", Map.of("name", "大碶街道办事处", "on", "2023-10-01", "reason", "机构改革")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/units/daqi/renaming", Map.of("name", "大碶街道办事处", "on", "2023-10-01", "reason", "again"))
                .body().get("field").asText()).as("its name now").isEqualTo("name");
        assertThat(api.get("/api/rounds/year-end/beilun-2023/notice").body().get("text").asText()).contains("大碶街道办事处");
        String publishedAt = api.get("/api/notices/" + published.id()).body().get("publishedAt").asText();
        JsonNode rankedThen = api.get("/api/schemes/beilun-2023/ranking?asOf=" + publishedAt).body();
        assertThat(rankedThen.toString()).contains("\"大碶街道\"").doesNotContain("大碶街道办事处");
        assertThat(api.get("/api/schemes/beilun-2023/ranking").body().toString()).contains("大碶街道办事处");
        JsonNode daqi = api.get("/api/units/daqi").body();
        assertThat(daqi.get("name").asText()).isEqualTo("大碶街道办事处");
        assertThat(daqi.at("/formerNames/0/name").asText()).isEqualTo("大碶街道");
        assertThat(daqi.at("/formerNames/0/on").asText()).isEqualTo("2023-10-01");
        assertThat(api.get("/api/notices/" + published.id()).body()).isEqualTo(notice);
        assertThat(api.get("/api/rounds/year-end/beilun-2023/notices").body()).hasSize(1);

        JsonNode sampleBefore = api.get("/api/samples/" + sampleId).body();
        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(200);
        assertThat(api.get("/api/samples/" + sampleId).body()).isEqualTo(sampleBefore);
        assertThat(api.get("/api/notices/" + published.id()).body()).isEqualTo(notice);
        assertThat(trainingItem(api, "")).isEqualByComparingTo("4");
    }
}
