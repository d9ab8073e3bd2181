package cn.duban.command.domain;

import cn.duban.kernel.command.AcceptInfoReport;
import cn.duban.kernel.command.CloseCampaign;
import cn.duban.kernel.command.DraftScheme;
import cn.duban.kernel.command.DraftSchemeVersion;
import cn.duban.kernel.command.PublishScheme;
import cn.duban.kernel.command.RecordCampaignProgress;
import cn.duban.kernel.command.RegisterUnit;
import cn.duban.kernel.command.RejectInfoReport;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.event.CampaignClosed;
import cn.duban.kernel.event.CampaignLaunched;
import cn.duban.kernel.event.CampaignProgressRecorded;
import cn.duban.kernel.event.InfoReportAccepted;
import cn.duban.kernel.event.InfoReportRejected;
import cn.duban.kernel.event.InfoReportSubmitted;
import cn.duban.kernel.event.SchemeDrafted;
import cn.duban.kernel.event.SchemePublished;
import cn.duban.kernel.event.UnitRegistered;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.unit.InfoLevel;
import cn.duban.kernel.unit.UnitType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

class AggregatesTest {
    static final LocalDate MARCH = LocalDate.of(2023, 3, 10);

    static SchemeDocument doc(int year, String title) {
        Rule quota = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.valueOf(2), null, null, null, null, null, null, null, null, null, null);
        return new SchemeDocument("beilun-2023", year, title, new BigDecimal("0.3"), List.of(
                new SchemeItem("S1.4", "基础工作", "业务培训", BigDecimal.valueOf(6), Base.FULL, null,
                        new AppliesTo(UnitType.STREET, null, null), List.of(quota), "业务培训1年2次以上")));
    }

    @Nested
    class Units {
        FixtureConfiguration<Unit> fixture = new AggregateTestFixture<>(Unit.class);

        @Test
        void registers() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnit("xinqi", " 新碶街道 ", UnitType.STREET))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UnitRegistered("xinqi", "新碶街道", UnitType.STREET));
        }
    }

    @Nested
    class Schemes {
        FixtureConfiguration<Scheme> fixture = new AggregateTestFixture<>(Scheme.class);
        SchemeDocument v1 = doc(2023, "北仑区2023年度考核");
        SchemeDocument v2 = doc(2023, "北仑区2023年度考核（修订）");

        @Test
        void draftsAValidDocumentAsVersionOne() {
            fixture.givenNoPriorActivity().when(new DraftScheme(v1)).expectEvents(new SchemeDrafted("beilun-2023", 1, v1));
        }

        @Test
        void refusesAnInvalidDocumentWholeAndStoresNothing() {
            SchemeDocument bad = new SchemeDocument("beilun-2023", 1990, "", null, List.of());
            fixture.givenNoPriorActivity().when(new DraftScheme(bad))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void publishesTheDraft() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1)).when(new PublishScheme("beilun-2023"))
                    .expectEvents(new SchemePublished("beilun-2023", 1, 2023));
        }

        @Test
        void aPublishedVersionCannotBePublishedAgain() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1), new SchemePublished("beilun-2023", 1, 2023))
                    .when(new PublishScheme("beilun-2023"))
                    .expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void amendmentsAreNewVersions() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1), new SchemePublished("beilun-2023", 1, 2023))
                    .when(new DraftSchemeVersion("beilun-2023", v2))
                    .expectEvents(new SchemeDrafted("beilun-2023", 2, v2));
        }

        @Test
        void aNewVersionKeepsTheIdAndTheYear() {
            fixture.given(new SchemeDrafted("beilun-2023", 1, v1))
                    .when(new DraftSchemeVersion("beilun-2023", doc(2024, "x")))
                    .expectException(InvalidInputException.class).expectNoEvents();
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
        FixtureConfiguration<Campaign> fixture = new AggregateTestFixture<>(Campaign.class);
        CampaignLaunched launched = new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", MARCH);

        @Test
        void recordsProgressWhileOpen() {
            fixture.given(launched).when(new RecordCampaignProgress("c1", "communities_rectified", BigDecimal.valueOf(3), MARCH.plusDays(5)))
                    .expectEvents(new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified", BigDecimal.valueOf(3), MARCH.plusDays(5)));
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
