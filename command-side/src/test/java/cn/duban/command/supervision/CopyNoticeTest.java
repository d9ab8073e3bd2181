package cn.duban.command.supervision;

import cn.duban.command.common.AggregateFixtures;
import cn.duban.kernel.calendar.WorkingDayCalendar;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.supervision.AnswerCopyNotice;
import cn.duban.kernel.supervision.CheckCopyNoticeDeadline;
import cn.duban.kernel.supervision.CopyNoticeAnswered;
import cn.duban.kernel.supervision.CopyNoticeEscalated;
import cn.duban.kernel.supervision.CopyNoticeSent;
import cn.duban.kernel.supervision.SendCopyNotice;
import cn.duban.platform.axon.Audit;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** 抄告单 (seed 004): answered within 20 working days, or escalated the day after, once. */
class CopyNoticeTest {
    static final LocalDate TODAY = LocalDate.of(2023, 9, 25);
    /** 20 working days across the National Day holiday and its worked weekend, as for rectifications. */
    static final LocalDate DUE = LocalDate.of(2023, 10, 27);
    static final CopyNoticeSent SENT = new CopyNoticeSent("n1", null, "xinqi", "出租房屋消防隐患", "检查发现3处群租房未配灭火器", TODAY, DUE);

    FixtureConfiguration<CopyNotice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CopyNotice.class);
        fixture.registerInjectableResource(AggregateFixtures.REFERENCES);
        fixture.registerInjectableResource(WorkingDayCalendar.chinaMainland());
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2023-09-25T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theLeadOfficeSendsItDueInTwentyWorkingDays() {
        fixture.givenNoPriorActivity().when(new SendCopyNotice("n1", null, "xinqi", " 出租房屋消防隐患 ", "检查发现3处群租房未配灭火器"))
                .expectEvents(SENT);
        fixture.givenNoPriorActivity().when(new SendCopyNotice("n1", null, "nobody", "x", "y"))
                .expectException(NotFoundException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new SendCopyNotice("n1", null, "xinqi", "x", " "))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void unitStaffSendInTheirOwnUnitsNameOnly() {
        fixture.givenNoPriorActivity().when(new SendCopyNotice("n1", null, "xinqi", "x", "y"),
                        MetaData.with(Audit.ROLE, "UNIT_STAFF").and(Audit.UNIT, "gafj"))
                .expectException(ForbiddenException.class).expectNoEvents();
    }

    @Test
    void answeredOnceByTheAddressedUnitThenNeverEscalated() {
        fixture.given(SENT).when(new AnswerCopyNotice("n1", "已督促房东配齐灭火器"), MetaData.with(Audit.ROLE, "UNIT_STAFF").and(Audit.UNIT, "xinqi"))
                .expectEvents(new CopyNoticeAnswered("n1", "xinqi", "已督促房东配齐灭火器", TODAY));
        fixture.given(SENT).when(new AnswerCopyNotice("n1", "x"), MetaData.with(Audit.ROLE, "UNIT_STAFF").and(Audit.UNIT, "daqi"))
                .expectException(ForbiddenException.class).expectNoEvents();
        CopyNoticeAnswered answered = new CopyNoticeAnswered("n1", "xinqi", "已整改", TODAY);
        fixture.given(SENT, answered).when(new AnswerCopyNotice("n1", "again")).expectException(ConflictException.class).expectNoEvents();
        fixture.given(SENT, answered).when(new CheckCopyNoticeDeadline("n1", DUE.plusDays(5))).expectNoEvents();
    }

    @Test
    void unansweredItIsEscalatedTheDayAfterItsDeadlineOnce() {
        fixture.given(SENT).when(new CheckCopyNoticeDeadline("n1", DUE)).expectNoEvents();
        fixture.given(SENT).when(new CheckCopyNoticeDeadline("n1", DUE.plusDays(1)))
                .expectEvents(new CopyNoticeEscalated("n1", "xinqi", DUE, DUE.plusDays(1)));
        fixture.given(SENT, new CopyNoticeEscalated("n1", "xinqi", DUE, DUE.plusDays(1)))
                .when(new CheckCopyNoticeDeadline("n1", DUE.plusDays(2))).expectNoEvents();
    }
}
