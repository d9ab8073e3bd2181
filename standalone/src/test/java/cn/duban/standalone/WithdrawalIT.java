package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 撤回 over HTTP: a clerk withdraws a training and an achievement entered in error and a report still awaiting review;
 * the score drops from then on and says why, an answer as of before is unchanged, the review queue
 * and the sampling frame no longer hold them, and what may not be withdrawn is refused, storing nothing.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithdrawalIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    long head(Api api) {
        return api.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong();
    }

    static JsonNode trainingItem(JsonNode score) {
        for (JsonNode i : score.get("items")) {
            if (i.get("code").asText().equals("S1.4")) {
                return i;
            }
        }
        throw new AssertionError("no S1.4");
    }

    BigDecimal trainings(Api api, String query) {
        return trainingItem(api.get("/api/units/xinqi/score?scheme=beilun-2023" + query).body()).get("score").decimalValue();
    }

    @Test
    void aClerkWithdrawsWhatWasEnteredInErrorAndItStopsCountingFromThenOn() throws Exception {
        Api lead = new Api(port);
        lead.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        lead.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        assertThat(lead.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        lead.post("/api/schemes/beilun-2023/publish", "");
        Api clerk = lead.newUser("xinqi.clerk", "UNIT_STAFF", "xinqi");
        Api otherClerk = lead.newUser("daqi.clerk", "UNIT_STAFF", "daqi");
        Api supervisor = lead.newUser("li.supervisor", "SUPERVISOR", null);

        String kept = clerk.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-03-01", "topic", "专管员业务培训")).id();
        String mistaken = clerk.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-04-01", "topic", "专管员业务培训（重复）")).id();
        assertThat(trainings(lead, "")).isEqualByComparingTo("6");
        Instant beforeWithdrawal = Instant.now();
        Thread.sleep(5);

        // Refused, each storing nothing: another unit's clerk, a supervisor, no reason, a reason too long,
        // an unknown field, a training that does not exist.
        long head = head(lead);
        String path = "/api/trainings/" + mistaken + "/withdrawal";
        assertThat(otherClerk.post(path, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(supervisor.post(path, Map.of("reason", "x")).status()).isEqualTo(403);
        for (Object body : List.of(Map.of(), Map.of("reason", "  "), Map.of("reason", "长".repeat(501)), Map.of("reason", "x", "extra", 1))) {
            Api.Response bad = clerk.post(path, body);
            assertThat(bad.status()).as("%s", body).isEqualTo(400);
            assertThat(bad.body().get("field").asText()).isIn("reason", "extra");
        }
        assertThat(clerk.post("/api/trainings/no-such-training/withdrawal", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(head(lead)).as("nothing stored").isEqualTo(head);

        Api.Response withdrawn = clerk.post(path, Map.of("reason", "重复录入"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(trainings(lead, "")).isEqualByComparingTo("4");
        JsonNode why = null;
        for (JsonNode c : trainingItem(lead.get("/api/units/xinqi/score?scheme=beilun-2023").body()).get("contributions")) {
            if (c.get("source").asText().equals("WITHDRAWAL")) {
                why = c;
            }
        }
        assertThat(why).as("the score says why").isNotNull();
        assertThat(why.get("reason").asText()).isEqualTo("记录已撤回，不予计分：重复录入");
        assertThat(trainings(lead, "&asOf=" + beforeWithdrawal)).as("as of before it, as it was").isEqualByComparingTo("6");
        // The score's evidence in words: the withdrawal and the training it took out, with its title.
        List<String> evidenceIds = new ArrayList<>();
        why.get("evidence").forEach(id -> evidenceIds.add(id.asText()));
        JsonNode inWords = clerk.get("/api/units/xinqi/evidence?ids=" + String.join(",", evidenceIds)).body();
        assertThat(inWords).extracting(e -> e.get("type").asText()).containsExactly("TrainingWithdrawn", "TrainingRecorded");
        assertThat(inWords.get(1).at("/record/title").asText()).isEqualTo("专管员业务培训（重复）");
        assertThat(inWords.get(1).at("/record/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(inWords.get(1).get("withdrawn").asBoolean()).isTrue();
        assertThat(inWords.get(0).get("reason").asText()).isEqualTo("重复录入");
        assertThat(otherClerk.get("/api/units/xinqi/evidence?ids=" + evidenceIds.get(0)).status()).as("another unit's clerk").isEqualTo(403);
        assertThat(lead.get("/api/units/daqi/evidence?ids=" + evidenceIds.get(0)).status()).as("no fact of 大碶").isEqualTo(404);
        Api.Response none = lead.get("/api/units/xinqi/evidence?ids=");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("field").asText()).isEqualTo("ids");
        assertThat(lead.get("/api/units/xinqi/evidence?ids=" + String.join("&ids=", java.util.Collections.nCopies(51, evidenceIds.get(0)))).status())
                .as("51 ids").isEqualTo(400);
        // As the score page asks: one parameter per id, more than a query value's 200 characters in all.
        assertThat(lead.get("/api/units/xinqi/evidence?ids=" + String.join("&ids=", java.util.Collections.nCopies(20, evidenceIds.get(1)))).body())
                .hasSize(20);

        Api.Response again = clerk.post(path, Map.of("reason", "再撤一次"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("已撤回");

        JsonNode records = clerk.get("/api/records?unitId=xinqi&kind=TRAINING&status=WITHDRAWN").body();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("id").asText()).isEqualTo(mistaken);
        assertThat(records.get(0).get("reason").asText()).isEqualTo("重复录入");
        assertThat(records.get(0).get("withdrawnBy").asText()).isEqualTo("xinqi.clerk");
        assertThat(records.get(0).get("withdrawnAt").asText()).isNotBlank();

        // A report awaiting review: withdrawn, it leaves the queue, and the lead office can no longer decide it.
        String report = clerk.post("/api/units/xinqi/info-reports", Map.of("title", "发错的信息", "submittedOn", "2023-05-06")).id();
        String decided = clerk.post("/api/units/xinqi/info-reports", Map.of("title", "已录用的信息", "submittedOn", "2023-05-06")).id();
        assertThat(lead.post("/api/info-reports/" + decided + "/acceptance", Map.of("level", "GENERAL")).status()).isEqualTo(200);
        assertThat(pending(lead)).contains(report);
        assertThat(clerk.post("/api/info-reports/" + report + "/withdrawal", Map.of("reason", "发错了")).status()).isEqualTo(200);
        assertThat(pending(lead)).doesNotContain(report);
        Api.Response accept = lead.post("/api/info-reports/" + report + "/acceptance", Map.of("level", "GENERAL"));
        assertThat(accept.status()).isEqualTo(409);
        head = head(lead);
        Api.Response late = clerk.post("/api/info-reports/" + decided + "/withdrawal", Map.of("reason", "想撤回"));
        assertThat(late.status()).as("decided already").isEqualTo(409);
        assertThat(late.body().get("message").asText()).contains("已录用");
        assertThat(head(lead)).isEqualTo(head);

        // The sampling frame holds what is there to sample: not the withdrawn training.
        Api.Response sample = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01",
                "to", "2023-06-30", "size", 2, "seed", 7));
        assertThat(sample.status()).isEqualTo(201);
        List<String> population = new ArrayList<>();
        supervisor.get("/api/samples/" + sample.id()).body().get("sample").get("population").forEach(n -> population.add(n.asText()));
        assertThat(population).containsExactly(kept);

        // A figure reported in error: withdrawn, the one reported before it counts again.
        String right = clerk.post("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 96)).id();
        String typo = clerk.post("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 69)).id();
        assertThat(registration(lead)).isEqualByComparingTo("3");
        assertThat(clerk.post("/api/indicator-reports/" + typo + "/withdrawal", Map.of("reason", "把96录成了69")).status()).isEqualTo(200);
        assertThat(registration(lead)).isEqualByComparingTo("7");
        assertThat(clerk.post("/api/indicator-reports/" + typo + "/withdrawal", Map.of("reason", "again")).status()).isEqualTo(409);
        // Figures are sampled by the event that reported each (by the day it was reported): the one left
        // is drawn, and shown to the supervisor as its report, with its value.
        String today = java.time.LocalDate.now(cn.duban.kernel.calendar.DistrictTime.ZONE).toString();
        Api.Response figures = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "INDICATOR_REPORT", "from", "2023-01-01",
                "to", today, "size", 1, "seed", 7));
        assertThat(figures.status()).isEqualTo(201);
        JsonNode drawnFigure = supervisor.get("/api/samples/" + figures.id()).body();
        assertThat(drawnFigure.at("/sample/population")).hasSize(1);
        String figureEvent = drawnFigure.at("/sample/population/0").asText();
        assertThat(drawnFigure.at("/contents/" + figureEvent + "/id").asText()).isEqualTo(right);
        assertThat(drawnFigure.at("/contents/" + figureEvent + "/value").decimalValue()).isEqualByComparingTo("96");

        // An achievement claimed for the bonus and withdrawn: the bonus goes, and supervisors can no
        // longer sample it (achievements are sampled like trainings and reports).
        String claimed = clerk.post("/api/units/xinqi/achievements", Map.of("kind", "MEDIA_PUBLICATION", "level", "PROVINCE",
                "title", "省级媒体刊发（级别填错）", "on", "2023-05-20")).id();
        String kept2 = clerk.post("/api/units/xinqi/achievements", Map.of("kind", "MEDIA_PUBLICATION", "level", "CITY",
                "title", "宁波日报刊发", "on", "2023-05-21")).id();
        assertThat(bonus(lead)).isEqualByComparingTo("7");
        assertThat(otherClerk.post("/api/achievements/" + claimed + "/withdrawal", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(clerk.post("/api/achievements/" + claimed + "/withdrawal", Map.of("reason", "级别填错，应为市级")).status()).isEqualTo(200);
        assertThat(bonus(lead)).isEqualByComparingTo("2");
        assertThat(clerk.post("/api/achievements/" + claimed + "/withdrawal", Map.of("reason", "again")).status()).isEqualTo(409);
        Api.Response achievements = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "ACHIEVEMENT", "from", "2023-01-01",
                "to", "2023-06-30", "size", 1, "seed", 7));
        assertThat(achievements.status()).isEqualTo(201);
        assertThat(supervisor.get("/api/samples/" + achievements.id()).body().at("/sample/population").toString()).contains(kept2).doesNotContain(claimed);

        // The clerk's own withdrawals tell no one; one the lead office makes for the unit tells its clerks why.
        assertThat(kinds(clerk)).doesNotContain("RECORD_WITHDRAWN");
        assertThat(lead.post("/api/trainings/" + kept + "/withdrawal", Map.of("reason", "代录时选错了单位")).status()).isEqualTo(200);
        JsonNode told = null;
        for (JsonNode n : clerk.get("/api/units/xinqi/notifications").body().get("notifications")) {
            if (n.get("kind").asText().equals("RECORD_WITHDRAWN")) {
                told = n;
            }
        }
        assertThat(told).isNotNull();
        assertThat(told.toString()).contains("代录时选错了单位", "流管中心撤回了本单位的培训记录");
        // Drawn before it was withdrawn: the sample still holds it, and shows the supervisor it was withdrawn.
        JsonNode drawnThenWithdrawn = supervisor.get("/api/samples/" + sample.id()).body().at("/contents/" + kept);
        assertThat(drawnThenWithdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(drawnThenWithdrawn.get("reason").asText()).isEqualTo("代录时选错了单位");

        // A step of a campaign's progress recorded in error: withdrawn by the event that recorded it, its
        // quantity out of the campaign's total, the step kept and marked; not sampled from then on.
        String campaign = clerk.post("/api/units/xinqi/campaigns", Map.of("kind", "GROUP_RENTAL", "title", "群租整治",
                "launchedOn", "2023-03-01")).id();
        clerk.post("/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 3, "on", "2023-03-10"));
        clerk.post("/api/campaigns/" + campaign + "/progress", Map.of("measure", "communities_rectified", "quantity", 30, "on", "2023-03-20"));
        JsonNode steps = clerk.get("/api/records/" + campaign).body().get("steps");
        assertThat(steps).hasSize(2);
        String rightStep = steps.get(0).get("eventId").asText();
        String wrongStep = steps.get(1).get("eventId").asText();
        String stepPath = "/api/campaigns/" + campaign + "/progress/" + wrongStep + "/withdrawal";
        refusedStoringNothing(stepPath, "/api/campaigns/" + campaign + "/progress/no-such-step/withdrawal", clerk, otherClerk, supervisor, lead);
        assertThat(clerk.post(stepPath, Map.of("reason", " 应为3个，多录了一个0 ")).status()).isEqualTo(200);
        assertThat(clerk.post(stepPath, Map.of("reason", "again")).status()).isEqualTo(409);
        JsonNode corrected = clerk.get("/api/records/" + campaign).body();
        assertThat(corrected.at("/totals/communities_rectified").decimalValue()).isEqualByComparingTo("3");
        JsonNode withdrawnStep = corrected.get("steps").get(1);
        assertThat(withdrawnStep.get("reason").asText()).isEqualTo("应为3个，多录了一个0");
        assertThat(withdrawnStep.get("withdrawnBy").asText()).isEqualTo("xinqi.clerk");
        assertThat(withdrawnStep.get("withdrawnAt").asText()).isNotBlank();
        assertThat(corrected.get("steps").get(0).has("withdrawnAt")).isFalse();
        // As evidence of a score, the withdrawn step is marked withdrawn, the other step and the campaign's launch are not.
        JsonNode launched = null;
        for (JsonNode fact : lead.get("/api/units/xinqi/facts").body()) {
            if (fact.path("subjectId").asText().equals(campaign) && fact.path("eventType").asText().equals("CampaignLaunched")) {
                launched = fact;
            }
        }
        assertThat(launched).isNotNull();
        JsonNode stepsInWords = clerk.get("/api/units/xinqi/evidence?ids=" + wrongStep + "&ids=" + rightStep + "&ids="
                + launched.get("eventId").asText()).body();
        assertThat(stepsInWords).extracting(e -> e.get("withdrawn").asBoolean()).containsExactly(true, false, false);
        assertThat(stepsInWords).extracting(e -> e.at("/record/status").asText()).containsOnly("OPEN");
        Api.Response progressSample = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "CAMPAIGN_PROGRESS", "from", "2023-01-01",
                "to", "2023-06-30", "size", 1, "seed", 7));
        assertThat(progressSample.status()).isEqualTo(201);
        JsonNode drawnSteps = supervisor.get("/api/samples/" + progressSample.id()).body();
        assertThat(drawnSteps.at("/sample/population").toString()).contains(rightStep).doesNotContain(wrongStep);
        // A step drawn is shown as its campaign, whose steps name it by the id it was drawn as.
        assertThat(drawnSteps.at("/contents/" + rightStep + "/id").asText()).isEqualTo(campaign);
        assertThat(drawnSteps.at("/contents/" + rightStep + "/steps").findValuesAsText("eventId")).contains(rightStep);
        // Closed, the campaign takes no more progress, and so no step is withdrawn from it either.
        assertThat(clerk.post("/api/campaigns/" + campaign + "/closure", Map.of("on", "2023-04-01", "summary", "完成")).status()).isEqualTo(200);
        assertThat(clerk.post("/api/campaigns/" + campaign + "/progress/" + rightStep + "/withdrawal", Map.of("reason", "x")).status())
                .isEqualTo(409);

        // The trail names the act in words.
        JsonNode acts = lead.get("/api/audit/actors/" + URLEncoder.encode("xinqi.clerk", StandardCharsets.UTF_8) + "/acts?limit=5").body().get("acts");
        assertThat(acts.get(1).get("type").asText()).isEqualTo("CampaignProgressWithdrawn");
        assertThat(acts.get(1).get("subject").asText()).as("the title the campaign began with").isEqualTo("群租整治");
        assertThat(lead.get("/api/dictionary").body().at("/words/eventType/TrainingWithdrawn/zh").asText()).isEqualTo("撤回培训记录");

        // An appeal the lead office has not decided: withdrawn by its unit's clerk, it leaves what waits for a decision.
        String appeal = clerk.post("/api/units/xinqi/appeals", Map.of("schemeId", "beilun-2023", "itemCode", "S2.5", "reason", "登记率数据有误")).id();
        String appealPath = "/api/appeals/" + appeal + "/withdrawal";
        refusedStoringNothing(appealPath, "/api/appeals/nowhere/withdrawal", clerk, otherClerk, supervisor, lead);
        assertThat(lead.get("/api/records?kind=APPEAL&status=FILED").body()).extracting(r -> r.get("id").asText()).contains(appeal);
        assertThat(clerk.post(appealPath, Map.of("reason", "已与考核组核对，数据无误")).status()).isEqualTo(200);
        assertThat(lead.get("/api/records?kind=APPEAL&status=FILED").body()).extracting(r -> r.get("id").asText()).doesNotContain(appeal);
        JsonNode withdrawnAppeal = lead.get("/api/records/" + appeal).body();
        assertThat(withdrawnAppeal.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawnAppeal.get("reason").asText()).isEqualTo("已与考核组核对，数据无误");
        assertThat(withdrawnAppeal.get("withdrawnBy").asText()).isEqualTo("xinqi.clerk");
        assertThat(clerk.post(appealPath, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(lead.post("/api/appeals/" + appeal + "/decision", Map.of("upheld", false, "note", "x")).status()).isEqualTo(409);
        JsonNode appealsOfItem = null;
        for (JsonNode i : lead.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("items")) {
            if (i.get("code").asText().equals("S2.5")) {
                appealsOfItem = i.get("appeals");
            }
        }
        assertThat(appealsOfItem).as("the score's item shows the appeal withdrawn")
                .anySatisfy(a -> assertThat(a.get("status").asText() + " " + a.get("decision").asText()).isEqualTo("WITHDRAWN 已与考核组核对，数据无误"));
        // Withdrawn by the lead office, the unit is told why.
        String second = clerk.post("/api/units/xinqi/appeals", Map.of("schemeId", "beilun-2023", "itemCode", "S2.5", "reason", "再次申诉")).id();
        assertThat(lead.post("/api/appeals/" + second + "/withdrawal", Map.of("reason", "与前一申诉重复")).status()).isEqualTo(200);
        assertThat(clerk.get("/api/units/xinqi/notifications").body().toString()).contains("流管中心撤回了本单位的申诉", "与前一申诉重复");
        assertThat(lead.get("/api/dictionary").body().at("/words/appealStatus/WITHDRAWN/zh").asText()).isEqualTo("已撤回");

        // A whole campaign launched twice: its step counted toward 群租整治 until the lead office withdrew
        // it; then neither it nor its step counts, it takes no more, and it is out of both sampling frames.
        BigDecimal beforeDuplicate = item(lead, "S2.4", "");
        String duplicate = clerk.post("/api/units/xinqi/campaigns", Map.of("kind", "GROUP_RENTAL", "title", "群租整治（重复启动）",
                "launchedOn", "2023-03-02")).id();
        clerk.post("/api/campaigns/" + duplicate + "/progress", Map.of("measure", "communities_rectified", "quantity", 5, "on", "2023-03-12"));
        String duplicateStep = clerk.get("/api/records/" + duplicate).body().at("/steps/0/eventId").asText();
        BigDecimal withDuplicate = item(lead, "S2.4", "");
        assertThat(withDuplicate).as("its step counts until withdrawn").isGreaterThan(beforeDuplicate);
        Instant beforeCampaignWithdrawn = Instant.now();
        Thread.sleep(5);
        String campaignPath = "/api/campaigns/" + duplicate + "/withdrawal";
        refusedStoringNothing(campaignPath, "/api/campaigns/no-such-campaign/withdrawal", clerk, otherClerk, supervisor, lead);
        assertThat(lead.post(campaignPath, Map.of("reason", "与群租整治重复启动")).status()).isEqualTo(200);
        assertThat(item(lead, "S2.4", "")).as("none of it counts").isEqualByComparingTo(beforeDuplicate);
        assertThat(item(lead, "S2.4", "&asOf=" + beforeCampaignWithdrawn)).as("as of before, as it was").isEqualByComparingTo(withDuplicate);
        assertThat(clerk.post(campaignPath, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(clerk.post("/api/campaigns/" + duplicate + "/progress", Map.of("measure", "communities_rectified", "quantity", 1,
                "on", "2023-03-20")).status()).isEqualTo(409);
        assertThat(clerk.post("/api/campaigns/" + duplicate + "/closure", Map.of("on", "2023-04-01")).status()).isEqualTo(409);
        JsonNode withdrawnCampaign = clerk.get("/api/records/" + duplicate).body();
        assertThat(withdrawnCampaign.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawnCampaign.get("reason").asText()).isEqualTo("与群租整治重复启动");
        assertThat(withdrawnCampaign.get("withdrawnAt").asText()).isNotBlank();
        assertThat(clerk.get("/api/records?unitId=xinqi&kind=CAMPAIGN&status=WITHDRAWN").body()).extracting(r -> r.get("id").asText())
                .containsExactly(duplicate);
        assertThat(clerk.get("/api/units/xinqi/evidence?ids=" + duplicateStep).body().get(0).get("withdrawn").asBoolean())
                .as("as evidence, its step is withdrawn with it").isTrue();
        assertThat(clerk.get("/api/units/xinqi/notifications").body().toString()).contains("流管中心撤回了本单位的一项专项整治", "与群租整治重复启动");
        Api.Response campaignSample = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "CAMPAIGN", "from", "2023-01-01",
                "to", "2023-06-30", "size", 1, "seed", 7));
        assertThat(campaignSample.status()).isEqualTo(201);
        assertThat(supervisor.get("/api/samples/" + campaignSample.id()).body().at("/sample/population").toString())
                .contains(campaign).doesNotContain(duplicate);
        Api.Response stepSample = supervisor.post("/api/samples", Map.of("unitId", "xinqi", "kind", "CAMPAIGN_PROGRESS", "from", "2023-03-01",
                "to", "2023-03-31", "size", 1, "seed", 7));
        assertThat(stepSample.status()).isEqualTo(201);
        assertThat(supervisor.get("/api/samples/" + stepSample.id()).body().at("/sample/population").toString())
                .as("a withdrawn campaign's steps are withdrawn with it").contains(rightStep).doesNotContain(duplicateStep);
        assertThat(lead.get("/api/dictionary").body().at("/words/eventType/CampaignWithdrawn/zh").asText()).isEqualTo("撤回专项整治");
        assertThat(lead.get("/api/dictionary").body().at("/words/campaignStatus/WITHDRAWN/zh").asText()).isEqualTo("已撤回");

        theLedgerIsExportedInWords(lead, clerk, otherClerk, supervisor);
    }

    /**
     * 导出填报台账: every record /api/records lists for the filters, a row each in words, the withdrawn
     * ones with who withdrew them and why; a unit's clerk exports their own, anyone else names the unit.
     */
    void theLedgerIsExportedInWords(Api lead, Api clerk, Api otherClerk, Api supervisor) throws Exception {
        JsonNode listed = lead.get("/api/records?unitId=xinqi").body();
        List<List<String>> rows = TestData.sheet(clerk.bytes("/api/records/export.xlsx"));
        assertThat(rows.get(0).get(0)).startsWith("新碶街道 填报台账（全部年度，全部类型，共 " + listed.size() + " 条，导出于 ");
        assertThat(rows.get(1)).containsExactly("序号", "日期", "类型", "内容", "详情", "材料", "状态", "说明", "填报人", "填报时间");
        assertThat(rows).hasSize(listed.size() + 2);
        Map<String, String> statusGroup = Map.of("INFO_REPORT", "infoReportStatus", "APPEAL", "appealStatus", "CAMPAIGN", "campaignStatus");
        JsonNode words = lead.get("/api/dictionary").body().get("words");
        for (int i = 0; i < listed.size(); i++) {
            JsonNode record = listed.get(i);
            List<String> row = rows.get(i + 2);
            assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
            assertThat(row.get(2)).as("kind").isEqualTo(words.at("/recordKind/" + record.get("kind").asText() + "/zh").asText());
            String status = record.path("status").asText("");
            assertThat(row.get(6)).as("status of %s", record.get("id")).isEqualTo(status.isEmpty() ? ""
                    : words.at("/" + statusGroup.getOrDefault(record.get("kind").asText(), "recordStatus") + "/" + status + "/zh").asText());
            assertThat(row.get(8)).isEqualTo(record.get("recordedBy").asText()); // each test user's display name is their account
            assertThat(row.get(9)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        List<String> duplicate = rows.subList(2, rows.size()).stream().filter(r -> r.get(3).equals("专管员业务培训（重复）")).findFirst().orElseThrow();
        assertThat(duplicate).contains("2023-04-01", "培训", "已撤回");
        assertThat(duplicate.get(7)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 由xinqi\\.clerk撤回：重复录入");
        List<String> typo = rows.subList(2, rows.size()).stream().filter(r -> r.get(4).equals("2023年度：69%")).findFirst().orElseThrow();
        assertThat(typo.get(7)).endsWith("撤回：把96录成了69");
        List<String> campaign = rows.subList(2, rows.size()).stream().filter(r -> r.get(3).equals("群租整治")).findFirst().orElseThrow();
        assertThat(campaign.get(4)).startsWith("出租房屋“群租群居”整治").contains("\n进展 ");

        // The filters of /api/records, and withdrawn=false leaving the withdrawn out.
        JsonNode trainings = lead.get("/api/records?unitId=xinqi&kind=TRAINING").body();
        long standing = java.util.stream.StreamSupport.stream(trainings.spliterator(), false).filter(r -> !r.path("status").asText().equals("WITHDRAWN")).count();
        List<List<String>> kept = TestData.sheet(lead.bytes("/api/records/export.xlsx?unitId=xinqi&kind=TRAINING&withdrawn=false"));
        assertThat(kept.get(0).get(0)).contains("全部年度，培训，不含已撤回的，共 " + standing + " 条");
        assertThat(kept).hasSize((int) standing + 2).noneMatch(r -> r.contains("已撤回"));
        assertThat(TestData.sheet(supervisor.bytes("/api/records/export.xlsx?unitId=xinqi&kind=APPEAL&year=2023"))).as("an appeal is of no year").hasSize(2);

        long before = head(lead);
        Api.Response unnamed = lead.get("/api/records/export.xlsx");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body().get("field").asText()).isEqualTo("unitId");
        assertThat(otherClerk.get("/api/records/export.xlsx?unitId=xinqi").status()).as("another unit's clerk").isEqualTo(403);
        assertThat(lead.get("/api/records/export.xlsx?unitId=nowhere").status()).isIn(400, 404);
        Api.Response badKind = lead.get("/api/records/export.xlsx?unitId=xinqi&kind=SECRET");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("field").asText()).isEqualTo("kind");
        assertThat(head(lead)).as("nothing stored").isEqualTo(before);
    }

    /**
     * What every 撤回 refuses, storing nothing: another unit's clerk and a supervisor (403), no reason
     * (400 naming it), a record that does not exist (404).
     */
    void refusedStoringNothing(String path, String unknownPath, Api clerk, Api otherClerk, Api supervisor, Api lead) {
        long before = head(lead);
        assertThat(otherClerk.post(path, Map.of("reason", "x")).status()).as(path).isEqualTo(403);
        assertThat(supervisor.post(path, Map.of("reason", "x")).status()).as(path).isEqualTo(403);
        Api.Response noReason = clerk.post(path, Map.of("reason", " "));
        assertThat(noReason.status()).as(path).isEqualTo(400);
        assertThat(noReason.body().get("field").asText()).isEqualTo("reason");
        assertThat(clerk.post(unknownPath, Map.of("reason", "x")).status()).as(unknownPath).isEqualTo(404);
        assertThat(head(lead)).as("nothing stored by the refusals of " + path).isEqualTo(before);
    }

    BigDecimal item(Api api, String code, String query) {
        for (JsonNode i : api.get("/api/units/xinqi/score?scheme=beilun-2023" + query).body().get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i.get("score").decimalValue();
            }
        }
        throw new AssertionError("no " + code);
    }

    BigDecimal registration(Api api) {
        for (JsonNode i : api.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("items")) {
            if (i.get("code").asText().equals("S2.5")) {
                return i.get("score").decimalValue();
            }
        }
        throw new AssertionError("no S2.5");
    }

    BigDecimal bonus(Api api) {
        return api.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("bonus").decimalValue();
    }

    List<String> kinds(Api api) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/units/xinqi/notifications").body().get("notifications").forEach(n -> kinds.add(n.get("kind").asText()));
        return kinds;
    }

    List<String> pending(Api api) {
        List<String> ids = new ArrayList<>();
        api.get("/api/info-reports/pending").body().forEach(r -> ids.add(r.get("reportId").asText()));
        return ids;
    }
}
