package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 交办 over HTTP: issue, acknowledge, report, extend, urge, complete; the board, the inbox and the history. */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssignmentFlowIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theLifeOfAnAssignment() {
        Api api = new Api(port);
        for (String[] u : new String[][]{{"gafj", "公安分局", "DEPARTMENT"}, {"xinqi", "新碶街道", "STREET"}, {"daqi", "大碶街道", "STREET"}}) {
            assertThat(api.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2])).status()).isEqualTo(201);
        }
        LocalDate future = LocalDate.now().plusMonths(2);
        Map<String, Object> issue = Map.of("title", "出租房屋“群租群居”专项整治", "leadUnit", "gafj",
                "responsibleUnits", List.of("xinqi", "daqi"), "target", "整治100家以上", "deadline", future.toString(),
                "phases", List.of(Map.of("name", "动员部署", "deadline", future.minusMonths(1).toString()), Map.of("name", "任务攻坚", "deadline", future.toString())),
                "reportingFrequency", "PER_PHASE");
        Api.Response issued = api.newUser("lead-office-wang", "LEAD_OFFICE", null).post("/api/assignments", issue);
        assertThat(issued.status()).isEqualTo(201);
        String id = issued.id();
        Map<String, Object> past = new java.util.HashMap<>(issue);
        past.put("title", "上半年信息排查");
        past.put("deadline", "2023-06-30");
        past.put("phases", List.of());
        past.put("reportingFrequency", "MONTHLY");
        String overdueId = api.post("/api/assignments", past).id();

        JsonNode inbox = api.get("/api/units/xinqi/inbox").body();
        assertThat(inbox.get("toAcknowledge")).hasSize(2);
        assertThat(inbox.get("overdue")).hasSize(1);
        assertThat(inbox.get("overdue").get(0).get("id").asText()).isEqualTo(overdueId);

        assertThat(api.post("/api/assignments/" + id + "/acknowledgements", Map.of("unitId", "xinqi")).status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/" + id + "/acknowledgements", Map.of("unitId", "xinqi")).status()).isEqualTo(409);
        Api.Response stranger = api.post("/api/assignments/" + id + "/acknowledgements", Map.of("unitId", "nobody"));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().get("field").asText()).isEqualTo("unitId");
        String campaign = api.post("/api/units/xinqi/campaigns", Map.of("kind", "GROUP_RENTAL", "title", "群租整治", "launchedOn", "2023-03-01")).id();
        String othersTraining = api.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-03-02", "topic", "业务培训", "attendees", 20, "hours", 2)).id();
        // A unit reports with its own records: another unit's training or an unknown id is refused, nothing stored.
        Api.Response borrowed = api.post("/api/assignments/" + id + "/progress", Map.of("unitId", "xinqi", "text", "已整治38家",
                "links", List.of(Map.of("kind", "CAMPAIGN", "id", campaign), Map.of("kind", "TRAINING", "id", othersTraining))));
        assertThat(borrowed.status()).isEqualTo(400);
        assertThat(borrowed.body().get("field").asText()).isEqualTo("links[1].id");
        assertThat(api.post("/api/assignments/" + id + "/progress", Map.of("unitId", "xinqi", "text", "已整治38家",
                "links", List.of(Map.of("kind", "CAMPAIGN", "id", "c-unknown")))).status()).isEqualTo(404);
        assertThat(api.post("/api/assignments/" + id + "/progress", Map.of("unitId", "xinqi", "text", "已整治38家",
                "figures", Map.of("shops", 38), "links", List.of(Map.of("kind", "CAMPAIGN", "id", campaign)))).status()).isEqualTo(200);
        inbox = api.get("/api/units/xinqi/inbox").body();
        assertThat(inbox.get("toAcknowledge")).hasSize(1);
        assertThat(inbox.get("toReport")).hasSize(1);

        Api.Response pastYear = api.post("/api/assignments/" + overdueId + "/extension-requests",
                Map.of("unitId", "xinqi", "requestedDeadline", "2024-01-31", "reason", "跨年"));
        assertThat(pastYear.status()).isEqualTo(400);
        assertThat(pastYear.body().get("field").asText()).isEqualTo("requestedDeadline");
        assertThat(api.post("/api/assignments/" + overdueId + "/extension-requests",
                Map.of("unitId", "xinqi", "requestedDeadline", "2023-09-30", "reason", "人员调整")).status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/" + overdueId + "/extension-requests/grant", "").status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/" + overdueId + "/urges", Map.of("message", "请于本周内报送")).status()).isEqualTo(200);

        assertThat(api.post("/api/assignments/" + id + "/completion", Map.of("unitId", "xinqi", "note", "x")).status()).isEqualTo(400);
        assertThat(api.post("/api/assignments/" + id + "/completion", Map.of("unitId", "gafj", "note", "已完成")).status()).isEqualTo(200);
        // The lead unit sees its completion waiting for the lead office; a responsible unit does not.
        assertThat(api.get("/api/units/gafj/inbox").body().get("completionsAwaitingDecision").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/api/units/gafj/inbox").body().get("toReport").findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("/api/units/xinqi/inbox").body().get("completionsAwaitingDecision")).isEmpty();
        assertThat(api.post("/api/assignments/" + id + "/completion/return", Map.of("reason", "缺少台账")).status()).isEqualTo(200);
        // Sent again with the ledger it lacked (办结材料): a file uploaded for the lead unit, not one of another unit's.
        String ledger = api.upload("/api/materials", "整治台账.pdf", MaterialsIT.SIGN_IN_SHEET,
                Map.of("unitId", "gafj")).body().get("sha256").asText();
        String othersFile = api.upload("/api/materials", "培训现场.png", MaterialsIT.PHOTO_PNG,
                Map.of("unitId", "xinqi")).body().get("sha256").asText();
        long before = api.get("/api/assignments/" + id).body().get("history").size();
        Api.Response othersFiles = api.post("/api/assignments/" + id + "/completion", Map.of("unitId", "gafj", "note", "补充台账", "materials", List.of(othersFile)));
        assertThat(othersFiles.status()).isEqualTo(400);
        assertThat(othersFiles.body().get("field").asText()).isEqualTo("materials[0]");
        assertThat(api.post("/api/assignments/" + id + "/completion", Map.of("unitId", "gafj", "note", "补充台账", "materials", List.of("not-a-hash")))
                .body().get("field").asText()).startsWith("materials");
        assertThat(api.get("/api/assignments/" + id).body().get("history")).hasSize((int) before);
        assertThat(api.post("/api/assignments/" + id + "/completion", Map.of("unitId", "gafj", "note", "补充台账", "materials", List.of(ledger))).status())
                .isEqualTo(200);
        JsonNode resubmitted = api.get("/api/assignments/" + id).body().get("history").get((int) before);
        assertThat(resubmitted.get("type").asText()).isEqualTo("AssignmentCompletionSubmitted");
        assertThat(resubmitted.get("materials").get(0).get("name").asText()).isEqualTo("整治台账.pdf");
        assertThat(api.post("/api/assignments/" + id + "/completion/acceptance", Map.of("note", "办结")).status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/" + id + "/progress", Map.of("unitId", "daqi", "text", "late")).status()).isEqualTo(409);

        JsonNode one = api.get("/api/assignments/" + id).body();
        assertThat(one.get("status").asText()).isEqualTo("COMPLETED");
        List<String> types = new ArrayList<>();
        one.get("history").forEach(h -> types.add(h.get("type").asText()));
        assertThat(types).containsExactly("AssignmentIssued", "AssignmentAcknowledged", "AssignmentProgressReported",
                "AssignmentCompletionSubmitted", "AssignmentCompletionReturned", "AssignmentCompletionSubmitted", "AssignmentCompleted");
        assertThat(one.get("history").get(0).get("actor").asText()).isEqualTo("lead-office-wang");

        JsonNode extended = api.get("/api/assignments/" + overdueId).body();
        assertThat(extended.get("deadline").asText()).isEqualTo("2023-09-30");
        assertThat(extended.get("deadlines")).hasSize(2);
        assertThat(extended.get("deadlines").get(0).get("deadline").asText()).isEqualTo("2023-06-30");
        assertThat(extended.get("urges").asInt()).isEqualTo(1);

        assertThat(api.get("/api/assignments").body()).hasSize(2);
        assertThat(api.get("/api/assignments?status=COMPLETED").body()).hasSize(1);
        JsonNode overdue = api.get("/api/assignments?overdue=true").body();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("originalDeadline").asText()).isEqualTo("2023-06-30");
        assertThat(overdue.get(0).get("daysLate").asLong()).isPositive();
        assertThat(api.get("/api/assignments?unit=daqi").body()).hasSize(2);
        // Notifications: issued (2), urged (1) for xinqi, and the campaign the lead office launched in its
        // name (代录); the lead unit was told its completion was returned.
        JsonNode notes = api.get("/api/units/xinqi/notifications").body();
        List<String> kinds = new ArrayList<>();
        notes.get("notifications").forEach(n -> kinds.add(n.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("ASSIGNMENT_ISSUED", "ASSIGNMENT_ISSUED", "URGED", "RECORD_ENTERED");
        assertThat(notes.get("unread").asLong()).isEqualTo(4);
        String first = notes.get("notifications").get(0).get("id").asText();
        assertThat(api.post("/api/assignments/notifications/read", Map.of("unitId", "xinqi", "notificationId", first)).status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/notifications/read", Map.of("unitId", "xinqi", "notificationId", first)).status()).isEqualTo(200);
        assertThat(api.get("/api/units/xinqi/notifications?unread=true").body().get("notifications")).hasSize(3);
        long gafjUnread = api.get("/api/units/gafj/notifications").body().get("unread").asLong();
        assertThat(gafjUnread).isPositive();
        // 全部标为已读: the rest of xinqi's at once, gafj's left as they were; refused for a unit that does not exist.
        assertThat(api.post("/api/assignments/notifications/read-all", Map.of("unitId", "xinqi")).status()).isEqualTo(200);
        assertThat(api.get("/api/units/xinqi/notifications").body().get("unread").asLong()).isZero();
        assertThat(api.get("/api/units/gafj/notifications").body().get("unread").asLong()).isEqualTo(gafjUnread);
        assertThat(api.post("/api/assignments/notifications/read-all", Map.of("unitId", "no-such-unit")).status()).isEqualTo(404);
        assertThat(api.get("/api/units/gafj/notifications").body().get("notifications").findValuesAsText("kind")).contains("COMPLETION_RETURNED");
        // Up to the newest in sight, as the workbench asks: gafj's read; asked again for the same ones, nothing is recorded.
        long newest = api.get("/api/units/gafj/notifications").body().get("notifications").get(0).get("position").asLong();
        assertThat(api.post("/api/assignments/notifications/read-all", Map.of("unitId", "gafj", "upTo", newest)).status()).isEqualTo(200);
        assertThat(api.get("/api/units/gafj/notifications").body().get("unread").asLong()).isZero();
        long head = api.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong();
        assertThat(api.post("/api/assignments/notifications/read-all", Map.of("unitId", "gafj", "upTo", newest)).status()).isEqualTo(200);
        Api.Response negative = api.post("/api/assignments/notifications/read-all", Map.of("unitId", "gafj", "upTo", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("field").asText()).isEqualTo("upTo");
        assertThat(api.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong())
                .as("the same ones marked read again, and a position below zero, record nothing").isEqualTo(head);
        JsonNode stats = api.get("/api/assignments/statistics").body();
        JsonNode xinqi = null;
        JsonNode gafj = null;
        for (JsonNode row : stats) {
            if (row.get("unitId").asText().equals("xinqi")) {
                xinqi = row;
            }
            if (row.get("unitId").asText().equals("gafj")) {
                gafj = row;
            }
        }
        assertThat(xinqi.get("issued").asInt()).isEqualTo(2);
        assertThat(xinqi.get("acknowledgedOnTime").asInt()).isEqualTo(1);
        assertThat(xinqi.get("extensions").asInt()).isEqualTo(1);
        assertThat(xinqi.get("overdueNow").asInt()).isEqualTo(1);
        assertThat(xinqi.get("averageDaysLate").asDouble()).isPositive();
        assertThat(xinqi.get("urges").asInt()).isEqualTo(1);
        assertThat(gafj.get("completed").asInt()).isEqualTo(1);
        assertThat(gafj.get("completedOnTime").asInt()).isEqualTo(1);
        assertThat(gafj.get("overdueNow").asInt()).as("the lead unit of the overdue one").isEqualTo(1);
        // 导出督办统计: the same figures, most overdue first, units with assignments only, and their totals.
        List<List<String>> sheet = TestData.sheet(api.bytes("/api/assignments/statistics.xlsx"));
        List<JsonNode> withAssignments = java.util.stream.StreamSupport.stream(stats.spliterator(), false).filter(s -> s.get("issued").asInt() > 0).toList();
        assertThat(sheet.get(0).get(0)).startsWith("督办统计（全部单位，有交办任务的单位，共 " + withAssignments.size() + " 个，截至 ");
        assertThat(sheet.get(1)).containsExactly("单位", "类型", "交办", "签收", "其中按时签收", "办结", "其中按时办结", "办结率", "当前逾期", "曾逾期",
                "平均逾期天数", "延期", "被催办", "漏报");
        assertThat(sheet).hasSize(withAssignments.size() + 3);
        List<String> xinqiRow = sheet.stream().filter(r -> r.get(0).equals("新碶街道")).findFirst().orElseThrow();
        assertThat(xinqiRow.subList(1, 10)).containsExactly("街道", "2", xinqi.get("acknowledged").asText(), "1", xinqi.get("completed").asText(),
                xinqi.get("completedOnTime").asText(), xinqi.get("completed").asInt() * 50 + "%", "1", xinqi.get("everOverdue").asText());
        assertThat(Double.parseDouble(xinqiRow.get(10))).isEqualTo(xinqi.get("averageDaysLate").asDouble());
        assertThat(xinqiRow.subList(11, 14)).containsExactly("1", "1", xinqi.get("missedReports").asText());
        assertThat(sheet.get(2).get(8)).as("most overdue first").isEqualTo(String.valueOf(withAssignments.stream().mapToInt(s -> s.get("overdueNow").asInt()).max().orElseThrow()));
        List<String> totals = sheet.get(sheet.size() - 1);
        assertThat(totals.get(0)).isEqualTo("合计");
        assertThat(totals.get(2)).isEqualTo(String.valueOf(withAssignments.stream().mapToInt(s -> s.get("issued").asInt()).sum()));
        assertThat(totals.get(12)).isEqualTo(String.valueOf(withAssignments.stream().mapToInt(s -> s.get("urges").asInt()).sum()));
        List<List<String>> departments = TestData.sheet(api.bytes("/api/assignments/statistics.xlsx?type=DEPARTMENT&all=true"));
        assertThat(departments.get(0).get(0)).startsWith("督办统计（部门，共 ");
        assertThat(departments.stream().skip(2).limit(departments.size() - 3)).allMatch(r -> r.get(1).equals("部门")).noneMatch(r -> r.get(0).equals("新碶街道"));
        Api.Response badType = api.get("/api/assignments/statistics.xlsx?type=COUNTY");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().get("field").asText()).isEqualTo("type");
        // 督办事项清单: the board, most urgent first (on the page too), a row each in words; filtered as the board is.
        JsonNode board = api.get("/api/assignments").body();
        List<String> urgency = List.of("RED", "YELLOW", "BLUE", "GREEN", "NONE");
        for (int i = 1; i < board.size(); i++) {
            assertThat(urgency.indexOf(board.get(i - 1).get("light").asText())).as("most urgent first")
                    .isLessThanOrEqualTo(urgency.indexOf(board.get(i).get("light").asText()));
        }
        JsonNode words = api.get("/api/dictionary").body().get("words");
        List<List<String>> clearance = TestData.sheet(api.bytes("/api/assignments/export.xlsx"));
        assertThat(clearance.get(0).get(0)).startsWith("督办事项清单（全部，共 " + board.size() + " 项，截至 ");
        assertThat(clearance.get(1)).containsExactly("序号", "任务", "牵头单位", "责任单位", "原定期限", "截止日期", "状态", "亮灯", "签收", "逾期天数",
                "催办", "漏报", "申请延期至");
        assertThat(clearance).hasSize(board.size() + 2);
        for (int i = 0; i < board.size(); i++) {
            JsonNode a = board.get(i);
            List<String> row = clearance.get(i + 2);
            assertThat(row.subList(0, 2)).containsExactly(String.valueOf(i + 1), a.get("title").asText());
            assertThat(row.get(5)).isEqualTo(a.get("deadline").asText());
            assertThat(row.subList(6, 9)).containsExactly(words.at("/assignmentStatus/" + a.get("status").asText() + "/zh").asText(),
                    words.at("/light/" + a.get("light").asText() + "/zh").asText(), a.get("acknowledged").asInt() + "/" + a.get("units").asInt());
        }
        assertThat(clearance.stream().skip(2).map(r -> r.get(2))).as("lead units by name").doesNotContain("gafj", "xinqi");
        int overdueOfGafj = api.get("/api/assignments?unit=gafj&overdue=true").body().size();
        List<List<String>> filtered = TestData.sheet(api.bytes("/api/assignments/export.xlsx?unit=gafj&overdue=true"));
        assertThat(filtered.get(0).get(0)).startsWith("督办事项清单（公安分局，逾期的，共 " + overdueOfGafj + " 项");
        assertThat(filtered).hasSize(overdueOfGafj + 2);
        Api.Response badLight = api.get("/api/assignments/export.xlsx?light=PURPLE");
        assertThat(badLight.status()).isEqualTo(400);
        assertThat(badLight.body().get("field").asText()).isEqualTo("light");
        // Finished long after its deadline, with no deadline check in between (none runs in this test):
        // the dates alone say it was overdue, and for how long.
        assertThat(api.post("/api/assignments/" + overdueId + "/completion", Map.of("unitId", "gafj", "note", "已补办")).status()).isEqualTo(200);
        assertThat(api.post("/api/assignments/" + overdueId + "/completion/acceptance", Map.of("note", "逾期办结")).status()).isEqualTo(200);
        JsonNode lateGafj = java.util.stream.StreamSupport.stream(api.get("/api/assignments/statistics").body().spliterator(), false)
                .filter(row -> row.get("unitId").asText().equals("gafj")).findFirst().orElseThrow();
        assertThat(lateGafj.get("completed").asInt()).isEqualTo(2);
        assertThat(lateGafj.get("completedOnTime").asInt()).isEqualTo(1);
        assertThat(lateGafj.get("overdueNow").asInt()).isZero();
        assertThat(lateGafj.get("everOverdue").asInt()).as("completed after its deadline").isEqualTo(1);
        assertThat(lateGafj.get("averageDaysLate").asDouble()).isEqualTo((double) java.time.temporal.ChronoUnit.DAYS.between(
                LocalDate.of(2023, 9, 30), LocalDate.now(cn.duban.kernel.calendar.DistrictTime.ZONE)));
        assertThat(api.get("/api/assignments/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/units/nobody/inbox").status()).isEqualTo(404);

        // Day one of a district: the built-in Beilun scheme and roster.
        assertThat(api.post("/api/schemes/builtin/beilun-2023", "").status()).isEqualTo(201);
        assertThat(api.post("/api/schemes/beilun-2023/publish", "").status()).isEqualTo(200);
        assertThat(api.get("/api/schemes/beilun-2023").body().get("items")).hasSize(79);
        assertThat(api.post("/api/units/builtin/beilun", "").body().get("registered")).hasSize(41);
        assertThat(api.get("/api/schemes/beilun-2023/ranking").body()).hasSize(44);
    }
}
