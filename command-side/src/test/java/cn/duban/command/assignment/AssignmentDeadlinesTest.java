package cn.duban.command.assignment;

import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.CheckAssignmentDeadlines;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentCompletionSubmitted;
import cn.duban.kernel.assignment.AssignmentDeadlineApproaching;
import cn.duban.kernel.assignment.AssignmentExtensionGranted;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentLightChanged;
import cn.duban.kernel.assignment.AssignmentProgressReported;
import cn.duban.kernel.assignment.AssignmentReportMissed;
import cn.duban.kernel.assignment.AssignmentWentOverdue;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The date acting on an assignment: reminders, overdue, missed reporting periods and the three
 * lights. One check records everything the date calls for, in order, as one commit; a second
 * check the same day records nothing.
 */
class AssignmentDeadlinesTest {
    static final Instant ISSUED_AT = Instant.parse("2023-03-01T01:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2023, 3, 31);
    /** Issued 2023-03-01 (Beijing time), due 03-31, weekly reports, police leads, xinqi responsible. */
    static final AssignmentIssued WEEKLY = new AssignmentIssued("a1", "季度排查", null, null, null, "police", List.of("xinqi"),
            null, DEADLINE, List.of(), ReportingFrequency.WEEKLY, null);
    static final AssignmentIssued UNREPORTED = new AssignmentIssued("a1", "年度总结", null, null, null, "police", List.of(),
            null, DEADLINE, List.of(), ReportingFrequency.NONE, null);

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
    void nothingIsDueEarlyOn() {
        fixture.givenCurrentTime(ISSUED_AT).andGiven(WEEKLY).when(on("2023-03-05")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void aWeekWithoutAReportIsMissedThenTheUnitTurnsYellowAndAReportTurnsItBack() {
        // Week 1 is 03-01..03-07; police reported in it, xinqi did not.
        AssignmentReportMissed missed = new AssignmentReportMissed("a1", "xinqi", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 7));
        fixture.givenCurrentTime(ISSUED_AT).andGiven(WEEKLY, report("police")).when(on("2023-03-08"))
                .expectEvents(missed, light("xinqi", Light.GREEN, Light.YELLOW)).expectResultMessagePayload(true);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(WEEKLY, report("police"), missed, light("xinqi", Light.GREEN, Light.YELLOW))
                .when(on("2023-03-08")).expectNoEvents().expectResultMessagePayload(false);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(WEEKLY, report("police"), missed, light("xinqi", Light.GREEN, Light.YELLOW))
                .andGivenCurrentTime(Instant.parse("2023-03-09T02:00:00Z")).andGiven(report("xinqi"))
                .when(on("2023-03-10")).expectEvents(light("xinqi", Light.YELLOW, Light.GREEN));
    }

    @Test
    void reportingPeriodsCountFromTheDocumentsDateWhenEnteredLater() {
        // The 交办 document is dated 02-01 but entered on 03-01: February was a reporting month.
        AssignmentIssued enteredLate = new AssignmentIssued("a1", "季度排查", null, null, null, "police", List.of(),
                null, DEADLINE, List.of(), ReportingFrequency.MONTHLY, LocalDate.of(2023, 2, 1));
        fixture.givenCurrentTime(ISSUED_AT).andGiven(enteredLate).when(on("2023-03-02"))
                .expectEvents(new AssignmentReportMissed("a1", "police", LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28)),
                        light("police", Light.GREEN, Light.YELLOW));
    }

    @Test
    void remindedOnceThreeDaysBeforeThenBlue() {
        AssignmentDeadlineApproaching reminder = new AssignmentDeadlineApproaching("a1", DEADLINE, 3);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED).when(on("2023-03-28"))
                .expectEvents(reminder, light("police", Light.GREEN, Light.BLUE));
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED, reminder, light("police", Light.GREEN, Light.BLUE))
                .when(on("2023-03-30")).expectNoEvents();
    }

    @Test
    void overdueOnceTheDayAfterTheDeadlineThenRed() {
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED).when(on("2023-04-01"))
                .expectEvents(new AssignmentWentOverdue("a1", DEADLINE), light("police", Light.GREEN, Light.RED));
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED, new AssignmentWentOverdue("a1", DEADLINE),
                light("police", Light.GREEN, Light.RED)).when(on("2023-04-05")).expectNoEvents();
    }

    @Test
    void anExtensionClearsRedAndTheNewDeadlineGetsItsOwnReminder() {
        List<Object> history = new ArrayList<>(List.of(UNREPORTED, new AssignmentWentOverdue("a1", DEADLINE),
                light("police", Light.GREEN, Light.RED), new AssignmentExtensionGranted("a1", DEADLINE, LocalDate.of(2023, 4, 20))));
        AssignmentDeadlineApproaching reminder = new AssignmentDeadlineApproaching("a1", LocalDate.of(2023, 4, 20), 2);
        fixture.givenCurrentTime(ISSUED_AT).andGiven(history).when(on("2023-04-18"))
                .expectEvents(reminder, light("police", Light.RED, Light.BLUE));
    }

    @Test
    void aCompletionRequestIsNotOverdueAndAClosedAssignmentHasNoDates() {
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED, new AssignmentCompletionSubmitted("a1", "police", "done"))
                .when(on("2023-04-10")).expectNoEvents();
        fixture.givenCurrentTime(ISSUED_AT).andGiven(UNREPORTED, new AssignmentCompletionSubmitted("a1", "police", "done"),
                new AssignmentCompleted("a1", "ok")).when(on("2023-04-10")).expectNoEvents().expectResultMessagePayload(false);
    }
}
