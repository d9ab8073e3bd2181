package cn.duban.kernel.assignment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.duban.kernel.assignment.AssignmentStatus.COMPLETED;
import static cn.duban.kernel.assignment.AssignmentStatus.COMPLETION_SUBMITTED;
import static cn.duban.kernel.assignment.AssignmentStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

class AssignmentDeadlinesTest {
    static final LocalDate DEADLINE = LocalDate.of(2023, 3, 31);

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void overdueFromTheDayAfterTheDeadlineWhileOpenOnly() {
        assertThat(AssignmentDeadlines.overdue(OPEN, DEADLINE, day("2023-03-31"))).isFalse();
        assertThat(AssignmentDeadlines.overdue(OPEN, DEADLINE, day("2023-04-01"))).isTrue();
        assertThat(AssignmentDeadlines.daysLate(OPEN, DEADLINE, day("2023-04-05"))).isEqualTo(5);
        assertThat(AssignmentDeadlines.overdue(COMPLETION_SUBMITTED, DEADLINE, day("2023-04-05"))).as("waiting for 办结").isFalse();
        assertThat(AssignmentDeadlines.daysLate(COMPLETED, DEADLINE, day("2023-04-05"))).isZero();
    }

    @Test
    void theReminderIsDueThreeDaysBeforeUntilTheDeadline() {
        assertThat(AssignmentDeadlines.reminderDue(OPEN, DEADLINE, day("2023-03-27"))).isFalse();
        assertThat(AssignmentDeadlines.reminderDue(OPEN, DEADLINE, day("2023-03-28"))).isTrue();
        assertThat(AssignmentDeadlines.reminderDue(OPEN, DEADLINE, day("2023-03-31"))).isTrue();
        assertThat(AssignmentDeadlines.reminderDue(OPEN, DEADLINE, day("2023-04-01"))).isFalse();
    }

    @Test
    void aUnitsLightIsRedThenYellowThenBlueThenGreen() {
        assertThat(AssignmentDeadlines.light(OPEN, DEADLINE, day("2023-04-01"), true)).isEqualTo(Light.RED);
        assertThat(AssignmentDeadlines.light(OPEN, DEADLINE, day("2023-03-29"), true)).isEqualTo(Light.YELLOW);
        assertThat(AssignmentDeadlines.light(OPEN, DEADLINE, day("2023-03-29"), false)).isEqualTo(Light.BLUE);
        assertThat(AssignmentDeadlines.light(OPEN, DEADLINE, day("2023-03-01"), false)).isEqualTo(Light.GREEN);
        assertThat(AssignmentDeadlines.light(COMPLETION_SUBMITTED, DEADLINE, day("2023-04-10"), false)).isEqualTo(Light.GREEN);
    }

    @Test
    void theBoardShowsTheWorstLightAndAcknowledgementsCountOnTimeForThreeDays() {
        assertThat(AssignmentDeadlines.worst(List.of(Light.GREEN, Light.RED, Light.BLUE))).isEqualTo(Light.RED);
        assertThat(AssignmentDeadlines.worst(List.of(Light.NONE, Light.GREEN))).isEqualTo(Light.GREEN);
        assertThat(AssignmentDeadlines.worst(List.of())).isEqualTo(Light.GREEN);
        assertThat(AssignmentDeadlines.acknowledgedOnTime(day("2023-03-01"), day("2023-03-04"))).isTrue();
        assertThat(AssignmentDeadlines.acknowledgedOnTime(day("2023-03-01"), day("2023-03-05"))).isFalse();
    }
}
