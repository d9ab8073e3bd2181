package cn.duban.command.assignment;

import cn.duban.command.common.References;
import cn.duban.kernel.assignment.FactLink;
import cn.duban.kernel.assignment.Phase;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.AcceptAssignmentCompletion;
import cn.duban.kernel.assignment.AcknowledgeAssignment;
import cn.duban.kernel.assignment.CancelAssignment;
import cn.duban.kernel.assignment.DenyAssignmentExtension;
import cn.duban.kernel.assignment.GrantAssignmentExtension;
import cn.duban.kernel.assignment.IssueAssignment;
import cn.duban.kernel.assignment.ReopenAssignment;
import cn.duban.kernel.assignment.ReportAssignmentProgress;
import cn.duban.kernel.assignment.RequestAssignmentExtension;
import cn.duban.kernel.assignment.ReturnAssignmentCompletion;
import cn.duban.kernel.assignment.SubmitAssignmentCompletion;
import cn.duban.kernel.assignment.UrgeAssignment;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.assignment.AssignmentAcknowledged;
import cn.duban.kernel.assignment.AssignmentCancelled;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentCompletionReturned;
import cn.duban.kernel.assignment.AssignmentCompletionSubmitted;
import cn.duban.kernel.assignment.AssignmentExtensionDenied;
import cn.duban.kernel.assignment.AssignmentExtensionGranted;
import cn.duban.kernel.assignment.AssignmentExtensionRequested;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentProgressReported;
import cn.duban.kernel.assignment.AssignmentReopened;
import cn.duban.kernel.assignment.AssignmentUrged;
import cn.duban.kernel.scheme.SchemeItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole life of an assignment, given-when-then, with every refusal. */
class AssignmentTest {
    static final LocalDate DEADLINE = LocalDate.of(2023, 6, 30);
    static final List<Phase> PHASES = List.of(new Phase("动员部署", LocalDate.of(2023, 3, 31)),
            new Phase("任务攻坚", LocalDate.of(2023, 5, 31)), new Phase("稳步推进", DEADLINE));

    /** Registered units: police (lead), xinqi and daqi; scheme beilun-2023 has item S2.4. */
    static final References REFERENCES = new References() {
        /** The end of the tests' year: every fact dated in 2023 has happened. */
        @Override
        public LocalDate today() {
            return LocalDate.of(2023, 12, 31);
        }

        final Set<String> known = Set.of("police", "xinqi", "daqi", "edu");

        @Override
        public cn.duban.kernel.unit.UnitType requireUnit(String unitId) {
            if (!known.contains(unitId)) {
                throw new NotFoundException("unit not found: " + unitId);
            }
            return cn.duban.kernel.unit.UnitType.STREET;
        }

        @Override
        public List<SchemeItem> requireItemsOf(String schemeId) {
            if (!schemeId.equals("beilun-2023")) {
                throw new NotFoundException("scheme not found: " + schemeId);
            }
            return List.of(requireItem(schemeId, "S2.4"));
        }

        @Override
        public SchemeItem requireItem(String schemeId, String itemCode) {
            if (!schemeId.equals("beilun-2023") || !itemCode.equals("S2.4")) {
                throw new InvalidInputException("itemCode", "no item " + itemCode);
            }
            return new SchemeItem("S2.4", "管理工作", "执法检查", BigDecimal.valueOf(8), null, null, null, List.of(), null);
        }

        @Override
        public FindingRef requireFinding(String roundId, String findingId) {
            throw new NotFoundException("finding not found: " + findingId);
        }

        /** xinqi's campaign c1 and training t1; daqi's training t2. */
        @Override
        public String unitOf(FactLink link) {
            return switch (link.id()) {
                case "c1", "t1" -> "xinqi";
                case "t2" -> "daqi";
                default -> throw new NotFoundException("linked record not found: " + link.id());
            };
        }

        /** Two files: {@link #SIGN_IN_SHEET} uploaded for xinqi, {@link #SELF_INSPECTION} for police. */
        @Override
        public List<cn.duban.kernel.material.Material> requireMaterials(String unitId, List<String> sha256s) {
            cn.duban.kernel.material.Material own = switch (unitId) {
                case "xinqi" -> SIGN_IN_SHEET;
                case "police" -> SELF_INSPECTION;
                default -> null;
            };
            for (int i = 0; i < sha256s.size(); i++) {
                if (own == null || !sha256s.get(i).equals(own.sha256())) {
                    throw new InvalidInputException("materials[" + i + "]", "not uploaded for " + unitId);
                }
            }
            return sha256s.stream().map(h -> own).toList();
        }
    };

    static final cn.duban.kernel.material.Material SIGN_IN_SHEET = new cn.duban.kernel.material.Material("a".repeat(64), "签到表.pdf",
            "application/pdf", 2048);
    static final cn.duban.kernel.material.Material SELF_INSPECTION = new cn.duban.kernel.material.Material("b".repeat(64), "自查报告.pdf",
            "application/pdf", 4096);

    FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(REFERENCES);
    }

    static IssueAssignment issue(List<String> responsible, LocalDate deadline, List<Phase> phases, ReportingFrequency f) {
        return new IssueAssignment("a1", "出租房屋“群租群居”专项整治", "三个阶段推进", "beilun-2023", "S2.4", "police",
                responsible, "整治100家以上", deadline, phases, f, null);
    }

    static final AssignmentIssued ISSUED = new AssignmentIssued("a1", "出租房屋“群租群居”专项整治", "三个阶段推进", "beilun-2023", "S2.4",
            "police", List.of("xinqi", "daqi"), "整治100家以上", DEADLINE, PHASES, ReportingFrequency.PER_PHASE, null);

    @Nested
    class Issuing {
        @Test
        void issuedWithPhasesAndFrequency() {
            fixture.givenNoPriorActivity().when(issue(List.of("xinqi", "daqi"), DEADLINE, PHASES, ReportingFrequency.PER_PHASE))
                    .expectEvents(ISSUED);
        }

        @Test
        void unknownUnitsAreNotFound() {
            fixture.givenNoPriorActivity().when(issue(List.of("nobody"), DEADLINE, PHASES, ReportingFrequency.MONTHLY))
                    .expectException(NotFoundException.class).expectNoEvents();
        }

        @Test
        void theLeadUnitIsNotAlsoResponsibleAndNoUnitTwice() {
            fixture.givenNoPriorActivity().when(issue(List.of("police"), DEADLINE, List.of(), ReportingFrequency.NONE))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(issue(List.of("xinqi", "xinqi"), DEADLINE, List.of(), ReportingFrequency.NONE))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void phasesRunInOrderWithinTheDeadline() {
            List<Phase> late = List.of(new Phase("稳步推进", DEADLINE.plusDays(1)));
            fixture.givenNoPriorActivity().when(issue(List.of(), DEADLINE, late, ReportingFrequency.NONE))
                    .expectException(InvalidInputException.class).expectNoEvents();
            List<Phase> backwards = List.of(PHASES.get(1), PHASES.get(0));
            fixture.givenNoPriorActivity().when(issue(List.of(), DEADLINE, backwards, ReportingFrequency.NONE))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }

        @Test
        void perPhaseReportingNeedsPhases() {
            fixture.givenNoPriorActivity().when(issue(List.of(), DEADLINE, List.of(), ReportingFrequency.PER_PHASE))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }

    @Test
    void eachUnitAcknowledgesOnce() {
        fixture.given(ISSUED).when(new AcknowledgeAssignment("a1", "xinqi"))
                .expectEvents(new AssignmentAcknowledged("a1", "xinqi"));
        fixture.given(ISSUED, new AssignmentAcknowledged("a1", "xinqi")).when(new AcknowledgeAssignment("a1", "xinqi"))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void unitsNotOnTheAssignmentCanDoNothingOnIt() {
        fixture.given(ISSUED).when(new AcknowledgeAssignment("a1", "edu")).expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "edu", "x", Map.of(), List.of()))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(ISSUED).when(new RequestAssignmentExtension("a1", "edu", DEADLINE.plusDays(10), "r"))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(ISSUED).when(new UrgeAssignment("a1", List.of("edu"), "请抓紧"))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void progressWithFiguresAndLinksToFacts() {
        List<FactLink> links = List.of(new FactLink(FactLink.Kind.CAMPAIGN, "c1"), new FactLink(FactLink.Kind.TRAINING, "t1"));
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "xinqi", "整治38家", Map.of("shops", BigDecimal.valueOf(38)), links))
                .expectEvents(new AssignmentProgressReported("a1", "xinqi", "整治38家", Map.of("shops", BigDecimal.valueOf(38)), links));
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "xinqi", " ", Map.of(), List.of()))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void progressCarriesTheFilesUploadedForTheUnitAndNoOthers() {
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "xinqi", "整治台账见附件", Map.of(), List.of(), List.of(SIGN_IN_SHEET.sha256())))
                .expectEvents(new AssignmentProgressReported("a1", "xinqi", "整治台账见附件", Map.of(), List.of(), List.of(SIGN_IN_SHEET)));
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "daqi", "借用他单位材料", Map.of(), List.of(), List.of(SIGN_IN_SHEET.sha256())))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void progressLinksOnlyTheUnitsOwnRecords() {
        List<FactLink> borrowed = List.of(new FactLink(FactLink.Kind.CAMPAIGN, "c1"), new FactLink(FactLink.Kind.TRAINING, "t2"));
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "xinqi", "整治38家", Map.of(), borrowed))
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("不是该单位的记录"))
                .expectNoEvents();
        fixture.given(ISSUED).when(new ReportAssignmentProgress("a1", "xinqi", "整治38家", Map.of(), List.of(new FactLink(FactLink.Kind.TRAINING, "t9"))))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Nested
    class Completion {
        @Test
        void theLeadUnitSubmitsAndTheLeadOfficeCloses() {
            fixture.given(ISSUED).when(new SubmitAssignmentCompletion("a1", "police", "已完成"))
                    .expectEvents(new AssignmentCompletionSubmitted("a1", "police", "已完成"));
            fixture.given(ISSUED, new AssignmentCompletionSubmitted("a1", "police", "已完成"))
                    .when(new AcceptAssignmentCompletion("a1", "办结")).expectEvents(new AssignmentCompleted("a1", "办结"));
        }

        @Test
        void theCompletionCarriesTheLeadUnitsFilesAndNoOthers() {
            fixture.given(ISSUED).when(new SubmitAssignmentCompletion("a1", "police", "自查报告见附件", List.of(SELF_INSPECTION.sha256())))
                    .expectEvents(new AssignmentCompletionSubmitted("a1", "police", "自查报告见附件", List.of(SELF_INSPECTION)));
            fixture.given(ISSUED).when(new SubmitAssignmentCompletion("a1", "police", "借用他单位材料", List.of(SIGN_IN_SHEET.sha256())))
                    .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("not uploaded for police"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheLeadUnitSubmitsAndOnlyOnce() {
            fixture.given(ISSUED).when(new SubmitAssignmentCompletion("a1", "xinqi", "x"))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.given(ISSUED, new AssignmentCompletionSubmitted("a1", "police", "x"))
                    .when(new SubmitAssignmentCompletion("a1", "police", "y")).expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void returnedWithAReasonThenSubmittedAgain() {
            fixture.given(ISSUED, new AssignmentCompletionSubmitted("a1", "police", "x"))
                    .when(new ReturnAssignmentCompletion("a1", "材料不全")).expectEvents(new AssignmentCompletionReturned("a1", "材料不全"));
            fixture.given(ISSUED, new AssignmentCompletionSubmitted("a1", "police", "x"), new AssignmentCompletionReturned("a1", "材料不全"))
                    .when(new SubmitAssignmentCompletion("a1", "police", "补充材料"))
                    .expectEvents(new AssignmentCompletionSubmitted("a1", "police", "补充材料"));
        }

        @Test
        void nothingToDecideWithoutARequest() {
            fixture.given(ISSUED).when(new AcceptAssignmentCompletion("a1", "x")).expectException(ConflictException.class).expectNoEvents();
            fixture.given(ISSUED).when(new ReturnAssignmentCompletion("a1", "x")).expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void aClosedAssignmentTakesNoReportsUntilReopened() {
            Object[] closed = {ISSUED, new AssignmentCompletionSubmitted("a1", "police", "x"), new AssignmentCompleted("a1", "ok")};
            fixture.given(closed).when(new ReportAssignmentProgress("a1", "xinqi", "late", Map.of(), List.of()))
                    .expectException(ConflictException.class).expectNoEvents();
            fixture.given(closed).when(new AcknowledgeAssignment("a1", "xinqi")).expectException(ConflictException.class).expectNoEvents();
            fixture.given(closed).when(new ReopenAssignment("a1", "复查发现问题")).expectEvents(new AssignmentReopened("a1", "复查发现问题"));
            fixture.given(ISSUED).when(new ReopenAssignment("a1", "x")).expectException(ConflictException.class).expectNoEvents();
        }
    }

    @Nested
    class Extensions {
        @Test
        void grantedTheOldDeadlineStaysOnRecord() {
            fixture.given(ISSUED).when(new RequestAssignmentExtension("a1", "xinqi", LocalDate.of(2023, 7, 31), "汛期影响"))
                    .expectEvents(new AssignmentExtensionRequested("a1", "xinqi", LocalDate.of(2023, 7, 31), "汛期影响"));
            fixture.given(ISSUED, new AssignmentExtensionRequested("a1", "xinqi", LocalDate.of(2023, 7, 31), "汛期影响"))
                    .when(new GrantAssignmentExtension("a1"))
                    .expectEvents(new AssignmentExtensionGranted("a1", DEADLINE, LocalDate.of(2023, 7, 31)));
        }

        @Test
        void denied() {
            fixture.given(ISSUED, new AssignmentExtensionRequested("a1", "xinqi", LocalDate.of(2023, 7, 31), "r"))
                    .when(new DenyAssignmentExtension("a1", "理由不充分"))
                    .expectEvents(new AssignmentExtensionDenied("a1", LocalDate.of(2023, 7, 31), "理由不充分"));
        }

        @Test
        void notPastTheYearNotEarlierNotTwiceAtOnce() {
            fixture.given(ISSUED).when(new RequestAssignmentExtension("a1", "xinqi", LocalDate.of(2024, 1, 15), "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.given(ISSUED).when(new RequestAssignmentExtension("a1", "xinqi", DEADLINE.minusDays(1), "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
            fixture.given(ISSUED, new AssignmentExtensionRequested("a1", "xinqi", LocalDate.of(2023, 7, 31), "r"))
                    .when(new RequestAssignmentExtension("a1", "daqi", LocalDate.of(2023, 8, 31), "r"))
                    .expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void nothingToGrantOrDenyWithoutARequest() {
            fixture.given(ISSUED).when(new GrantAssignmentExtension("a1")).expectException(ConflictException.class).expectNoEvents();
            fixture.given(ISSUED).when(new DenyAssignmentExtension("a1", "r")).expectException(ConflictException.class).expectNoEvents();
        }

        @Test
        void theNextRequestIsJudgedAgainstTheExtendedDeadline() {
            fixture.given(ISSUED, new AssignmentExtensionRequested("a1", "xinqi", LocalDate.of(2023, 7, 31), "r"),
                            new AssignmentExtensionGranted("a1", DEADLINE, LocalDate.of(2023, 7, 31)))
                    .when(new RequestAssignmentExtension("a1", "xinqi", LocalDate.of(2023, 7, 15), "r"))
                    .expectException(InvalidInputException.class).expectNoEvents();
        }
    }

    @Test
    void urgedUnitsDefaultToAllOfThem() {
        fixture.given(ISSUED).when(new UrgeAssignment("a1", List.of(), "请于月底前报送进展"))
                .expectEvents(new AssignmentUrged("a1", List.of("police", "xinqi", "daqi"), "请于月底前报送进展"));
    }

    @Test
    void cancelledWithAReasonAndThenClosedToEverything() {
        fixture.given(ISSUED).when(new CancelAssignment("a1", "任务调整")).expectEvents(new AssignmentCancelled("a1", "任务调整"));
        fixture.given(ISSUED).when(new CancelAssignment("a1", " ")).expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(ISSUED, new AssignmentCancelled("a1", "任务调整")).when(new UrgeAssignment("a1", List.of(), "x"))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(ISSUED, new AssignmentCancelled("a1", "任务调整")).when(new CancelAssignment("a1", "again"))
                .expectException(ConflictException.class).expectNoEvents();
    }
}
