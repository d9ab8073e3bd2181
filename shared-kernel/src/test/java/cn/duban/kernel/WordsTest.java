package cn.duban.kernel;

import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scoring.YearEnd;
import cn.duban.kernel.supervision.InspectionMethod;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.SamplingPeriod;
import cn.duban.kernel.supervision.Severity;
import cn.duban.kernel.supervision.Verdict;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("unitType", UnitType.class), Map.entry("role", Role.class), Map.entry("assignmentStatus", AssignmentStatus.class),
            Map.entry("light", Light.class), Map.entry("reportingFrequency", ReportingFrequency.class), Map.entry("infoLevel", InfoLevel.class),
            Map.entry("trainingKind", TrainingKind.class), Map.entry("factKind", FactKind.class), Map.entry("ruleKind", RuleKind.class),
            Map.entry("roundKind", RoundKind.class), Map.entry("inspectionMethod", InspectionMethod.class), Map.entry("severity", Severity.class),
            Map.entry("verdict", Verdict.class), Map.entry("sampleKind", SampleKind.class), Map.entry("samplingPeriod", SamplingPeriod.class),
            Map.entry("grade", YearEnd.Grade.class), Map.entry("eventFamily", EventFamily.class));

    @Test
    void everyConstantOfEveryEnumAPersonReadsHasChineseAndEnglishWords() {
        ENUMS.forEach((group, type) -> Arrays.stream(type.getEnumConstants()).forEach(c -> {
            Words.Word w = Words.all().get(group).get(c.name());
            assertThat(w).as(group + "." + c.name()).isNotNull();
            assertThat(w.zh()).as(group + "." + c.name()).matches(".*[\\u4e00-\\u9fff].*");
            assertThat(w.en()).as(group + "." + c.name()).isNotBlank().doesNotContain("_");
        }));
        assertThat(Words.all().get("indicator").get("rental_registration_rate").zh()).isEqualTo("出租房屋登记率");
        // every event an assignment's history can list
        java.util.Arrays.stream(cn.duban.kernel.assignment.AssignmentEvent.class.getPermittedSubclasses())
                // a reader opened one notification or all of them: not an assignment's history
                .filter(e -> !e.getSimpleName().equals("NotificationRead") && !e.getSimpleName().equals("AllNotificationsRead"))
                .forEach(e -> assertThat(Words.all().get("assignmentEvent")).as(e.getSimpleName()).containsKey(e.getSimpleName()));
        assertThat(Words.zh("light", "RED")).isEqualTo("已逾期");
        assertThat(Words.zh("light", "PURPLE")).isEqualTo("PURPLE");
    }

    @Test
    void everyEventOfEveryFamilyHasWordsForTheAuditTrail() {
        int events = 0;
        for (Class<?> event : EventFamily.allEvents()) {
            Words.Word w = Words.all().get("eventType").get(event.getSimpleName());
            assertThat(w).as(event.getSimpleName()).isNotNull();
            assertThat(w.zh()).as(event.getSimpleName()).matches("[\\u4e00-\\u9fff]+");
            assertThat(w.en()).as(event.getSimpleName()).isNotBlank().doesNotContain("_");
            events++;
        }
        // no words for an event that no longer exists
        assertThat(Words.codes("eventType")).hasSize(events);
        assertThat(Words.zh("actingRole", "demo")).isEqualTo("演示数据导入");
        assertThat(Words.zh("actingRole", "SUPERVISOR")).isEqualTo("督查组");
    }

    @Test
    void everySystemActorHasChineseAndEnglishWords() throws IllegalAccessException {
        for (java.lang.reflect.Field f : cn.duban.kernel.people.SystemActors.class.getFields()) {
            String actor = (String) f.get(null);
            Words.Word w = Words.all().get("systemActor").get(actor);
            assertThat(w).as(actor).isNotNull();
            assertThat(w.zh()).as(actor).matches(".*[\\u4e00-\\u9fff].*");
            assertThat(w.en()).as(actor).isNotBlank();
        }
        assertThat(cn.duban.kernel.people.SystemActors.class.getFields()).isNotEmpty();
    }
}
