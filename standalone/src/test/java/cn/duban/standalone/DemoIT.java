package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --demo}: the Beilun 2023 year, loaded through the commands, differs between units as in life. */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "--demo")
class DemoIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    cn.duban.platform.consistency.ProjectionProgress projections;

    /** The key and count of each thing /api/me/waiting says waits, in its order. */
    static java.util.Map<String, Long> waiting(Api as) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        as.get("/api/me/waiting").body().forEach(w -> out.put(w.get("key").asText(), w.get("count").asLong()));
        return out;
    }

    @Test
    void whatWaitsForEachRolesDecisionIsCountedAsItsListsHaveIt() {
        Api api = new Api(port);
        JsonNode head = api.get("/actuator/health").body().at("/components/database/details/eventStoreHead");
        assertThat(projections.awaitPosition(head.asLong(), java.time.Duration.ofSeconds(60))).as("read models caught up").isTrue();

        // The review queue, now read from what awaits a decision, is every report whose record says SUBMITTED.
        JsonNode pending = api.get("/api/info-reports/pending").body();
        List<String> queued = new java.util.ArrayList<>();
        pending.forEach(r -> queued.add(r.get("reportId").asText()));
        List<String> submitted = new java.util.ArrayList<>();
        api.get("/api/records?kind=INFO_REPORT&status=SUBMITTED").body().forEach(r -> submitted.add(r.get("id").asText()));
        assertThat(queued).isNotEmpty().containsExactlyInAnyOrderElementsOf(submitted);
        // The lead office has worked through the year: only the last weeks' reports wait, none of 2022.
        pending.forEach(r -> assertThat(r.get("recordedAt").asText()).as(r.toString())
                .isGreaterThanOrEqualTo(cn.duban.standalone.demo.DemoYear.STILL_IN_REVIEW_FROM.toString()));
        JsonNode oldest = pending.get(0);
        assertThat(oldest.get("unitName").asText()).isNotBlank();
        assertThat(oldest.get("eventId").asText()).isNotBlank();
        assertThat(oldest.get("submittedBy").asText()).isNotBlank();
        for (int i = 1; i < pending.size(); i++) {
            assertThat(pending.get(i).get("recordedAt").asText()).isGreaterThanOrEqualTo(pending.get(i - 1).get("recordedAt").asText());
        }

        JsonNode open = api.get("/api/assignments?status=OPEN").body();
        long extensions = 0;
        for (JsonNode a : open) {
            extensions += a.hasNonNull("pendingExtension") ? 1 : 0;
        }
        long appeals = 0;
        for (JsonNode a : api.get("/api/records?kind=APPEAL").body()) {
            appeals += "FILED".equals(a.get("status").asText()) ? 1 : 0;
        }
        long escalated = 0;
        for (JsonNode n : api.get("/api/copy-notices").body()) {
            escalated += "ESCALATED".equals(n.get("status").asText()) ? 1 : 0;
        }
        assertThat(waiting(api)).containsExactly(java.util.Map.entry("reports", (long) queued.size()),
                java.util.Map.entry("completions", (long) api.get("/api/assignments?status=COMPLETION_SUBMITTED").body().size()),
                java.util.Map.entry("extensions", extensions), java.util.Map.entry("appeals", appeals),
                java.util.Map.entry("copyNotices", escalated));
        assertThat(waiting(api).get("completions")).isEqualTo(1);
        // The demo's notice to 柴桥, never answered, was escalated when the deadlines first acted.
        assertThat(waiting(api).get("copyNotices")).isEqualTo(1);

        Api supervisor = api.as("supervisor", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        long reported = supervisor.get("/api/rectifications?status=REPORTED").body().size();
        long toCheck = 0;
        for (JsonNode sample : supervisor.get("/api/samples").body()) {
            for (JsonNode r : sample.get("records")) {
                String status = r.get("status").asText();
                toCheck += status.equals("DRAWN") || (status.equals("CHECKED") && !r.at("/check/by").asText().equals("supervisor")) ? 1 : 0;
            }
        }
        assertThat(waiting(supervisor)).containsExactly(java.util.Map.entry("rectifications", reported), java.util.Map.entry("samples", toCheck));
        assertThat(reported).isPositive();
        assertThat(toCheck).isPositive();

        // A unit's staff: what 我的待办, 抄告单 and 限期整改 list for the unit to act on.
        Api clerk = api.as("xinqi-staff", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        JsonNode inbox = clerk.get("/api/units/xinqi/inbox").body();
        java.util.Set<String> tasks = new java.util.HashSet<>();
        for (String group : List.of("toAcknowledge", "overdue", "toReport")) {
            inbox.get(group).forEach(a -> tasks.add(a.get("id").asText()));
        }
        long toAnswer = 0;
        for (JsonNode n : clerk.get("/api/copy-notices?unitId=xinqi").body()) {
            toAnswer += n.get("toUnitId").asText().equals("xinqi") && !n.hasNonNull("answer") ? 1 : 0;
        }
        long toReport = clerk.get("/api/rectifications?unitId=xinqi&status=ORDERED").body().size();
        long unread = clerk.get("/api/units/xinqi/notifications").body().get("unread").asLong();
        assertThat(waiting(clerk)).containsExactly(java.util.Map.entry("tasks", (long) tasks.size()),
                java.util.Map.entry("copyNoticesToAnswer", toAnswer), java.util.Map.entry("rectificationsToReport", toReport),
                java.util.Map.entry("notifications", unread));
        assertThat(tasks).isNotEmpty();
        assertThat(unread).isPositive();
        // Leaders decide none of these: nothing waits for them here.
        assertThat(waiting(api.as("leader", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD))).isEmpty();
    }

    @Test
    void aYearOfBeilunWithScoresTimelinesAndLightsThatDiffer() throws Exception {
        Api api = new Api(port);
        JsonNode head = api.get("/actuator/health").body().at("/components/database/details/eventStoreHead");
        // The demo is recorded before the server answers; the read models follow. The last acts (today's
        // deadline checks, which turn lights blue and yellow) come after the scores, so wait for all of it.
        assertThat(projections.awaitPosition(head.asLong(), java.time.Duration.ofSeconds(60))).as("read models caught up").isTrue();
        JsonNode ranking = api.get("/api/schemes/beilun-2023/ranking").body();
        assertThat(head.asLong()).isGreaterThan(500);
        assertThat(ranking).hasSize(44);
        // One user of each role to try the web app with, and the initial lead-office account besides.
        assertThat(api.as("supervisor", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD).get("/api/me").body().get("role").asText())
                .isEqualTo("SUPERVISOR");
        assertThat(api.as("xinqi-staff", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD).get("/api/me").body().get("unitId").asText())
                .isEqualTo("xinqi");
        assertThat(api.get("/api/me").status()).isEqualTo(200);
        // Something for the supervision screens: an open round with findings, rectifications, a sample.
        assertThat(api.get("/api/rounds").body().get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(api.get("/api/rectifications").body()).hasSize(3);
        assertThat(api.get("/api/samples?unitId=xinqi").body().get(0).get("records")).isNotEmpty();
        Set<String> totals = new HashSet<>();
        ranking.forEach(r -> totals.add(r.get("total").asText()));
        assertThat(totals).hasSizeGreaterThan(8);
        JsonNode streets = api.get("/api/schemes/beilun-2023/ranking?type=STREET").body();
        assertThat(streets).hasSize(10);
        assertThat(streets.get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode timeline = api.get("/api/units/xinqi/timeline?scheme=beilun-2023").body();
        assertThat(timeline.get("points").size()).isGreaterThan(10).isEqualTo(timeline.get("total").asInt());
        JsonNode five = api.get("/api/units/xinqi/timeline?scheme=beilun-2023&limit=5").body();
        assertThat(five.get("points")).hasSize(5);
        assertThat(five.get("downsampled").asBoolean()).isTrue();
        assertThat(five.get("points").get(4)).isEqualTo(timeline.get("points").get(timeline.get("points").size() - 1));
        // Read point by point from the chunks that hold them, they are the whole timeline's evenly spaced points.
        int n = timeline.get("points").size();
        for (int k = 0; k < 5; k++) {
            assertThat(five.get("points").get(k)).as("point %d of 5", k).isEqualTo(timeline.get("points").get((int) Math.round(k * (n - 1) / 4.0)));
        }
        assertThat(five.get("total").asInt()).isEqualTo(n);
        assertThat(api.get("/api/units/xinqi/timeline?scheme=beilun-2023&limit=0").status()).isEqualTo(400);
        // A range keeps the points recorded in it, both ends included, and counts them.
        List<JsonNode> pointsOfYear = new java.util.ArrayList<>();
        timeline.get("points").forEach(pointsOfYear::add);
        String from = pointsOfYear.get(3).get("at").asText();
        String to = pointsOfYear.get(9).get("at").asText();
        JsonNode range = api.get("/api/units/xinqi/timeline?scheme=beilun-2023&from=" + from + "&to=" + to).body();
        List<JsonNode> expected = pointsOfYear.stream().filter(p -> java.time.Instant.parse(p.get("at").asText()).compareTo(java.time.Instant.parse(from)) >= 0
                && java.time.Instant.parse(p.get("at").asText()).compareTo(java.time.Instant.parse(to)) <= 0).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(7);
        assertThat(range.get("total").asInt()).isEqualTo(expected.size());
        assertThat(range.get("points")).containsExactlyElementsOf(expected);
        // A score answer may list fewer evidence ids; each reason still counts them all, and nothing else changes.
        JsonNode full = api.get("/api/units/xinqi/score?scheme=beilun-2023").body();
        JsonNode limited = api.get("/api/units/xinqi/score?scheme=beilun-2023&evidenceLimit=1").body();
        assertThat(limited.get("total")).isEqualTo(full.get("total"));
        int longLists = 0;
        for (int i = 0; i < full.get("items").size(); i++) {
            JsonNode fullReasons = full.get("items").get(i).get("contributions");
            JsonNode limitedReasons = limited.get("items").get(i).get("contributions");
            for (int k = 0; k < fullReasons.size(); k++) {
                JsonNode all = fullReasons.get(k).get("evidence");
                assertThat(limitedReasons.get(k).get("evidenceCount").asInt()).isEqualTo(all.size())
                        .isEqualTo(fullReasons.get(k).get("evidenceCount").asInt());
                assertThat(limitedReasons.get(k).get("evidence")).hasSize(Math.min(1, all.size()));
                if (all.size() > 0) {
                    assertThat(limitedReasons.get(k).get("evidence").get(0)).isEqualTo(all.get(0));
                }
                longLists += all.size() > 1 ? 1 : 0;
            }
        }
        assertThat(longLists).as("reasons with more than one event behind them").isPositive();
        var badLimit = api.get("/api/units/xinqi/score?scheme=beilun-2023&evidenceLimit=-1");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.raw().body()).contains("evidenceLimit");
        JsonNode board = api.get("/api/assignments").body();
        Set<String> lights = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        board.forEach(a -> {
            lights.add(a.get("light").asText());
            statuses.add(a.get("status").asText());
        });
        assertThat(board).hasSize(13);
        assertThat(statuses).contains("OPEN", "COMPLETED", "COMPLETION_SUBMITTED");
        // The completion waiting for the lead office carries its files (办结材料), shown in its history.
        JsonNode waiting = api.get("/api/assignments/" + java.util.stream.StreamSupport.stream(board.spliterator(), false)
                .filter(a -> a.get("status").asText().equals("COMPLETION_SUBMITTED")).findFirst().orElseThrow().get("id").asText()).body();
        JsonNode submitted = java.util.stream.StreamSupport.stream(waiting.get("history").spliterator(), false)
                .filter(h -> h.get("type").asText().equals("AssignmentCompletionSubmitted")).findFirst().orElseThrow();
        assertThat(submitted.get("materials").findValuesAsText("name")).containsExactly("服务站点自查报告.pdf", "站点整改后.png");
        assertThat(lights).contains("RED", "BLUE", "YELLOW", "GREEN", "NONE");
        // The store is read years after 2023: the year's assignments and rectifications all ended then,
        // so nothing of it reads as open and a thousand days overdue.
        board.forEach(a -> {
            if (a.get("deadline").asText().startsWith("2023")) {
                assertThat(a.get("status").asText()).as(a.get("title").asText()).isEqualTo("COMPLETED");
            }
        });
        JsonNode rectifications = api.get("/api/rectifications").body();
        assertThat(rectifications.findValuesAsText("status")).containsExactlyInAnyOrder("VERIFIED", "REPORTED", "REPORTED");
        assertThat(rectifications.findValuesAsText("overdue")).containsOnly("false");
        assertThat(rectifications.findValuesAsText("listed")).containsExactlyInAnyOrder("true", "false", "false");
        // Today's deadline check saw every assignment issued today: one already past its deadline is red.
        java.time.LocalDate today = java.time.LocalDate.now(cn.duban.kernel.calendar.DistrictTime.ZONE);
        board.forEach(a -> {
            if (a.get("status").asText().equals("OPEN") && java.time.LocalDate.parse(a.get("deadline").asText()).isBefore(today)) {
                assertThat(a.get("light").asText()).as(a.get("title").asText()).isEqualTo("RED");
            }
        });
        // Several units in each colour.
        java.util.Map<String, Integer> unitLights = new java.util.HashMap<>();
        for (JsonNode a : board) {
            for (JsonNode u : api.get("/api/assignments/" + a.get("id").asText()).body().get("units")) {
                unitLights.merge(u.get("light").asText(), 1, Integer::sum);
            }
        }
        assertThat(unitLights).allSatisfy((light, count) -> assertThat(count).as(light).isGreaterThanOrEqualTo(2));
        assertThat(unitLights.keySet()).contains("RED", "BLUE", "YELLOW", "GREEN", "NONE");
        assertThat(api.get("/api/units/gafj/score?scheme=beilun-2023").body().get("items")).hasSize(9);
        // Sub-districts filed a sign-in sheet and a photo with their first training: they open.
        JsonNode filed = null;
        for (JsonNode fact : api.get("/api/units/xinqi/facts").body()) {
            if (fact.path("kind").asText().equals("TRAINING")) {
                JsonNode record = api.get("/api/records/" + fact.get("subjectId").asText()).body();
                if (record.get("materials").size() > 0) {
                    filed = record;
                }
            }
        }
        assertThat(filed).as("a training of xinqi with its files").isNotNull();
        assertThat(filed.get("materials")).extracting(m -> m.get("contentType").asText()).containsExactly("application/pdf", "image/png");
        byte[] sheet = api.bytes("/api/materials/" + filed.get("materials").get(0).get("sha256").asText());
        assertThat(new String(sheet, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // The demo drafted the built-in scheme; asking for it again is a conflict.
        assertThat(api.post("/api/schemes/builtin/beilun-2023", "").status()).isEqualTo(409);

        // 2022 under seed 000's method: its 23 units ranked, and 2023's S2.1 reads 2022's rental supply.
        JsonNode ranking2022 = api.get("/api/schemes/beilun-2022/ranking").body();
        for (int i = 0; i < 100 && ranking2022.size() < 23; i++) {
            Thread.sleep(100);
            ranking2022 = api.get("/api/schemes/beilun-2022/ranking").body();
        }
        assertThat(ranking2022).hasSize(23);
        assertThat(ranking2022.toString()).contains("区综治办", "区新兴产业和服务业发展局");
        // The 2023 reform renamed four bodies: now under their 2023 names, as of the end of 2022 under the tables' names.
        assertThat(ranking2022.toString()).contains("区卫生健康局", "区市场监管局").doesNotContain("区卫生计划生育局");
        String endOf2022 = api.get("/api/schemes/beilun-2022/ranking?asOf=2022-12-31T15:59:59Z").body().toString();
        assertThat(endOf2022).contains("区卫生计划生育局", "区市场监督管理局", "区交通运输局", "区文化广电新闻出版局").doesNotContain("区卫生健康局");
        assertThat(api.get("/api/units/wjj").body().at("/formerNames/0/name").asText()).isEqualTo("区卫生计划生育局");
        // 新碶 entered an October training twice and withdrew the second entry the next morning: as of
        // that evening it counted, now it does not, and the score says why.
        JsonNode withdrawn = api.get("/api/records?unitId=xinqi&status=WITHDRAWN").body();
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).get("reason").asText()).isEqualTo("重复录入，同一场培训已于当日报送");
        assertThat(withdrawn.get(0).get("withdrawnAt").asText()).startsWith("2023-10-17T01:05");
        JsonNode trainings = item(api.get("/api/units/xinqi/score?scheme=beilun-2023").body(), "S1.4");
        assertThat(trainings.toString()).contains("记录已撤回，不予计分：重复录入");
        JsonNode before = item(api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=2023-10-16T12:00:00Z").body(), "S1.4");
        assertThat(withdrawn.get(0).get("id").asText()).isEqualTo("demo-training-entered-twice");
        assertThat(before.toString()).as("counted that evening").contains(withdrawn.get(0).get("eventIds").get(0).asText())
                .doesNotContain("记录已撤回");
        JsonNode supply = item(api.get("/api/units/xinqi/score?scheme=beilun-2023").body(), "S2.1");
        assertThat(supply.get("contributions").get(0).get("reason").asText()).contains("合法合规出租房屋供应量", "上年").doesNotContain("缺上年");
        // 抄告: one answered, one open; sampling: a plan, and 大碶's rechecked records give rates and a 通报批评.
        assertThat(api.get("/api/copy-notices").body()).hasSize(2);
        JsonNode plan = api.get("/api/samples/plan?scheme=beilun-2023").body();
        assertThat(plan.get("period").asText()).isEqualTo("QUARTER");
        // The two departments retired at the end of 2022 have nothing to sample in 2023; 2023's 44 units do.
        assertThat(plan.get("units").findValuesAsText("unitId")).hasSize(44).doesNotContain("zongzhiban", "xxcyj").contains("xinqi", "gafj");
        JsonNode rates = api.get("/api/samples/rates?unitId=daqi").body().get(0);
        assertThat(rates.get("accuracyRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(api.get("/api/rounds/year-end/beilun-2023/notice").body().get("text").asText()).contains("大碶街道：抽查发现台账不实（弄虚作假）1条");
        // Information reports carry their text, every third its original.
        JsonNode report = null;
        for (JsonNode fact : api.get("/api/units/daqi/facts").body()) {
            if (fact.path("kind").asText().equals("INFO_SUBMITTED") && fact.path("on").asText().startsWith("2023")) {
                report = api.get("/api/records/" + fact.get("subjectId").asText()).body();
                break;
            }
        }
        assertThat(report.get("text").asText()).isNotBlank();
        assertThat(report.get("materials")).hasSize(1);

        // A history with real dates: each act recorded at its 2023 instant, so "as of 30 June 2023" is
        // the score as it stood then, by recording time and by what had happened by then.
        assertThat(api.get("/api/about").body().get("demo").asBoolean()).isTrue();
        String midYear = "2023-06-30T16:00:00Z"; // the end of 30 June in Beijing
        JsonNode then = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + midYear).body();
        JsonNode thenEffective = api.get("/api/units/xinqi/score?scheme=beilun-2023&asOf=" + midYear + "&view=EFFECTIVE").body();
        JsonNode now = api.get("/api/units/xinqi/score?scheme=beilun-2023").body();
        assertThat(then.get("items")).isNotEmpty();
        assertThat(then.get("total").decimalValue()).isNotEqualByComparingTo(now.get("total").decimalValue());
        assertThat(thenEffective.get("total").decimalValue()).isNotEqualByComparingTo(now.get("total").decimalValue());
        JsonNode points = api.get("/api/units/xinqi/timeline?scheme=beilun-2023").body().get("points");
        assertThat(points.get(0).get("at").asText()).startsWith("2023-");
        assertThat(points.get(points.size() - 1).get("at").asText()).startsWith("2023-");
        assertThat(api.get("/api/units/xinqi/score?scheme=beilun-2022&asOf=2022-12-31T16:00:00Z").body().get("items")).isNotEmpty();
    }

    static JsonNode item(JsonNode card, String code) {
        for (JsonNode i : card.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
