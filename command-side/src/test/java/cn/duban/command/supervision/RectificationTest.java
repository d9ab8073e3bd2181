package cn.duban.command.supervision;

import cn.duban.command.common.AggregateFixtures;
import cn.duban.kernel.calendar.WorkingDayCalendar;
import cn.duban.kernel.supervision.CheckRectificationDeadline;
import cn.duban.kernel.supervision.OrderRectification;
import cn.duban.kernel.supervision.RejectRectification;
import cn.duban.kernel.supervision.ReportRectification;
import cn.duban.kernel.supervision.VerifyRectification;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.RectificationReported;
import cn.duban.kernel.supervision.RectificationVerified;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

class RectificationTest {
    /** Monday 25 September 2023, 10:00 in Ningbo: the National Day holiday is four days away. */
    static final Instant NOW = Instant.parse("2023-09-25T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2023, 9, 25);
    /** 20 working days: 26–28 Sep, the worked weekend 7–8 Oct, then 9–13, 16–20, 23–27 Oct → Friday 27 Oct. */
    static final LocalDate DUE = LocalDate.of(2023, 10, 27);
    static final RectificationOrdered ORDERED = new RectificationOrdered("rect:f1", "r1", "f1", "xinqi", "S1.1", "季度计划未按时报送",
            "补报计划并建立报送台账", TODAY, 20, DUE);

    FixtureConfiguration<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
        fixture.registerInjectableResource(AggregateFixtures.REFERENCES);
        fixture.registerInjectableResource(WorkingDayCalendar.chinaMainland());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theDefaultDeadlineIsTwentyWorkingDaysSkippingTheNationalDayHolidayAndCountingItsWorkedWeekend() {
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", " 补报计划并建立报送台账 ", null, null))
                .expectEvents(ORDERED);
    }

    @Test
    void anExplicitDeadlineOrNumberOfWorkingDays() {
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", "补报", 5, null))
                .expectEvents(new RectificationOrdered("rect:f1", "r1", "f1", "xinqi", "S1.1", "季度计划未按时报送", "补报", TODAY, 5,
                        LocalDate.of(2023, 10, 8)));
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", "补报", null, LocalDate.of(2023, 10, 31)))
                .expectEvents(new RectificationOrdered("rect:f1", "r1", "f1", "xinqi", "S1.1", "季度计划未按时报送", "补报", TODAY, null,
                        LocalDate.of(2023, 10, 31)));
    }

    @Test
    void refusedWithNothingStored() {
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f9", "r1", "f9", "补报", null, null))
                .expectException(NotFoundException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", " ", null, null))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", "补报", 0, null))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OrderRectification("rect:f1", "r1", "f1", "补报", null, TODAY))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void aReportCarriesTheFilesUploadedForTheUnit() {
        String sheet = "c".repeat(64);
        fixture.given(ORDERED).when(new ReportRectification("rect:f1", "整改台账见附件", List.of(), List.of(sheet)))
                .expectEvents(new RectificationReported("rect:f1", "xinqi", "整改台账见附件", List.of(), TODAY,
                        List.of(new cn.duban.kernel.material.Material(sheet, "cccccc.pdf", "application/pdf", 1))));
    }

    @Test
    void reportThenVerify() {
        RectificationReported reported = new RectificationReported("rect:f1", "xinqi", "已补报", List.of("e7"), TODAY);
        fixture.given(ORDERED).when(new ReportRectification("rect:f1", "已补报", List.of("e7"))).expectEvents(reported);
        fixture.given(ORDERED, reported).when(new VerifyRectification("rect:f1", "核实到位"))
                .expectEvents(new RectificationVerified("rect:f1", "xinqi", "核实到位"));
        fixture.given(ORDERED, reported).when(new ReportRectification("rect:f1", "再报", null))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(ORDERED).when(new VerifyRectification("rect:f1", null))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aRejectedReportMustBeRedoneAndARejectionNeedsItsReason() {
        RectificationReported reported = new RectificationReported("rect:f1", "xinqi", "已补报", List.of(), TODAY);
        fixture.given(ORDERED, reported).when(new RejectRectification("rect:f1", " "))
                .expectException(InvalidInputException.class).expectNoEvents();
        RectificationRejected rejected = new RectificationRejected("rect:f1", "xinqi", "台账未建立");
        fixture.given(ORDERED, reported).when(new RejectRectification("rect:f1", "台账未建立")).expectEvents(rejected);
        fixture.given(ORDERED, reported, rejected).when(new ReportRectification("rect:f1", "台账已建立", null))
                .expectEvents(new RectificationReported("rect:f1", "xinqi", "台账已建立", List.of(), TODAY));
    }

    @Test
    void notReportedByTheDeadlineEscalatesToListedSupervisionTheDayAfterOnce() {
        fixture.given(ORDERED).when(new CheckRectificationDeadline("rect:f1", DUE)).expectNoEvents().expectResultMessagePayload(false);
        RectificationEscalated escalated = new RectificationEscalated("rect:f1", "xinqi", DUE, DUE.plusDays(1));
        fixture.given(ORDERED).when(new CheckRectificationDeadline("rect:f1", DUE.plusDays(1))).expectEvents(escalated)
                .expectResultMessagePayload(true);
        fixture.given(ORDERED, escalated).when(new CheckRectificationDeadline("rect:f1", DUE.plusDays(2))).expectNoEvents();
    }

    @Test
    void aReportAwaitingVerificationOrAVerifiedOneIsNotEscalated_aRejectedOneIs() {
        RectificationReported reported = new RectificationReported("rect:f1", "xinqi", "已补报", List.of(), TODAY);
        fixture.given(ORDERED, reported).when(new CheckRectificationDeadline("rect:f1", DUE.plusDays(3))).expectNoEvents();
        fixture.given(ORDERED, reported, new RectificationVerified("rect:f1", "xinqi", null))
                .when(new CheckRectificationDeadline("rect:f1", DUE.plusDays(3))).expectNoEvents();
        fixture.given(ORDERED, reported, new RectificationRejected("rect:f1", "xinqi", "不到位"))
                .when(new CheckRectificationDeadline("rect:f1", DUE.plusDays(3)))
                .expectEvents(new RectificationEscalated("rect:f1", "xinqi", DUE, DUE.plusDays(3)));
    }
}
