package cn.duban.command.domain;

import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.command.CheckAssignmentDeadlines;
import cn.duban.kernel.event.AssignmentCompleted;
import cn.duban.kernel.event.AssignmentCompletionSubmitted;
import cn.duban.kernel.event.AssignmentDeadlineApproaching;
import cn.duban.kernel.event.AssignmentExtensionGranted;
import cn.duban.kernel.event.AssignmentIssued;
import cn.duban.kernel.event.AssignmentLightChanged;
import cn.duban.kernel.event.AssignmentProgressReported;
import cn.duban.kernel.event.AssignmentReportMissed;
import cn.duban.kernel.event.AssignmentWentOverdue;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The date acting on an assignment: reminders, overdue, missed reporting periods and the three lights. */
class AssignmentDeadlinesTest {
    /** Issued on 2023-03-01 (Beijing time), due 2023-03-31, monthly reports, one responsible unit. */
    static final Instant ISSUED_AT = Instant.parse("2023-03-01T01:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2023, 3, 31);
    static final AssignmentIssued ISSUED = new AssignmentIssued("a1", "季度排查", null, null, null, "police", List.of("xinqi"),
            null, DEADLINE, List.of(), ReportingFrequency.WEEKLY);

    FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(AssignmentTest.REFERENCES);
    }

    static CheckAssignmentDeadlines on(String date) {
        return new CheckAssignmentDeadlines("a1", LocalDate.parse(date));
    }

    static AssignmentLightChanged light(String unit, Light from, Light to) {
        String reason = switch (to) {
            case RED -> "已逾期 / overdue";
            case YELLOW -> "未按期报送进展 / a reporting period was missed";
            case BLUE -> "临近截止 / deadline near";
            case GREEN -> "正常推进 / on track";
            case NONE -> "已关闭 / closed";
        };
        return new AssignmentLightChanged("a1", unit, from, to, reason);
    }

    static AssignmentProgressReported report(String unit) {
        return new AssignmentProgressReported("a1", unit, "进展", Map.of("n", BigDecimal.ONE), List.of());
    }

    @Test
    void nothingHappensEarlyOn() {
        fixture.givenCurrentTime(ISSUED_AT).andGiven(ISSUED).when(on("2023-03-05")).expectNoEvents();
    }

    @Test
    void aWeekWithoutAReportTurnsAUnitYellowAndAReportTurnsItBack() {
        // Week 1 is 03-01..03-07; police reported in it, xinqi did not.
        fixture.givenCurrentTime(ISSUED_AT).andGiven(ISSUED, report("police")).when(on("2023-03-08"))
                .expectEvents(new AssignmentReportMissed("a1", "xinqi", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 7)),
                        light("xinqi", Light.GREEN, Light.YELLOW));
        fixture.givenCurrentTime(ISSUED_AT).andGiven(ISSUED, report("police"),
                        new AssignmentReportMissed("a1", "xinqi", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 7)),
                        light("xinqi", Light.GREEN, Light.YELLOW))
                .andGivenCurrentTime(Instant.parse("2023-03-09T02:00:00Z")).andGiven(report("xinqi"))
                .when(on("2023-03-10")).expectEvents(light("xinqi", Light.YELLOW, Light.GREEN));
    }

    @Test
    void remindedOnceThreeDaysBeforeAndBlue() {
        Object[] reportedWeekly = {ISSUED, report("police"), report("xinqi")};
        fixture.givenCurrentTime(ISSUED_AT).andGiven(reportedWeekly)
                .andGivenCurrentTime(Instant.parse("2023-03-27T02:00:00Z")).andGiven(report("police"), report("xinqi"))
                .when(on("2023-03-28"))
                .expectEvents(new AssignmentDeadlineApproaching("a1", DEADLINE, 3),
                        // weeks 2..4 (03-08..03-28) passed without reports from either unit… except the report on 03-27 covers week 4
                        new AssignmentReportMissed("a1", "police", LocalDate.of(2023, 3, 8), LocalDate.of(2023, 3, 14)),
                        new AssignmentReportMissed("a1", "xinqi", LocalDate.of(2023, 3, 8), LocalDate.of(2023, 3, 14)),
                        new AssignmentReportMissed("a1", "police", LocalDate.of(2023, 3, 15), LocalDate.of(2023, 3, 21)),
                        new AssignmentReportMissed("a1", "xinqi", LocalDate.of(2023, 3, 15), LocalDate.of(2023, 3, 21)),
                        light("police", Light.GREEN, Light.BLUE), light("xinqi", Light.GREEN, Light.BLUE));
    }

    @Test
    void overdueOnceTheDayAfterTheDeadlineRedForEveryUnit() {
        FixtureConfiguration<Assignment> f = new AggregateTestFixture<>(Assignment.class);
        f.registerInjectableResource(AssignmentTest.REFERENCES);
        AssignmentIssued unreported = new AssignmentIssued("a1", "年度总结", null, null, null, "police", List.of("xinqi"),
                null, DEADLINE, List.of(), ReportingFrequency.NONE);
        f.givenCurrentTime(ISSUED_AT).andGiven(unreported).when(on("2023-04-01"))
                .expectEvents(new AssignmentWentOverdue("a1", DEADLINE), light("police", Light.GREEN, Light.RED), light("xinqi", Light.GREEN, Light.RED));
        f.givenCurrentTime(ISSUED_AT).andGiven(unreported, new AssignmentWentOverdue("a1", DEADLINE),
                light("police", Light.GREEN, Light.RED), light("xinqi", Light.GREEN, Light.RED)).when(on("2023-04-05")).expectNoEvents();
    }

    @Test
    void anExtensionClearsRedAndTheNewDeadlineGetsItsOwnReminder() {
        AssignmentIssued unreported = new AssignmentIssued("a1", "年度总结", null, null, null, "police", List.of(),
                null, DEADLINE, List.of(), ReportingFrequency.NONE);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(unreported, new AssignmentWentOverdue("a1", DEADLINE), light("police", Light.GREEN, Light.RED),
                        new AssignmentExtensionGranted("a1", DEADLINE, LocalDate.of(2023, 4, 20)))
                .when(on("2023-04-18"))
                .expectEvents(new AssignmentDeadlineApproaching("a1", LocalDate.of(2023, 4, 20), 2), light("police", Light.RED, Light.BLUE));
    }

    @Test
    void aCompletionRequestIsNotOverdueAndAClosedAssignmentHasNoDates() {
        AssignmentIssued unreported = new AssignmentIssued("a1", "年度总结", null, null, null, "police", List.of(),
                null, DEADLINE, List.of(), ReportingFrequency.NONE);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(unreported, new AssignmentCompletionSubmitted("a1", "police", "done"))
                .when(on("2023-04-10")).expectNoEvents();
        fixture.givenCurrentTime(ISSUED_AT).andGiven(unreported, new AssignmentCompletionSubmitted("a1", "police", "done"),
                new AssignmentCompleted("a1", "ok")).when(on("2023-04-10")).expectNoEvents();
    }
}
