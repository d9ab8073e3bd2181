package cn.duban.command.assignment;

import cn.duban.command.common.References;
import cn.duban.kernel.assignment.AssignmentDeadlines;
import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.assignment.FactLink;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.Phase;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.AcceptAssignmentCompletion;
import cn.duban.kernel.assignment.AcknowledgeAssignment;
import cn.duban.kernel.assignment.CancelAssignment;
import cn.duban.kernel.assignment.CheckAssignmentDeadlines;
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
import cn.duban.kernel.assignment.AssignmentAcknowledged;
import cn.duban.kernel.assignment.AssignmentCancelled;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentCompletionReturned;
import cn.duban.kernel.assignment.AssignmentCompletionSubmitted;
import cn.duban.kernel.assignment.AssignmentDeadlineApproaching;
import cn.duban.kernel.assignment.AssignmentLightChanged;
import cn.duban.kernel.assignment.AssignmentReportMissed;
import cn.duban.kernel.assignment.AssignmentWentOverdue;
import cn.duban.kernel.assignment.AssignmentExtensionDenied;
import cn.duban.kernel.assignment.AssignmentExtensionGranted;
import cn.duban.kernel.assignment.AssignmentExtensionRequested;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentProgressReported;
import cn.duban.kernel.assignment.AssignmentReopened;
import cn.duban.kernel.assignment.AssignmentUrged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An assignment (交办任务): issued by the lead office to one lead unit (牵头单位) and any number of
 * responsible units (责任单位); acknowledged (签收), reported on, submitted for completion (办结申请),
 * then closed (办结) or returned; extended (延期) only within its year; urged (催办); cancelled.
 * Every deadline it ever had stays in its events.
 */
@Aggregate(cache = "aggregateCache")
class Assignment {

    @AggregateIdentifier
    private String assignmentId;
    private String leadUnit;
    private Set<String> units;
    private final Set<String> acknowledged = new HashSet<>();
    private LocalDate deadline;
    private int year;
    private LocalDate pendingExtension;
    private AssignmentStatus status;
    private LocalDate issuedOn;
    private ReportingFrequency frequency;
    private List<Phase> phases;
    private final Map<String, List<LocalDate>> reports = new HashMap<>();
    private final Set<LocalDate> remindedFor = new HashSet<>();
    private final Set<LocalDate> overdueFor = new HashSet<>();
    /** unit → ends of the reporting periods it missed. */
    private final Map<String, Set<LocalDate>> missed = new HashMap<>();
    private final Map<String, Light> lights = new HashMap<>();

    protected Assignment() {
    }

    @CommandHandler
    public Assignment(IssueAssignment c, References references) {
        if (c.title() == null || c.title().isBlank()) {
            throw new InvalidInputException("title", "必填 / required");
        }
        if (c.deadline() == null) {
            throw new InvalidInputException("deadline", "必填 / required");
        }
        List<String> responsible = c.responsibleUnits() == null ? List.of() : c.responsibleUnits();
        if (new HashSet<>(responsible).size() != responsible.size() || responsible.contains(c.leadUnit())) {
            throw new InvalidInputException("responsibleUnits", "单位重复或包含牵头单位 / repeats a unit or the lead unit");
        }
        references.requireUnit(c.leadUnit());
        responsible.forEach(references::requireUnit);
        if (c.itemCode() != null && c.schemeId() == null) {
            throw new InvalidInputException("schemeId", "指定考核项目时须指定方案 / an item needs its scheme");
        }
        if (c.schemeId() != null && c.itemCode() != null) {
            references.requireItem(c.schemeId(), c.itemCode());
        }
        List<Phase> phases = c.phases() == null ? List.of() : c.phases();
        LocalDate previous = null;
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            if (p.name() == null || p.name().isBlank() || p.deadline() == null) {
                throw new InvalidInputException("phases[" + i + "]", "阶段须有名称和截止日期 / a phase needs a name and a deadline");
            }
            if ((previous != null && p.deadline().isBefore(previous)) || p.deadline().isAfter(c.deadline())) {
                throw new InvalidInputException("phases[" + i + "].deadline", "阶段截止日期须依次排列且不晚于任务截止日期 / phases run in order, within the deadline");
            }
            previous = p.deadline();
        }
        ReportingFrequency frequency = c.reportingFrequency() == null ? ReportingFrequency.NONE : c.reportingFrequency();
        if (c.issuedOn() != null && c.issuedOn().isAfter(c.deadline())) {
            throw new InvalidInputException("issuedOn", "不能晚于截止日期 / cannot be after the deadline");
        }
        if (frequency == ReportingFrequency.PER_PHASE && phases.isEmpty()) {
            throw new InvalidInputException("reportingFrequency", "按阶段报送须设置阶段 / PER_PHASE needs phases");
        }
        apply(new AssignmentIssued(c.assignmentId(), c.title().strip(), c.description(), c.schemeId(), c.itemCode(),
                c.leadUnit(), List.copyOf(responsible), c.target(), c.deadline(), List.copyOf(phases), frequency, c.issuedOn()));
    }

    @CommandHandler
    void handle(AcknowledgeAssignment c) {
        requireOpen();
        requireOnAssignment(c.unitId());
        if (acknowledged.contains(c.unitId())) {
            throw new ConflictException("该单位已签收 / already acknowledged by " + c.unitId());
        }
        apply(new AssignmentAcknowledged(assignmentId, c.unitId()));
    }

    @CommandHandler
    void handle(ReportAssignmentProgress c, References references) {
        requireOpen();
        requireOnAssignment(c.unitId());
        List<FactLink> links = c.links() == null ? List.of() : c.links();
        for (int i = 0; i < links.size(); i++) {
            // A unit reports with its own records only (the lead office entering for it too).
            if (!c.unitId().equals(references.unitOf(links.get(i)))) {
                throw new InvalidInputException("links[" + i + "].id", "不是该单位的记录 / not a record of this unit");
            }
        }
        if ((c.text() == null || c.text().isBlank()) && (c.figures() == null || c.figures().isEmpty())
                && (c.links() == null || c.links().isEmpty())) {
            throw new InvalidInputException("text", "进展须有文字、数据或关联记录 / report text, figures or links");
        }
        apply(new AssignmentProgressReported(assignmentId, c.unitId(), c.text(),
                c.figures() == null ? Map.of() : Map.copyOf(c.figures()), c.links() == null ? List.of() : List.copyOf(c.links()),
                references.requireMaterials(c.unitId(), c.materials())));
    }

    @CommandHandler
    void handle(SubmitAssignmentCompletion c, References references) {
        requireOpen();
        if (!leadUnit.equals(c.unitId())) {
            throw new InvalidInputException("unitId", "只有牵头单位可以申请办结 / only the lead unit submits completion");
        }
        if (status == AssignmentStatus.COMPLETION_SUBMITTED) {
            throw new ConflictException("已提交办结申请 / completion already submitted");
        }
        apply(new AssignmentCompletionSubmitted(assignmentId, c.unitId(), c.note(), references.requireMaterials(c.unitId(), c.materials())));
    }

    @CommandHandler
    void handle(AcceptAssignmentCompletion c) {
        requireCompletionSubmitted();
        apply(new AssignmentCompleted(assignmentId, c.note()));
    }

    @CommandHandler
    void handle(ReturnAssignmentCompletion c) {
        requireCompletionSubmitted();
        requireReason(c.reason());
        apply(new AssignmentCompletionReturned(assignmentId, c.reason().strip()));
    }

    @CommandHandler
    void handle(ReopenAssignment c) {
        if (status != AssignmentStatus.COMPLETED) {
            throw new ConflictException("只有已办结的任务可以重新打开 / only a completed assignment can be reopened");
        }
        requireReason(c.reason());
        apply(new AssignmentReopened(assignmentId, c.reason().strip()));
    }

    @CommandHandler
    void handle(RequestAssignmentExtension c) {
        requireOpen();
        requireOnAssignment(c.unitId());
        if (pendingExtension != null) {
            throw new ConflictException("已有待审批的延期申请 / an extension request is pending");
        }
        if (c.requestedDeadline() == null || !c.requestedDeadline().isAfter(deadline)) {
            throw new InvalidInputException("requestedDeadline", "须晚于当前截止日期 " + deadline + " / must be after the current deadline");
        }
        if (c.requestedDeadline().getYear() != year) {
            throw new InvalidInputException("requestedDeadline", "不能延期到" + year + "年以后 / cannot extend past the year " + year);
        }
        requireReason(c.reason());
        apply(new AssignmentExtensionRequested(assignmentId, c.unitId(), c.requestedDeadline(), c.reason().strip()));
    }

    @CommandHandler
    void handle(GrantAssignmentExtension c) {
        requirePendingExtension();
        apply(new AssignmentExtensionGranted(assignmentId, deadline, pendingExtension));
    }

    @CommandHandler
    void handle(DenyAssignmentExtension c) {
        requirePendingExtension();
        requireReason(c.reason());
        apply(new AssignmentExtensionDenied(assignmentId, pendingExtension, c.reason().strip()));
    }

    @CommandHandler
    void handle(UrgeAssignment c) {
        requireOpen();
        List<String> targets = c.unitIds() == null || c.unitIds().isEmpty() ? List.copyOf(units) : c.unitIds();
        targets.forEach(this::requireOnAssignment);
        if (c.message() == null || c.message().isBlank()) {
            throw new InvalidInputException("message", "必填 / required");
        }
        apply(new AssignmentUrged(assignmentId, List.copyOf(targets), c.message().strip()));
    }

    @CommandHandler
    void handle(CancelAssignment c) {
        requireOpen();
        requireReason(c.reason());
        apply(new AssignmentCancelled(assignmentId, c.reason().strip()));
    }

    /**
     * Records everything the date calls for, in order: the reminder, overdue, each missed report, then
     * each light that changed. One command and one atomic commit of several events: the event
     * store gives each its own position, so nothing of it is seen half-recorded or skipped on resume.
     * Each thing happens once: checking again the same day records nothing.
     *
     * @return whether something was recorded
     */
    @CommandHandler
    boolean handle(CheckAssignmentDeadlines c) {
        if (status.closed()) {
            return false;
        }
        LocalDate today = c.today();
        boolean recorded = false;
        if (!remindedFor.contains(deadline) && AssignmentDeadlines.reminderDue(status, deadline, today)) {
            apply(new AssignmentDeadlineApproaching(assignmentId, deadline, (int) ChronoUnit.DAYS.between(today, deadline)));
            recorded = true;
        }
        if (AssignmentDeadlines.overdue(status, deadline, today) && !overdueFor.contains(deadline)) {
            apply(new AssignmentWentOverdue(assignmentId, deadline));
            recorded = true;
        }
        for (LocalDate[] period : periodsEndedBefore(today)) {
            for (String unit : units) {
                boolean reported = reports.getOrDefault(unit, List.of()).stream()
                        .anyMatch(d -> !d.isBefore(period[0]) && !d.isAfter(period[1]));
                if (!reported && !missed.getOrDefault(unit, Set.of()).contains(period[1])) {
                    apply(new AssignmentReportMissed(assignmentId, unit, period[0], period[1]));
                    recorded = true;
                }
            }
        }
        for (String unit : units) {
            Light now = lightOf(unit, today);
            Light before = lights.getOrDefault(unit, Light.GREEN);
            if (now != before) {
                apply(new AssignmentLightChanged(assignmentId, unit, before, now, why(now)));
                recorded = true;
            }
        }
        return recorded;
    }

    /** Reporting periods (start, end) that ended before today, within the assignment's time. */
    private List<LocalDate[]> periodsEndedBefore(LocalDate today) {
        List<LocalDate[]> out = new ArrayList<>();
        switch (frequency) {
            case WEEKLY, MONTHLY -> {
                for (int k = 0; ; k++) {
                    LocalDate start = frequency == ReportingFrequency.WEEKLY ? issuedOn.plusWeeks(k) : issuedOn.plusMonths(k);
                    LocalDate end = (frequency == ReportingFrequency.WEEKLY ? issuedOn.plusWeeks(k + 1) : issuedOn.plusMonths(k + 1)).minusDays(1);
                    if (!end.isBefore(today) || start.isAfter(deadline)) {
                        break;
                    }
                    out.add(new LocalDate[]{start, end});
                }
            }
            case PER_PHASE -> {
                LocalDate start = issuedOn;
                for (Phase p : phases) {
                    if (p.deadline().isBefore(today) && !p.deadline().isBefore(start)) {
                        out.add(new LocalDate[]{start, p.deadline()});
                    }
                    start = p.deadline().plusDays(1);
                }
            }
            case NONE -> {
            }
        }
        return out;
    }

    private Light lightOf(String unit, LocalDate today) {
        LocalDate lastReport = reports.getOrDefault(unit, List.of()).stream().max(LocalDate::compareTo).orElse(null);
        // Behind until a report made after the last missed period.
        boolean behind = missed.getOrDefault(unit, Set.of()).stream().anyMatch(end -> lastReport == null || !lastReport.isAfter(end));
        return AssignmentDeadlines.light(status, deadline, today, behind);
    }

    private static String why(Light light) {
        return switch (light) {
            case RED -> "已逾期 / overdue";
            case YELLOW -> "未按期报送进展 / a reporting period was missed";
            case BLUE -> "临近截止 / deadline near";
            case GREEN -> "正常推进 / on track";
            case NONE -> "已关闭 / closed";
        };
    }

    private void requireOpen() {
        if (status == AssignmentStatus.COMPLETED) {
            throw new ConflictException("任务已办结 / the assignment is completed");
        }
        if (status == AssignmentStatus.CANCELLED) {
            throw new ConflictException("任务已撤销 / the assignment is cancelled");
        }
    }

    private void requireCompletionSubmitted() {
        if (status != AssignmentStatus.COMPLETION_SUBMITTED) {
            throw new ConflictException("没有待审核的办结申请 / no completion request to decide");
        }
    }

    private void requirePendingExtension() {
        requireOpen();
        if (pendingExtension == null) {
            throw new ConflictException("没有待审批的延期申请 / no extension request pending");
        }
    }

    private void requireOnAssignment(String unitId) {
        if (!units.contains(unitId)) {
            throw new InvalidInputException("unitId", "该单位不在此任务中 / unit " + unitId + " is not on this assignment");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "必填 / required");
        }
    }

    @EventSourcingHandler
    void on(AssignmentDeadlineApproaching e) {
        remindedFor.add(e.deadline());
    }

    @EventSourcingHandler
    void on(AssignmentWentOverdue e) {
        overdueFor.add(e.deadline());
    }

    @EventSourcingHandler
    void on(AssignmentReportMissed e) {
        missed.computeIfAbsent(e.unitId(), k -> new HashSet<>()).add(e.periodEnd());
    }

    @EventSourcingHandler
    void on(AssignmentLightChanged e) {
        lights.put(e.unitId(), e.to());
    }

    @EventSourcingHandler
    void on(AssignmentProgressReported e, @Timestamp Instant at) {
        reports.computeIfAbsent(e.unitId(), k -> new ArrayList<>()).add(DistrictTime.dateOf(at));
    }

    @EventSourcingHandler
    void on(AssignmentIssued e, @Timestamp Instant at) {
        issuedOn = e.issuedOn() != null ? e.issuedOn() : DistrictTime.dateOf(at);
        frequency = e.reportingFrequency();
        phases = e.phases();
        on(e);
    }

    private void on(AssignmentIssued e) {
        assignmentId = e.assignmentId();
        leadUnit = e.leadUnit();
        units = new LinkedHashSet<>();
        units.add(e.leadUnit());
        units.addAll(e.responsibleUnits());
        deadline = e.deadline();
        year = e.deadline().getYear();
        status = AssignmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AssignmentAcknowledged e) {
        acknowledged.add(e.unitId());
    }

    @EventSourcingHandler
    void on(AssignmentCompletionSubmitted e) {
        status = AssignmentStatus.COMPLETION_SUBMITTED;
    }

    /** A closed assignment has no lights; the closing event says so, no separate light event. */
    @EventSourcingHandler
    void on(AssignmentCompleted e) {
        status = AssignmentStatus.COMPLETED;
        lights.replaceAll((unit, light) -> Light.NONE);
    }

    @EventSourcingHandler
    void on(AssignmentCompletionReturned e) {
        status = AssignmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AssignmentReopened e) {
        status = AssignmentStatus.OPEN;
        lights.replaceAll((unit, light) -> Light.GREEN);
    }

    @EventSourcingHandler
    void on(AssignmentExtensionRequested e) {
        pendingExtension = e.requestedDeadline();
    }

    @EventSourcingHandler
    void on(AssignmentExtensionGranted e) {
        deadline = e.newDeadline();
        pendingExtension = null;
    }

    @EventSourcingHandler
    void on(AssignmentExtensionDenied e) {
        pendingExtension = null;
    }

    @EventSourcingHandler
    void on(AssignmentCancelled e) {
        status = AssignmentStatus.CANCELLED;
        lights.replaceAll((unit, light) -> Light.NONE);
    }
}
