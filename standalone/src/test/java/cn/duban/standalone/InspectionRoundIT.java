package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 督查 rounds: a frozen baseline recomputed identically after later events and a rebuild; findings, scores, closing. */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionRoundIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    static JsonNode unit(JsonNode round, String id) {
        for (JsonNode u : round.get("units")) {
            if (u.get("unitId").asText().equals(id)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + id);
    }

    /** The lead office registers these streets (id, name, id, name…) and publishes ApiFlowIT's scheme under this id. */
    Api streetsUnder(String schemeId, String... idsAndNames) {
        Api api = new Api(port);
        for (int i = 0; i < idsAndNames.length; i += 2) {
            api.post("/api/units", Map.of("id", idsAndNames[i], "name", idsAndNames[i + 1], "type", "STREET"));
        }
        api.post("/api/schemes", ApiFlowIT.SCHEME.replace("beilun-2023", schemeId));
        api.post("/api/schemes/" + schemeId + "/publish", "");
        return api;
    }

    @Test
    void aRoundsFiguresStayWhatTheyWereAtItsCutoff() throws Exception {
        Api api = new Api(port);
        api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        api.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        assertThat(api.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        api.post("/api/schemes/beilun-2023/publish", "");
        api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-03-10", "topic", "培训"));
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        JsonNode atCutoff = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + cutoff).body();

        Api.Response future = api.post("/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "MID_YEAR", "cutoff", Instant.now().plusSeconds(3600).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("field").asText()).isEqualTo("cutoff");
        String round = api.post("/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "MID_YEAR", "title", "2023年上半年督查",
                "cutoff", cutoff.toString())).id();
        assertThat(api.post("/api/rounds/" + round + "/findings", Map.of("unitId", "xinqi", "itemCode", "S1.4", "text", "培训台账不全",
                "severity", "MAJOR", "evidence", List.of("e-1"))).status()).isEqualTo(201);
        assertThat(api.post("/api/rounds/" + round + "/scores", Map.of("unitId", "daqi", "score", 15)).body().get("field").asText()).isEqualTo("reason");
        assertThat(api.post("/api/rounds/" + round + "/scores", Map.of("unitId", "daqi", "score", 15, "reason", "现场抽查发现问题")).status()).isEqualTo(200);

        // Months of events later …
        api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-09-10", "topic", "培训"));
        api.post("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 97));
        JsonNode result = api.get("/api/rounds/" + round).body();
        assertThat(unit(result, "xinqi").get("baseline").decimalValue()).isEqualByComparingTo(atCutoff.get("total").decimalValue());
        assertThat(api.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("total").decimalValue())
                .isGreaterThan(atCutoff.get("total").decimalValue());
        assertThat(unit(result, "xinqi").get("inspectionScore").decimalValue()).isEqualByComparingTo(atCutoff.get("total").decimalValue());
        assertThat(unit(result, "xinqi").get("findings").get(0).get("text").asText()).isEqualTo("培训台账不全");
        assertThat(unit(result, "daqi").get("inspectionScore").decimalValue()).isEqualByComparingTo("15");
        assertThat(unit(result, "daqi").get("changed").asBoolean()).isTrue();

        assertThat(api.post("/api/rounds/" + round + "/publication", "").status()).isEqualTo(409);
        assertThat(api.post("/api/rounds/" + round + "/closure", "").status()).isEqualTo(200);
        assertThat(api.post("/api/rounds/" + round + "/findings", Map.of("unitId", "xinqi", "text", "late", "severity", "MINOR")).status()).isEqualTo(409);
        assertThat(api.post("/api/rounds/" + round + "/publication", "").status()).isEqualTo(200);

        // … and after every read model is rebuilt from the events: the very same figures.
        JsonNode before = api.get("/api/rounds/" + round).body();
        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(200);
        assertThat(api.get("/api/rounds/" + round).body()).isEqualTo(before);
        assertThat(before.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/rounds").body()).filteredOn(r -> r.get("schemeId").asText().equals("beilun-2023")).hasSize(1);

        // The round's workbook holds the baseline figures, not today's.
        var xlsx = api.bytes("/api/schemes/beilun-2023/export.xlsx?round=" + round);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("街道（附件1）");
            double xinqiTotal = Double.NaN;
            boolean inXinqi = false;
            for (var row : sheet) {
                var first = row.getCell(0);
                String text = first == null ? "" : first.getStringCellValue();
                if (text.startsWith("新碶街道")) {
                    inXinqi = true;
                } else if (inXinqi && text.equals("合计")) {
                    xinqiTotal = row.getCell(6).getNumericCellValue();
                    break;
                }
            }
            assertThat(xinqiTotal).isEqualTo(unit(before, "xinqi").get("baseline").asDouble());
        }

        // Year-end: 0.7 × assessed + 0.3 × the closed round's inspection score; a veto puts a unit last.
        assertThat(api.post("/api/rounds/vetoes", Map.of("unitId", "xinqi", "schemeId", "beilun-2023")).body().get("field").asText()).isEqualTo("reason");
        JsonNode yearEnd = api.get("/api/rounds/year-end/beilun-2023").body();
        JsonNode xinqi = yearEnd.get(0).get("unitId").asText().equals("xinqi") ? yearEnd.get(0) : yearEnd.get(1);
        java.math.BigDecimal assessed = xinqi.get("assessed").decimalValue();
        java.math.BigDecimal inspection = unit(before, "xinqi").get("inspectionScore").decimalValue();
        assertThat(xinqi.get("yearEnd").decimalValue()).isEqualByComparingTo(
                new java.math.BigDecimal("0.7").multiply(assessed).add(new java.math.BigDecimal("0.3").multiply(inspection)));
        assertThat(api.post("/api/rounds/vetoes", Map.of("unitId", "xinqi", "schemeId", "beilun-2023", "reason", "发生涉流动人口重大安全事故")).status()).isEqualTo(201);
        JsonNode afterVeto = api.get("/api/rounds/year-end/beilun-2023").body();
        assertThat(afterVeto.get(afterVeto.size() - 1).get("unitId").asText()).isEqualTo("xinqi");
        assertThat(afterVeto.get(afterVeto.size() - 1).get("vetoed").asBoolean()).isTrue();
        assertThat(afterVeto.get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode notice = api.get("/api/rounds/year-end/beilun-2023/notice").body();
        assertThat(notice.get("results").get(notice.get("results").size() - 1).get("grade").asText()).isEqualTo("不合格（一票否决）");
        assertThat(notice.get("results").get(notice.get("results").size() - 1).get("gradeCode").asText()).isEqualTo("VETOED");
        assertThat(notice.get("text").asText()).contains("考核结果的通报").contains("新碶街道");
    }

    /**
     * 互查 (seed 003): sub-districts inspect each other under the lead office. An inspecting unit's
     * staff record findings on the other units, never their own; a supervisor, not the recorder,
     * confirms one before a rectification may be ordered on it; a unit outside the round is refused.
     */
    @Test
    void aMutualRoundLetsItsUnitsInspectEachOtherUnderASupervisor() {
        Api api = streetsUnder("mutual-2023", "xiapu", "霞浦街道", "chaiqiao", "柴桥街道", "baifeng", "白峰街道");
        Api xiapu = api.newUser("xiapu-inspector", "UNIT_STAFF", "xiapu");
        Api baifeng = api.newUser("baifeng-clerk", "UNIT_STAFF", "baifeng");
        Api supervisor = api.newUser("mutual-supervisor", "SUPERVISOR", null);

        Api.Response lonely = supervisor.post("/api/rounds", Map.of("schemeId", "mutual-2023", "kind", "SPECIAL", "cutoff", Instant.now().toString(),
                "inspectors", List.of("xiapu")));
        assertThat(lonely.status()).isEqualTo(400);
        assertThat(lonely.body().get("field").asText()).isEqualTo("inspectors");
        String round = supervisor.post("/api/rounds", Map.of("schemeId", "mutual-2023", "kind", "SPECIAL", "title", "街道互查",
                "cutoff", Instant.now().toString(), "inspectors", List.of("xiapu", "chaiqiao"))).id();
        assertThat(api.get("/api/rounds/" + round).body().get("inspectors")).hasSize(2);

        Map<String, Object> onChaiqiao = Map.of("unitId", "chaiqiao", "itemCode", "S1.4", "text", "培训签到表缺页", "severity", "MINOR");
        assertThat(xiapu.post("/api/rounds/" + round + "/findings", Map.of("unitId", "xiapu", "text", "自查", "severity", "MINOR")).status())
                .as("never its own unit").isEqualTo(403);
        assertThat(baifeng.post("/api/rounds/" + round + "/findings", onChaiqiao).status()).as("not an inspecting unit").isEqualTo(403);
        Api.Response proposed = xiapu.post("/api/rounds/" + round + "/findings", onChaiqiao);
        assertThat(proposed.status()).isEqualTo(201);
        String finding = proposed.id();
        JsonNode recorded = unit(api.get("/api/rounds/" + round).body(), "chaiqiao").get("findings").get(0);
        assertThat(recorded.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(recorded.get("inspectorUnitId").asText()).isEqualTo("xiapu");

        String path = "/api/rounds/" + round + "/findings/" + finding;
        assertThat(supervisor.post(path + "/rectification", Map.of("requirement", "补齐签到表")).status()).as("not confirmed yet").isEqualTo(409);
        assertThat(xiapu.post(path + "/confirmation", "").status()).as("unit staff do not confirm").isEqualTo(403);
        assertThat(supervisor.post(path + "/confirmation", "").status()).isEqualTo(200);
        assertThat(supervisor.post(path + "/confirmation", "").status()).as("once").isEqualTo(409);
        assertThat(unit(api.get("/api/rounds/" + round).body(), "chaiqiao").get("findings").get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(supervisor.post(path + "/rectification", Map.of("requirement", "补齐签到表")).status()).isEqualTo(201);

        // In a round the supervisors inspect, unit staff record nothing.
        String ordinary = supervisor.post("/api/rounds", Map.of("schemeId", "mutual-2023", "kind", "MID_YEAR", "cutoff", Instant.now().toString())).id();
        assertThat(xiapu.post("/api/rounds/" + ordinary + "/findings", onChaiqiao).status()).isEqualTo(403);
        assertThat(api.get("/api/rounds/" + ordinary).body().toString()).doesNotContain("培训签到表缺页");
    }

    /**
     * 互查 (seed 003: the towns check each other's records): while the round is open, an inspecting
     * unit's staff read the other units' records and files, which their findings cite; staff of a unit
     * outside the round never do, and once the round is closed neither do they. Reading is all it
     * grants: another unit's file is still not theirs to attach.
     */
    @Test
    void anInspectingUnitReadsTheOtherUnitsRecordsOnlyWhileTheRoundIsOpen() {
        Api api = streetsUnder("reading-2023", "dagang", "大港街道", "meishan", "梅山街道", "chunxiao", "春晓街道");
        Api meishan = api.newUser("meishan-clerk", "UNIT_STAFF", "meishan");
        Api dagang = api.newUser("dagang-inspector", "UNIT_STAFF", "dagang");
        Api chunxiao = api.newUser("chunxiao-clerk", "UNIT_STAFF", "chunxiao");
        Api supervisor = api.newUser("reading-supervisor", "SUPERVISOR", null);
        String file = meishan.upload("/api/materials", "签到表.pdf", MaterialsIT.SIGN_IN_SHEET, Map.of()).body().get("sha256").asText();
        String training = meishan.post("/api/units/meishan/trainings", Map.of("heldOn", "2023-03-15", "topic", "梅山业务培训",
                "materials", List.of(file))).id();

        assertThat(dagang.get("/api/records/" + training).status()).as("before the round").isEqualTo(403);
        assertThat(dagang.get("/api/materials/" + file).status()).as("before the round").isEqualTo(403);
        assertThat(dagang.get("/api/records?unitId=meishan").status()).as("before the round").isEqualTo(403);

        String round = supervisor.post("/api/rounds", Map.of("schemeId", "reading-2023", "kind", "SPECIAL", "title", "台账互查",
                "cutoff", Instant.now().toString(), "inspectors", List.of("dagang", "meishan"))).id();
        // The round is found by its inspecting unit and its status, as the clerk's inbox asks.
        assertThat(dagang.get("/api/rounds?status=OPEN&inspector=dagang").body()).extracting(r -> r.get("id").asText()).containsExactly(round);
        assertThat(dagang.get("/api/rounds?status=OPEN&inspector=chunxiao").body()).isEmpty();
        Api.Response badStatus = dagang.get("/api/rounds?status=ONGOING");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("field").asText()).isEqualTo("status");
        Api.Response record = dagang.get("/api/records/" + training);
        assertThat(record.status()).isEqualTo(200);
        assertThat(dagang.get("/api/records?unitId=meishan").body()).extracting(r -> r.get("title").asText()).containsExactly("梅山业务培训");
        assertThat(dagang.get("/api/materials/" + file).status()).isEqualTo(200);
        assertThat(chunxiao.get("/api/records/" + training).status()).as("a unit outside the round").isEqualTo(403);
        assertThat(chunxiao.get("/api/materials/" + file).status()).as("a unit outside the round").isEqualTo(403);
        assertThat(chunxiao.get("/api/records?unitId=meishan").status()).as("a unit outside the round").isEqualTo(403);

        String evidence = record.body().get("eventIds").get(0).asText();
        Api.Response finding = dagang.post("/api/rounds/" + round + "/findings", Map.of("unitId", "meishan", "itemCode", "S1.4",
                "text", "签到表无培训时长", "severity", "MINOR", "evidence", List.of(evidence)));
        assertThat(finding.status()).isEqualTo(201);
        assertThat(unit(api.get("/api/rounds/" + round).body(), "meishan").get("findings").get(0).get("evidence"))
                .extracting(JsonNode::asText).containsExactly(evidence);
        Api.Response borrowed = dagang.post("/api/units/dagang/trainings", Map.of("heldOn", "2023-03-16", "topic", "借用材料", "materials", List.of(file)));
        assertThat(borrowed.status()).as("read, not theirs to attach").isEqualTo(400);

        assertThat(supervisor.post("/api/rounds/" + round + "/closure", "").status()).isEqualTo(200);
        assertThat(dagang.get("/api/records/" + training).status()).as("the round closed").isEqualTo(403);
        assertThat(dagang.get("/api/materials/" + file).status()).as("the round closed").isEqualTo(403);
        assertThat(dagang.get("/api/records?unitId=meishan").status()).as("the round closed").isEqualTo(403);
        assertThat(dagang.get("/api/rounds?status=OPEN&inspector=dagang").body()).isEmpty();
        assertThat(dagang.get("/api/rounds?status=CLOSED&inspector=dagang").body()).hasSize(1);
    }
}
