package cn.duban.command.assignment;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.fixture;

/** Given-when-then for a unit's notification inbox. */
class NotificationInboxTest {
    @Nested
    class NotificationInboxes {
        FixtureConfiguration<NotificationInbox> fixture = fixture(NotificationInbox.class);

        @Test
        void readOnceCreatedOnFirstUse() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkNotificationRead("xinqi", "e1:xinqi"))
                    .expectEvents(new cn.duban.kernel.assignment.NotificationRead("xinqi", "e1:xinqi"));
            fixture.given(new cn.duban.kernel.assignment.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.assignment.MarkNotificationRead("xinqi", "e1:xinqi")).expectNoEvents();
        }

        @Test
        void readingAllWithoutAPositionIsRecordedEachTime() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi"))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"));
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"), new cn.duban.kernel.assignment.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi"))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"));
        }

        @Test
        void readingAllUpToWhatWasInSightIsRecordedOnceForTheSameOnes() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", 120L))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 120L));
            // The same list marked read again, or an older one (a second tab): nothing recorded.
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 120L))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", 120L)).expectNoEvents();
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 120L))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", 90L)).expectNoEvents();
            // One that arrived since: recorded up to it.
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 120L))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", 135L))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 135L));
            // An act recorded before positions were named says nothing of how far it reached.
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", 10L))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", 10L));
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi", -1L))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void readingAllOnlyForARegisteredUnit() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("nobody"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        @Test
        void onlyForARegisteredUnit() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkNotificationRead("nobody", "e1:nobody"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        @Test
        void onlyTheUnitsOwnNotifications() {
            fixture.given(new cn.duban.kernel.assignment.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.assignment.MarkNotificationRead("xinqi", "e2:daqi"))
                    .expectException(cn.duban.kernel.error.InvalidInputException.class).expectNoEvents();
        }
    }
}
