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
        void readingAllIsRecordedEachTime() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi"))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"));
            fixture.given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"), new cn.duban.kernel.assignment.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.assignment.MarkAllNotificationsRead("xinqi"))
                    .expectEvents(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"));
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
