package cn.duban.command.supervision;

import cn.duban.command.common.EventPositions;
import cn.duban.command.common.AggregateFixtures;
import cn.duban.kernel.supervision.CloseInspectionRound;
import cn.duban.kernel.supervision.OpenInspectionRound;
import cn.duban.kernel.supervision.PublishInspectionRound;
import cn.duban.kernel.supervision.RecordFinding;
import cn.duban.kernel.supervision.SetInspectionScore;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.supervision.FindingRecorded;
import cn.duban.kernel.supervision.InspectionRoundClosed;
import cn.duban.kernel.supervision.InspectionRoundOpened;
import cn.duban.kernel.supervision.InspectionRoundPublished;
import cn.duban.kernel.supervision.InspectionScoreSet;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.Severity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class InspectionRoundTest {
    static final Instant NOW = Instant.parse("2023-07-01T00:00:00Z");
    static final Instant CUTOFF = Instant.parse("2023-06-30T16:00:00Z");
    static final InspectionRoundOpened OPENED = new InspectionRoundOpened("r1", "beilun-2023", RoundKind.MID_YEAR, "2023年上半年督查", CUTOFF, 41);

    FixtureConfiguration<InspectionRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionRound.class);
        fixture.registerInjectableResource(AggregateFixtures.REFERENCES);
        fixture.registerInjectableResource((EventPositions) at -> at.equals(CUTOFF) ? 41 : -1);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void openingFreezesTheEventPositionAtTheCutoff() {
        fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.MID_YEAR, " 2023年上半年督查 ", CUTOFF))
                .expectEvents(OPENED);
    }

    @Test
    void anUnannouncedRoundSaysSo() {
        InspectionRoundOpened opened = OPENED;
        fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.MID_YEAR, " 2023年上半年督查 ", CUTOFF,
                        cn.duban.kernel.supervision.InspectionMethod.UNANNOUNCED))
                .expectEvents(new InspectionRoundOpened(opened.roundId(), opened.schemeId(), opened.kind(), opened.title(), opened.cutoff(),
                        opened.baselinePosition(), cn.duban.kernel.supervision.InspectionMethod.UNANNOUNCED));
    }

    @Test
    void aCutoffInTheFutureOrAnUnknownSchemeIsRefused() {
        fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.MID_YEAR, "x", NOW.plusSeconds(1)))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "nope", RoundKind.MID_YEAR, "x", CUTOFF))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void findingsAndScoresWhileOpenAScoreNeedsAReason() {
        fixture.given(OPENED).when(new RecordFinding("r1", "f1", "xinqi", "S1.1", "二季度无工作总结", Severity.MAJOR, List.of("e1")))
                .expectEvents(new FindingRecorded("r1", "f1", "xinqi", "S1.1", "二季度无工作总结", Severity.MAJOR, List.of("e1")));
        fixture.given(OPENED).when(new SetInspectionScore("r1", "xinqi", new BigDecimal("88.5"), "现场检查台账不全"))
                .expectEvents(new InspectionScoreSet("r1", "xinqi", new BigDecimal("88.5"), "现场检查台账不全"));
        fixture.given(OPENED).when(new SetInspectionScore("r1", "xinqi", new BigDecimal("88.5"), " "))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(OPENED).when(new RecordFinding("r1", "f1", "nobody", null, "x", Severity.MINOR, List.of()))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void closedThenPublishedAndThenFinal() {
        fixture.given(OPENED).when(new CloseInspectionRound("r1")).expectEvents(new InspectionRoundClosed("r1"));
        fixture.given(OPENED).when(new PublishInspectionRound("r1")).expectException(ConflictException.class).expectNoEvents();
        fixture.given(OPENED, new InspectionRoundClosed("r1")).when(new PublishInspectionRound("r1"))
                .expectEvents(new InspectionRoundPublished("r1"));
        fixture.given(OPENED, new InspectionRoundClosed("r1"))
                .when(new SetInspectionScore("r1", "xinqi", BigDecimal.TEN, "late")).expectException(ConflictException.class).expectNoEvents();
        fixture.given(OPENED, new InspectionRoundClosed("r1"), new InspectionRoundPublished("r1"))
                .when(new PublishInspectionRound("r1")).expectException(ConflictException.class).expectNoEvents();
    }

    /** 互查 (seed 003): units inspect each other under the lead office; a unit's finding stands once a supervisor confirms it. */
    @org.junit.jupiter.api.Nested
    class MutualInspection {
        final InspectionRoundOpened mutual = new InspectionRoundOpened("r1", "beilun-2023", RoundKind.SPECIAL, "街道互查", CUTOFF, 41,
                cn.duban.kernel.supervision.InspectionMethod.ANNOUNCED, List.of("xinqi", "daqi"));
        final org.axonframework.messaging.MetaData daqiStaff = org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF")
                .and(cn.duban.platform.axon.Audit.UNIT, "daqi").and(cn.duban.platform.axon.Audit.ACTOR, "zhou.daqi");
        final FindingRecorded proposed = new FindingRecorded("r1", "f9", "xinqi", "S1.1", "培训签到表缺页", Severity.MINOR, List.of(), "daqi");

        Object recordedByDaqi() {
            return new org.axonframework.eventhandling.GenericEventMessage<>(proposed, daqiStaff);
        }

        @Test
        void aRoundNamesItsInspectingUnitsAtLeastTwoEachRegistered() {
            fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.SPECIAL, "街道互查", CUTOFF,
                    null, List.of("xinqi", "daqi", "xinqi"))).expectEvents(mutual);
            fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.SPECIAL, "x", CUTOFF, null, List.of("xinqi")))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new OpenInspectionRound("r1", "beilun-2023", RoundKind.SPECIAL, "x", CUTOFF, null, List.of("xinqi", "nobody")))
                    .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("inspectors[1]")).expectNoEvents();
        }

        @Test
        void anInspectingUnitRecordsFindingsOnOthersNeverOnItselfAndOthersNotAtAll() {
            fixture.given(mutual).when(new RecordFinding("r1", "f9", "xinqi", "S1.1", "培训签到表缺页", Severity.MINOR, List.of()), daqiStaff)
                    .expectEvents(proposed);
            fixture.given(mutual).when(new RecordFinding("r1", "f9", "daqi", null, "自查", Severity.MINOR, List.of()), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
            fixture.given(OPENED).when(new RecordFinding("r1", "f9", "xinqi", null, "x", Severity.MINOR, List.of()), daqiStaff)
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
            fixture.given(mutual).when(new RecordFinding("r1", "f9", "daqi", null, "x", Severity.MINOR, List.of()),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ROLE, "UNIT_STAFF").and(cn.duban.platform.axon.Audit.UNIT, "gafj"))
                    .expectException(cn.duban.kernel.error.ForbiddenException.class).expectNoEvents();
        }

        @Test
        void aSupervisorOtherThanItsRecorderConfirmsOrDismissesItOnce() {
            fixture.given(mutual, recordedByDaqi()).when(new cn.duban.kernel.supervision.ConfirmFinding("r1", "f9"),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ACTOR, "li.supervisor"))
                    .expectEvents(new cn.duban.kernel.supervision.FindingConfirmed("r1", "f9", "xinqi", "li.supervisor"));
            fixture.given(mutual, recordedByDaqi()).when(new cn.duban.kernel.supervision.ConfirmFinding("r1", "f9"),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ACTOR, "zhou.daqi"))
                    .expectException(ConflictException.class).expectNoEvents();
            fixture.given(mutual, recordedByDaqi(), new cn.duban.kernel.supervision.FindingConfirmed("r1", "f9", "xinqi", "li.supervisor"))
                    .when(new cn.duban.kernel.supervision.DismissFinding("r1", "f9", "重复"),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ACTOR, "wang.supervisor"))
                    .expectException(ConflictException.class).expectNoEvents();
            fixture.given(mutual, recordedByDaqi()).when(new cn.duban.kernel.supervision.DismissFinding("r1", "f9", " "),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ACTOR, "li.supervisor"))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.given(OPENED, new FindingRecorded("r1", "f1", "xinqi", "S1.1", "x", Severity.MINOR, List.of()))
                    .when(new cn.duban.kernel.supervision.ConfirmFinding("r1", "f1"),
                            org.axonframework.messaging.MetaData.with(cn.duban.platform.axon.Audit.ACTOR, "li.supervisor"))
                    .expectException(ConflictException.class).expectNoEvents();
        }
    }
}
