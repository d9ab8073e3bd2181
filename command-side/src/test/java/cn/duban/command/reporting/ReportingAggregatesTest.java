package cn.duban.command.reporting;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.CampaignClosed;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.WithdrawCampaignProgress;
import cn.duban.kernel.reporting.WithdrawCampaign;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.CloseCampaign;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.reporting.WithdrawInfoReport;
import cn.duban.kernel.reporting.WithdrawTraining;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.WithdrawAchievement;
import cn.duban.kernel.reporting.WithdrawIndicatorReport;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.scheme.FactKind;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.ON;
import static cn.duban.command.common.AggregateFixtures.fixture;
import static cn.duban.command.common.AggregateFixtures.MARCH;

/** Given-when-then for what units report: recorded for a registered unit, refused (nothing stored) when what they refer to does not exist, and the review of information reports and campaigns. */
class ReportingAggregatesTest {
    @Nested
    class Trainings {
        FixtureConfiguration<Training> fixture = fixture(Training.class);

        @Test
        void recorded() {
            fixture.givenNoPriorActivity().when(new RecordTraining("t1", "xinqi", ON, " 专管员培训 ", 40, BigDecimal.valueOf(2)))
                    .expectEvents(new TrainingRecorded("t1", "xinqi", ON, "专管员培训", 40, BigDecimal.valueOf(2)));
        }

        @Test
        void unknownUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new RecordTraining("t1", "nobody", ON, "x", 1, BigDecimal.ONE))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        /** The fixtures' today is 2023-12-31: a training held on it is recorded, one the day after is not yet held. */
        @Test
        void aTrainingNotYetHeldIsRefusedAndStoresNothing() {
            java.time.LocalDate today = java.time.LocalDate.of(2023, 12, 31);
            fixture.givenNoPriorActivity().when(new RecordTraining("t1", "xinqi", today, "年终培训", 10, BigDecimal.ONE))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity().when(new RecordTraining("t1", "xinqi", today.plusDays(1), "明年的培训", 10, BigDecimal.ONE))
                    .expectException(cn.duban.kernel.error.InvalidInputException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("heldOn"))
                    .expectNoEvents();
        }
    }

    /** 撤回: a record entered in error is withdrawn once, with its reason, by its unit or the lead office. */
    @Nested
    class Withdrawals {
        final org.axonframework.messaging.MetaData xinqiStaff = org.axonframework.messaging.MetaData
                .with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF").and(cn.duban.platform.axon.Audit.UNIT, "xinqi");
        final org.axonframework.messaging.MetaData daqiStaff = org.axonframework.messaging.MetaData
                .with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF").and(cn.duban.platform.axon.Audit.UNIT, "daqi");
        final org.axonframework.messaging.MetaData leadOffice = org.axonframework.messaging.MetaData
                .with(cn.duban.platform.axon.Audit.ROLE, "LEAD_OFFICE");
        final TrainingRecorded held = new TrainingRecorded("t1", "xinqi", ON, "专管员培训", 40, BigDecimal.valueOf(2));
        final InfoReportSubmitted submitted = new InfoReportSubmitted("r1", "xinqi", "工作动态", ON);
        FixtureConfiguration<Training> trainings = fixture(Training.class);
        FixtureConfiguration<InfoReport> reports = fixture(InfoReport.class);

        @Test
        void aTrainingIsWithdrawnByItsUnitWithTheReasonStripped() {
            trainings.given(held).when(new WithdrawTraining("t1", " 日期填错 "), xinqiStaff)
                    .expectEvents(new TrainingWithdrawn("t1", "xinqi", "日期填错"));
        }

        @Test
        void theLeadOfficeWithdrawsAnyUnitsTraining() {
            trainings.given(held).when(new WithdrawTraining("t1", "重复录入"), leadOffice)
                    .expectEvents(new TrainingWithdrawn("t1", "xinqi", "重复录入"));
        }

        @Test
        void anotherUnitsStaffIsRefusedAndNothingIsStored() {
            trainings.given(held).when(new WithdrawTraining("t1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
            reports.given(submitted).when(new WithdrawInfoReport("r1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
        }

        @Test
        void aTrainingIsWithdrawnOnceOnly() {
            trainings.given(held, new TrainingWithdrawn("t1", "xinqi", "日期填错")).when(new WithdrawTraining("t1", "again"), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
        }

        @Test
        void aReportAwaitingReviewIsWithdrawnAndThenCannotBeDecided() {
            reports.given(submitted).when(new WithdrawInfoReport("r1", "发错了"), xinqiStaff)
                    .expectEvents(new InfoReportWithdrawn("r1", "xinqi", "发错了"));
            reports.given(submitted, new InfoReportWithdrawn("r1", "xinqi", "发错了")).when(new AcceptInfoReport("r1", InfoLevel.GENERAL))
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
        }

        @Test
        void anAchievementIsWithdrawnOnceByItsUnitOrTheLeadOfficeOnly() {
            AchievementRecorded published = new AchievementRecorded("a1", "xinqi", FactKind.MEDIA_PUBLICATION, "CITY", "宁波日报刊发", ON);
            FixtureConfiguration<Achievement> achievements = fixture(Achievement.class);
            achievements.given(published).when(new WithdrawAchievement("a1", " 级别填错 "), xinqiStaff)
                    .expectEvents(new AchievementWithdrawn("a1", "xinqi", "级别填错"));
            achievements.given(published).when(new WithdrawAchievement("a1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
            achievements.given(published, new AchievementWithdrawn("a1", "xinqi", "级别填错")).when(new WithdrawAchievement("a1", "x"), leadOffice)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
        }

        /** A figure is a record by the event that reported it: the withdrawal names that event, as a sample would. */
        @Test
        void anIndicatorFigureIsWithdrawnNamingTheEventThatReportedIt() {
            FixtureConfiguration<IndicatorReport> figures = fixture(IndicatorReport.class);
            IndicatorReported reported = new IndicatorReported("f1", "xinqi", "registration_rate", 2023, new BigDecimal("59.1"), null, null);
            figures.given(reported).when(new WithdrawIndicatorReport("f1", "应为95.1"), xinqiStaff)
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    new org.hamcrest.CustomTypeSafeMatcher<IndicatorReportWithdrawn>("f1 withdrawn, naming the event that reported it") {
                                        @Override
                                        protected boolean matchesSafely(IndicatorReportWithdrawn e) {
                                            // The fixture gives its events ids of its own; the withdrawal must name the one it gave.
                                            return e.reportId().equals("f1") && e.unitId().equals("xinqi") && e.reason().equals("应为95.1")
                                                    && e.reportedEventId() != null && !e.reportedEventId().isBlank();
                                        }
                                    }),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
            figures.given(reported).when(new WithdrawIndicatorReport("f1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
        }

        /** A step of a campaign is a record by the event that recorded it; it is withdrawn by that id, once, while the campaign is open. */
        @Test
        void aCampaignStepIsWithdrawnByTheEventThatRecordedItOnceWhileTheCampaignIsOpen() {
            FixtureConfiguration<Campaign> campaigns = fixture(Campaign.class);
            CampaignLaunched launched = new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON);
            CampaignProgressRecorded step = new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified",
                    BigDecimal.valueOf(30), ON.plusDays(3));
            var history = campaigns.given(launched, step);
            String id = stepId(campaigns);
            history.when(new WithdrawCampaignProgress("c1", id, " 应为3 "), xinqiStaff)
                    .expectEvents(new CampaignProgressWithdrawn("c1", "xinqi", id, "应为3"));

            history = campaigns.given(launched, step);
            history.when(new WithdrawCampaignProgress("c1", stepId(campaigns), "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();

            campaigns.given(launched, step).when(new WithdrawCampaignProgress("c1", "no-such-step", "x"), leadOffice)
                    .expectException(NotFoundException.class).expectNoEvents();

            history = campaigns.given(launched, step);
            id = stepId(campaigns);
            history.andGiven(new CampaignProgressWithdrawn("c1", "xinqi", id, "应为3")).when(new WithdrawCampaignProgress("c1", id, "x"), leadOffice)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();

            history = campaigns.given(launched, step);
            id = stepId(campaigns);
            history.andGiven(new CampaignClosed("c1", "xinqi", "GROUP_RENTAL", ON.plusDays(9), null))
                    .when(new WithdrawCampaignProgress("c1", id, "x"), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已结束"))
                    .expectNoEvents();
        }

        /**
         * A campaign entered in error is withdrawn whole, by its unit or the lead office, open or closed,
         * once; afterwards it takes no step, no closing and no step's withdrawal.
         */
        @Test
        void aWholeCampaignIsWithdrawnOnceOpenOrClosedAndTakesNothingAfter() {
            FixtureConfiguration<Campaign> campaigns = fixture(Campaign.class);
            CampaignLaunched launched = new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON);
            CampaignProgressRecorded step = new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified",
                    BigDecimal.valueOf(30), ON.plusDays(3));
            CampaignClosed closed = new CampaignClosed("c1", "xinqi", "GROUP_RENTAL", ON.plusDays(9), null);
            CampaignWithdrawn withdrawn = new CampaignWithdrawn("c1", "xinqi", "重复启动");
            campaigns.given(launched, step).when(new WithdrawCampaign("c1", " 重复启动 "), xinqiStaff).expectEvents(withdrawn);
            campaigns.given(launched, step, closed).when(new WithdrawCampaign("c1", "重复启动"), leadOffice).expectEvents(withdrawn);
            campaigns.given(launched).when(new WithdrawCampaign("c1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();

            campaigns.given(launched, withdrawn).when(new WithdrawCampaign("c1", "x"), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
            campaigns.given(launched, withdrawn).when(new RecordCampaignProgress("c1", "shops_closed", BigDecimal.ONE, ON.plusDays(4)), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
            campaigns.given(launched, withdrawn).when(new CloseCampaign("c1", ON.plusDays(9), null), xinqiStaff)
                    .expectException(ConflictException.class).expectNoEvents();
            var history = campaigns.given(launched, step);
            String id = stepId(campaigns);
            history.andGiven(withdrawn).when(new WithdrawCampaignProgress("c1", id, "x"), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回"))
                    .expectNoEvents();
        }

        /** The id the fixture gave the campaign's latest step of progress. */
        private String stepId(FixtureConfiguration<Campaign> campaigns) {
            return campaigns.getEventStore().readEvents("c1").asStream().filter(m -> m.getPayload() instanceof CampaignProgressRecorded)
                    .reduce((a, b) -> b).orElseThrow().getIdentifier();
        }

        @Test
        void aDecidedReportIsNoLongerWithdrawn() {
            reports.given(submitted, new InfoReportAccepted("r1", "xinqi", InfoLevel.GENERAL, ON)).when(new WithdrawInfoReport("r1", "x"), xinqiStaff)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已录用"))
                    .expectNoEvents();
            reports.given(submitted, new InfoReportRejected("r1", "xinqi", "不符", ON)).when(new WithdrawInfoReport("r1", "x"), leadOffice)
                    .expectException(ConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("已退回"))
                    .expectNoEvents();
        }
    }

    @Nested
    class InfoReportSubmission {
        FixtureConfiguration<InfoReport> fixture = fixture(InfoReport.class);

        @Test
        void submitted() {
            fixture.givenNoPriorActivity().when(new SubmitInfoReport("r1", "xinqi", "工作动态", ON))
                    .expectEvents(new InfoReportSubmitted("r1", "xinqi", "工作动态", ON));
        }

        @Test
        void unknownUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new SubmitInfoReport("r1", "nobody", "x", ON))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class CampaignLaunch {
        FixtureConfiguration<Campaign> fixture = fixture(Campaign.class);

        @Test
        void aKindTheDistrictDoesNotRunIsRefusedAndOtherIsKept() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign("c1", "xinqi", "NOPE", "整治", ON))
                    .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("kind"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity().when(new LaunchCampaign("c1", "xinqi", "OTHER", "消防安全整治", ON))
                    .expectEvents(new CampaignLaunched("c1", "xinqi", "OTHER", "消防安全整治", ON));
        }

        @Test
        void launched() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON))
                    .expectEvents(new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON));
        }

        @Test
        void unknownUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new LaunchCampaign("c1", "nobody", "GROUP_RENTAL", "x", ON))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class Indicators {
        FixtureConfiguration<IndicatorReport> fixture = fixture(IndicatorReport.class);

        @Test
        void aFigureForAYearNotYetBegunIsRefusedAndStoresNothing() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.reporting.ReportIndicator("i9", "xinqi", "registration_rate", 2024,
                            BigDecimal.valueOf(95), null, null))
                    .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("year"))
                    .expectNoEvents();
        }

        @Test
        void reported() {
            fixture.givenNoPriorActivity().when(new ReportIndicator("i1", "xinqi", "registration_rate", 2023, new BigDecimal("96.5"), null, null))
                    .expectEvents(new IndicatorReported("i1", "xinqi", "registration_rate", 2023, new BigDecimal("96.5"), null, null));
        }

        @Test
        void unknownUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new ReportIndicator("i1", "nobody", "registration_rate", 2023, BigDecimal.TEN, null, null))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        /** The rate must match its counts on every path, not only over HTTP (the demo sends commands directly). */
        @Test
        void aRateThatDoesNotMatchItsCountsStoresNothing() {
            fixture.givenNoPriorActivity().when(new ReportIndicator("i1", "xinqi", "registration_rate", 2023, new BigDecimal("96.5"),
                            BigDecimal.valueOf(90), BigDecimal.valueOf(100)))
                    .expectException(cn.duban.kernel.error.InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new ReportIndicator("i1", "xinqi", "registration_rate", 2023, new BigDecimal("90"),
                            BigDecimal.valueOf(90), BigDecimal.valueOf(100)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Achievements {
        FixtureConfiguration<Achievement> fixture = fixture(Achievement.class);

        @Test
        void recorded() {
            fixture.givenNoPriorActivity().when(new RecordAchievement("a1", "xinqi", FactKind.MEDIA_PUBLICATION, "PROVINCE", "浙江日报", ON))
                    .expectEvents(new AchievementRecorded("a1", "xinqi", FactKind.MEDIA_PUBLICATION, "PROVINCE", "浙江日报", ON));
        }

        @Test
        void onlyAchievementKinds() {
            fixture.givenNoPriorActivity().when(new RecordAchievement("a1", "xinqi", FactKind.TRAINING, "CITY", "t", ON))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void unknownUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new RecordAchievement("a1", "nobody", FactKind.PROMOTION, "CITY", "t", ON))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class InfoReports {
        FixtureConfiguration<InfoReport> fixture = new AggregateTestFixture<>(InfoReport.class);
        InfoReportSubmitted submitted = new InfoReportSubmitted("r1", "xinqi", "流动人口工作动态", MARCH);

        @Test
        void acceptsAtALevel() {
            fixture.given(submitted).when(new AcceptInfoReport("r1", InfoLevel.TYPICAL))
                    .expectEvents(new InfoReportAccepted("r1", "xinqi", InfoLevel.TYPICAL, MARCH));
        }

        @Test
        void rejectsWithAReason() {
            fixture.given(submitted).when(new RejectInfoReport("r1", " 内容重复 "))
                    .expectEvents(new InfoReportRejected("r1", "xinqi", "内容重复", MARCH));
        }

        @Test
        void acceptingTwiceIsAConflict() {
            fixture.given(submitted, new InfoReportAccepted("r1", "xinqi", InfoLevel.GENERAL, MARCH))
                    .when(new AcceptInfoReport("r1", InfoLevel.TYPICAL))
                    .expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void aRejectedReportCannotBeAccepted() {
            fixture.given(submitted, new InfoReportRejected("r1", "xinqi", "no", MARCH))
                    .when(new AcceptInfoReport("r1", InfoLevel.GENERAL))
                    .expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void anAcceptedReportCannotBeRejected() {
            fixture.given(submitted, new InfoReportAccepted("r1", "xinqi", InfoLevel.GENERAL, MARCH))
                    .when(new RejectInfoReport("r1", "late"))
                    .expectException(ConflictException.class).expectNoEvents();
        }
    }

    @Nested
    class Campaigns {
        FixtureConfiguration<Campaign> fixture = fixture(Campaign.class);
        CampaignLaunched launched = new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", MARCH);

        @Test
        void recordsProgressWhileOpen() {
            fixture.given(launched).when(new RecordCampaignProgress("c1", "communities_rectified", BigDecimal.valueOf(3), MARCH.plusDays(5)))
                    .expectEvents(new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified", BigDecimal.valueOf(3), MARCH.plusDays(5)));
        }

        @Test
        void progressCarriesItsLedgerFilesNamedByHash() {
            String photo = "b".repeat(64);
            fixture.given(launched).when(new RecordCampaignProgress("c1", "communities_rectified", BigDecimal.ONE, MARCH.plusDays(9), List.of(photo)))
                    .expectEvents(new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified", BigDecimal.ONE,
                            MARCH.plusDays(9), List.of(new cn.duban.kernel.material.Material(photo, "bbbbbb.pdf", "application/pdf", 1))));
        }

        @Test
        void progressBeforeTheLaunchIsBadInput() {
            fixture.given(launched).when(new RecordCampaignProgress("c1", "shops_closed", BigDecimal.ONE, MARCH.minusDays(1)))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void closes() {
            fixture.given(launched).when(new CloseCampaign("c1", MARCH.plusMonths(2), "完成"))
                    .expectEvents(new CampaignClosed("c1", "xinqi", "GROUP_RENTAL", MARCH.plusMonths(2), "完成"));
        }

        @Test
        void noProgressOrSecondClosureAfterClosing() {
            CampaignClosed closed = new CampaignClosed("c1", "xinqi", "GROUP_RENTAL", MARCH.plusMonths(2), null);
            fixture.given(launched, closed).when(new RecordCampaignProgress("c1", "shops_closed", BigDecimal.ONE, MARCH.plusMonths(3)))
                    .expectException(ConflictException.class).expectNoEvents();
            fixture.given(launched, closed).when(new CloseCampaign("c1", MARCH.plusMonths(3), null))
                    .expectException(ConflictException.class).expectNoEvents();
        }
    }
}
