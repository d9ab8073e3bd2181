package cn.duban.command.domain;

import cn.duban.kernel.command.AdjustScore;
import cn.duban.kernel.command.LaunchCampaign;
import cn.duban.kernel.command.RecordAchievement;
import cn.duban.kernel.command.RecordFailure;
import cn.duban.kernel.command.RecordTraining;
import cn.duban.kernel.command.ReportIndicator;
import cn.duban.kernel.command.SubmitInfoReport;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.event.AchievementRecorded;
import cn.duban.kernel.event.CampaignLaunched;
import cn.duban.kernel.event.IndicatorReported;
import cn.duban.kernel.event.InfoReportSubmitted;
import cn.duban.kernel.event.ScoreAdjusted;
import cn.duban.kernel.event.TrainingRecorded;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Given-when-then for the aggregates that record one fact each: created for a registered unit,
 * refused (nothing stored) when what they refer to does not exist.
 */
class FactAggregatesTest {
    static final LocalDate ON = LocalDate.of(2023, 4, 1);

    /** One registered unit (xinqi) and one scheme with a PER_FAILURE item and a discretionary one. */
    static final References REFERENCES = new References() {
        final SchemeDocument scheme = new SchemeDocument("beilun-2023", 2023, "考核", null, List.of(
                new SchemeItem("S1.1", "基础工作", "季度计划", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL,
                        List.of(new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.ONE, null)), null),
                new SchemeItem("S2.3", "管理工作", "企业主体责任", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL,
                        List.of(new Rule(RuleKind.DISCRETIONARY, null, null, null, null, null, null, null, null, null, null, null, null, null)), null)));

        @Override
        public void requireUnit(String unitId) {
            if (!unitId.equals("xinqi")) {
                throw new NotFoundException("unit not found: " + unitId);
            }
        }

        @Override
        public List<SchemeItem> requireItemsOf(String schemeId) {
            if (!schemeId.equals(scheme.id())) {
                throw new NotFoundException("scheme not found: " + schemeId);
            }
            return scheme.items();
        }

        @Override
        public SchemeItem requireItem(String schemeId, String itemCode) {
            if (!schemeId.equals(scheme.id())) {
                throw new NotFoundException("scheme not found: " + schemeId);
            }
            return scheme.item(itemCode).orElseThrow(() -> new InvalidInputException("itemCode", "no item " + itemCode));
        }

        /** Round "r1" has one finding, "f1", on xinqi's item S1.1. */
        @Override
        public FindingRef requireFinding(String roundId, String findingId) {
            if (!roundId.equals("r1") || !findingId.equals("f1")) {
                throw new NotFoundException("finding not found: " + findingId);
            }
            return new FindingRef("r1", "f1", "xinqi", "S1.1", "季度计划未按时报送");
        }

        @Override
        public String unitOf(cn.duban.kernel.assignment.FactLink link) {
            throw new NotFoundException("linked record not found: " + link.id());
        }
    };

    static <T> FixtureConfiguration<T> fixture(Class<T> type) {
        FixtureConfiguration<T> f = new AggregateTestFixture<>(type);
        f.registerInjectableResource(REFERENCES);
        return f;
    }

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
    class Adjustments {
        FixtureConfiguration<ScoreAdjustment> fixture = fixture(ScoreAdjustment.class);

        @Test
        void recordedWithItsReason() {
            fixture.givenNoPriorActivity().when(new AdjustScore("adj1", "xinqi", "beilun-2023", "S2.3", new BigDecimal("-1"), " 未开展 "))
                    .expectEvents(new ScoreAdjusted("adj1", "xinqi", "beilun-2023", "S2.3", new BigDecimal("-1"), "未开展"));
        }

        @Test
        void aZeroAdjustmentStoresNothing() {
            fixture.givenNoPriorActivity().when(new AdjustScore("a", "xinqi", "beilun-2023", "S2.3", new BigDecimal("0.00"), "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void unknownSchemeOrItemOrUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new AdjustScore("a", "xinqi", "no-scheme", "S2.3", BigDecimal.ONE, "r"))
                    .expectException(NotFoundException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new AdjustScore("a", "xinqi", "beilun-2023", "X9", BigDecimal.ONE, "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new AdjustScore("a", "nobody", "beilun-2023", "S2.3", BigDecimal.ONE, "r"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class SelfAssessments {
        FixtureConfiguration<SelfAssessment> fixture = fixture(SelfAssessment.class);

        @Test
        void recordedWithinTheItemsMax() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("5.5"), "一季度缺总结"))
                    .expectEvents(new cn.duban.kernel.event.SelfAssessmentRecorded("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("5.5"), "一季度缺总结"));
        }

        @Test
        void aboveTheMaxOrBelowZeroIsBadInput() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("7"), null))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("-1"), null))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordSelfAssessment("s1", "nobody", "beilun-2023", "S1.1", BigDecimal.ONE, null))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class NotificationInboxes {
        FixtureConfiguration<NotificationInbox> fixture = fixture(NotificationInbox.class);

        @Test
        void readOnceCreatedOnFirstUse() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.MarkNotificationRead("xinqi", "e1:xinqi"))
                    .expectEvents(new cn.duban.kernel.event.NotificationRead("xinqi", "e1:xinqi"));
            fixture.given(new cn.duban.kernel.event.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.command.MarkNotificationRead("xinqi", "e1:xinqi")).expectNoEvents();
        }

        @Test
        void onlyForARegisteredUnit() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.MarkNotificationRead("nobody", "e1:nobody"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        @Test
        void onlyTheUnitsOwnNotifications() {
            fixture.given(new cn.duban.kernel.event.NotificationRead("xinqi", "e1:xinqi"))
                    .when(new cn.duban.kernel.command.MarkNotificationRead("xinqi", "e2:daqi"))
                    .expectException(cn.duban.kernel.error.InvalidInputException.class).expectNoEvents();
        }
    }

    @Nested
    class Appeals {
        FixtureConfiguration<Appeal> fixture = fixture(Appeal.class);
        cn.duban.kernel.event.AppealFiled filed = new cn.duban.kernel.event.AppealFiled("ap1", "xinqi", "beilun-2023", "S1.1", "已补交总结");

        @Test
        void filedOnAnItemThenDecidedOnce() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.FileAppeal("ap1", "xinqi", "beilun-2023", "S1.1", " 已补交总结 "))
                    .expectEvents(filed);
            fixture.given(filed).when(new cn.duban.kernel.command.DecideAppeal("ap1", true, BigDecimal.ONE, "核实属实"))
                    .expectEvents(new cn.duban.kernel.event.AppealUpheld("ap1", "xinqi", "beilun-2023", "S1.1", BigDecimal.ONE, "核实属实"));
            fixture.given(filed).when(new cn.duban.kernel.command.DecideAppeal("ap1", false, null, "材料不足"))
                    .expectEvents(new cn.duban.kernel.event.AppealRejected("ap1", "xinqi", "beilun-2023", "S1.1", "材料不足"));
            fixture.given(filed, new cn.duban.kernel.event.AppealRejected("ap1", "xinqi", "beilun-2023", "S1.1", "材料不足"))
                    .when(new cn.duban.kernel.command.DecideAppeal("ap1", true, BigDecimal.ONE, "again"))
                    .expectException(cn.duban.kernel.error.ConflictException.class).expectNoEvents();
        }

        @Test
        void aReasonAndAnExistingItemAreRequired() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.FileAppeal("ap1", "xinqi", "beilun-2023", "S1.1", " "))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.FileAppeal("ap1", "xinqi", "beilun-2023", "NOPE", "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }

    @Nested
    class Vetoes {
        FixtureConfiguration<Veto> fixture = fixture(Veto.class);

        @Test
        void recordedWithItsReason() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordVeto("v1", "xinqi", "beilun-2023", " 重大安全事故 "))
                    .expectEvents(new cn.duban.kernel.event.VetoRecorded("v1", "xinqi", "beilun-2023", "重大安全事故"));
        }

        @Test
        void noReasonOrNoSchemeStoresNothing() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordVeto("v1", "xinqi", "beilun-2023", " "))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.command.RecordVeto("v1", "xinqi", "nope", "r"))
                    .expectException(NotFoundException.class).expectNoEvents();
        }
    }

    @Nested
    class Failures {
        FixtureConfiguration<AssessorFailure> fixture = fixture(AssessorFailure.class);

        @Test
        void recordedOnAPerFailureItem() {
            fixture.givenNoPriorActivity().when(new RecordFailure("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON))
                    .expectEvents(new cn.duban.kernel.event.FailureRecorded("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON));
        }

        @Test
        void onlyOnItemsScoredPerFailure() {
            fixture.givenNoPriorActivity().when(new RecordFailure("f1", "xinqi", "beilun-2023", "S2.3", "r", ON))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }
}
