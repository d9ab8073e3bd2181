package cn.duban.kernel;

import cn.duban.kernel.assessment.AssessmentEvent;
import cn.duban.kernel.assessment.ScoreAdjusted;
import cn.duban.kernel.assignment.AssignmentEvent;
import cn.duban.kernel.assignment.NotificationRead;
import cn.duban.kernel.people.PeopleEvent;
import cn.duban.kernel.people.RoleGranted;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.ReportingEvent;
import cn.duban.kernel.scheme.SchemeEvent;
import cn.duban.kernel.supervision.CopyNoticeSent;
import cn.duban.kernel.supervision.SupervisionEvent;
import cn.duban.kernel.unit.UnitRegistryEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventFamilyTest {
    @Test
    void everyEventBelongsToTheFamilyItIsDeclaredInAndToNoOther() {
        List<Class<?>> families = List.of(ReportingEvent.class, AssessmentEvent.class, AssignmentEvent.class, SupervisionEvent.class,
                SchemeEvent.class, UnitRegistryEvent.class, PeopleEvent.class);
        int events = 0;
        for (int i = 0; i < families.size(); i++) {
            EventFamily family = EventFamily.values()[i];
            for (Class<?> event : families.get(i).getPermittedSubclasses()) {
                assertThat(EventFamily.ofType(event.getSimpleName())).as(event.getSimpleName()).contains(family);
                assertThat(Arrays.stream(EventFamily.values()).filter(f -> f.holds(event.getSimpleName()))).containsExactly(family);
                events++;
            }
        }
        assertThat(EventFamily.allEvents()).hasSize(events);
    }

    @Test
    void anActIsSortedByWhatItDoesNotByWhoDidIt() {
        // the lead office accepting a report is part of reporting; its adjustment of a score is scoring
        assertThat(EventFamily.ofType(InfoReportAccepted.class.getSimpleName())).contains(EventFamily.REPORTING);
        assertThat(EventFamily.ofType(ScoreAdjusted.class.getSimpleName())).contains(EventFamily.ASSESSMENT);
        assertThat(EventFamily.ofType(CopyNoticeSent.class.getSimpleName())).contains(EventFamily.SUPERVISION);
        assertThat(EventFamily.ofType(NotificationRead.class.getSimpleName())).contains(EventFamily.ASSIGNMENT);
        assertThat(EventFamily.ofType(RoleGranted.class.getSimpleName())).contains(EventFamily.PEOPLE);
        assertThat(EventFamily.ofType("NoSuchEvent")).isEmpty();
        assertThat(EventFamily.ofType(null)).isEmpty();
    }
}
