package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP command that records several events: the deadline check of an assignment entered after
 * its 2023 deadline records overdue, every missed monthly report and each unit's red light as one
 * atomic commit; every event gets its own position and reaches the read model.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MultiEventCommandIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aDeadlineCheckRecordsEverythingTheDateCallsForInOneCommit() {
        Api api = new Api(port);
        for (String[] u : new String[][]{{"gafj", "公安分局", "DEPARTMENT"}, {"xinqi", "新碶街道", "STREET"}}) {
            assertThat(api.post("/api/units", Map.of("id", u[0], "name", u[1], "type", u[2])).status()).isEqualTo(201);
        }
        String id = api.post("/api/assignments", Map.of("title", "二季度出租房屋排查", "leadUnit", "gafj",
                "responsibleUnits", List.of("xinqi"), "deadline", "2023-06-30", "issuedOn", "2023-04-01",
                "reportingFrequency", "MONTHLY")).id();

        Api.Response check = api.post("/api/assignments/" + id + "/deadline-check", Map.of());
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().get("recorded").asBoolean()).isTrue();

        JsonNode view = api.get("/api/assignments/" + id).body();
        List<String> types = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (JsonNode h : view.get("history")) {
            types.add(h.get("type").asText());
            positions.add(h.get("position").asLong());
        }
        // Overdue, three months unreported by each of two units, two lights turned red.
        assertThat(types).containsExactly("AssignmentIssued", "AssignmentWentOverdue",
                "AssignmentReportMissed", "AssignmentReportMissed", "AssignmentReportMissed",
                "AssignmentReportMissed", "AssignmentReportMissed", "AssignmentReportMissed",
                "AssignmentLightChanged", "AssignmentLightChanged");
        for (int i = 2; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("one position per event of the commit").isEqualTo(positions.get(i - 1) + 1);
        }
        for (JsonNode unit : view.get("units")) {
            assertThat(unit.get("light").asText()).isEqualTo("RED");
        }

        Api.Response again = api.post("/api/assignments/" + id + "/deadline-check", Map.of());
        assertThat(again.body().get("recorded").asBoolean()).isFalse();
        assertThat(api.get("/api/assignments/" + id).body().get("history")).hasSize(10);
    }
}
