package cn.duban.command.assessment;

import cn.duban.kernel.assessment.AdjustScore;
import cn.duban.kernel.assessment.RecordFailure;
import cn.duban.kernel.assessment.ScoreAdjusted;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.duban.command.common.AggregateFixtures.ON;
import static cn.duban.command.common.AggregateFixtures.fixture;

/** Given-when-then for the lead office's assessment records, self-assessment and appeals. */
class AssessmentAggregatesTest {
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

        /** An item the unit is not assessed on would be stored and then counted nowhere. */
        @Test
        void anItemThatDoesNotAssessTheUnitStoresNothing() {
            fixture.givenNoPriorActivity().when(new AdjustScore("a", "xinqi", "beilun-2023", "D1.1", BigDecimal.ONE, "r"))
                    .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("该项目不考核此单位"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SelfAssessments {
        FixtureConfiguration<SelfAssessment> fixture = fixture(SelfAssessment.class);

        @Test
        void recordedWithinTheItemsMax() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("5.5"), "一季度缺总结"))
                    .expectEvents(new cn.duban.kernel.assessment.SelfAssessmentRecorded("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("5.5"), "一季度缺总结"));
        }

        @Test
        void aboveTheMaxOrBelowZeroIsBadInput() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("7"), null))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "S1.1", new BigDecimal("-1"), null))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.RecordSelfAssessment("s1", "nobody", "beilun-2023", "S1.1", BigDecimal.ONE, null))
                    .expectException(NotFoundException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.RecordSelfAssessment("s1", "xinqi", "beilun-2023", "D1.1", BigDecimal.ONE, null))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }

    @Nested
    class Appeals {
        FixtureConfiguration<Appeal> fixture = fixture(Appeal.class);
        cn.duban.kernel.assessment.AppealFiled filed = new cn.duban.kernel.assessment.AppealFiled("ap1", "xinqi", "beilun-2023", "S1.1", "已补交总结");

        @Test
        void filedOnAnItemThenDecidedOnce() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.FileAppeal("ap1", "xinqi", "beilun-2023", "S1.1", " 已补交总结 "))
                    .expectEvents(filed);
            fixture.given(filed).when(new cn.duban.kernel.assessment.DecideAppeal("ap1", true, BigDecimal.ONE, "核实属实"))
                    .expectEvents(new cn.duban.kernel.assessment.AppealUpheld("ap1", "xinqi", "beilun-2023", "S1.1", BigDecimal.ONE, "核实属实"));
            fixture.given(filed).when(new cn.duban.kernel.assessment.DecideAppeal("ap1", false, null, "材料不足"))
                    .expectEvents(new cn.duban.kernel.assessment.AppealRejected("ap1", "xinqi", "beilun-2023", "S1.1", "材料不足"));
            fixture.given(filed, new cn.duban.kernel.assessment.AppealRejected("ap1", "xinqi", "beilun-2023", "S1.1", "材料不足"))
                    .when(new cn.duban.kernel.assessment.DecideAppeal("ap1", true, BigDecimal.ONE, "again"))
                    .expectException(cn.duban.kernel.error.ConflictException.class).expectNoEvents();
        }

        @Test
        void anAppealOnAnItemThatDoesNotAssessTheUnitIsBadInput() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.FileAppeal("ap2", "xinqi", "beilun-2023", "D1.1", "部门项目"))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        /** 撤回: an appeal not yet decided is withdrawn once, with its reason, by its unit or the lead office; then nothing is left to decide. */
        @Test
        void anUndecidedAppealIsWithdrawnOnceByItsUnitOrTheLeadOfficeAndThenCannotBeDecided() {
            var xinqiStaff = org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF")
                    .and(cn.duban.platform.axon.Audit.UNIT, "xinqi");
            var daqiStaff = org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF")
                    .and(cn.duban.platform.axon.Audit.UNIT, "daqi");
            var leadOffice = org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ROLE, "LEAD_OFFICE");
            var withdrawn = new cn.duban.kernel.assessment.AppealWithdrawn("ap1", "xinqi", "beilun-2023", "S1.1", "已与考核组沟通");
            fixture.given(filed).when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", " 已与考核组沟通 "), xinqiStaff)
                    .expectEvents(withdrawn);
            fixture.given(filed).when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", "已与考核组沟通"), leadOffice)
                    .expectEvents(withdrawn);
            fixture.given(filed).when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", "x"), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
            fixture.given(filed).when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", " "), xinqiStaff)
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.given(filed, withdrawn).when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", "again"), xinqiStaff)
                    .expectException(cn.duban.kernel.error.ConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回")).expectNoEvents();
            fixture.given(filed, withdrawn).when(new cn.duban.kernel.assessment.DecideAppeal("ap1", true, BigDecimal.ONE, "核实属实"))
                    .expectException(cn.duban.kernel.error.ConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("已撤回")).expectNoEvents();
            fixture.given(filed, new cn.duban.kernel.assessment.AppealRejected("ap1", "xinqi", "beilun-2023", "S1.1", "材料不足"))
                    .when(new cn.duban.kernel.assessment.WithdrawAppeal("ap1", "晚了"), xinqiStaff)
                    .expectException(cn.duban.kernel.error.ConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("已处理")).expectNoEvents();
        }

        @Test
        void aReasonAndAnExistingItemAreRequired() {
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.FileAppeal("ap1", "xinqi", "beilun-2023", "S1.1", " "))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new cn.duban.kernel.assessment.FileAppeal("ap1", "xinqi", "beilun-2023", "NOPE", "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }

    @Nested
    class Failures {
        FixtureConfiguration<AssessorFailure> fixture = fixture(AssessorFailure.class);

        @Test
        void recordedOnAPerFailureItem() {
            fixture.givenNoPriorActivity().when(new RecordFailure("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON))
                    .expectEvents(new cn.duban.kernel.assessment.FailureRecorded("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON));
        }

        @Test
        void onlyOnItemsScoredPerFailure() {
            fixture.givenNoPriorActivity().when(new RecordFailure("f1", "xinqi", "beilun-2023", "S2.3", "r", ON))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }
}
