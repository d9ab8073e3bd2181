package cn.duban.command.assignment;

import cn.duban.command.common.Batch;
import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.assignment.FactLink;
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
import cn.duban.platform.eventstore.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 交办: the lead office issues and decides; units acknowledge, report and ask. */
@RestController
@RequestMapping("/api/assignments")
@Tag(name = "交办任务 Assignments")
public class AssignmentCommandController {
    private final CommandDispatch commands;
    private final Clock clock;

    public AssignmentCommandController(CommandDispatch commands, Clock dubanClock) {
        this.commands = commands;
        this.clock = dubanClock;
    }

    /**
     * A list's length is bounded like a text's: a weekly phase for a year is 52, and a district has
     * some fifty units (a city's platform a few hundred). Unbounded, one body under 1 MB carried 20,000
     * phases into a single event, and the assignment's own page became 0.8 MB.
     */
    static final int MAX_PHASES = 60;
    static final int MAX_UNITS = 500;

    public record PhaseRequest(@NotBlank @Size(max = 50) String name, @NotNull LocalDate deadline) {
    }

    public record IssueRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
                               String schemeId, String itemCode, @NotBlank String leadUnit,
                               @Size(max = MAX_UNITS) List<@NotBlank String> responsibleUnits, @Size(max = 500) String target,
                               @NotNull LocalDate deadline, @Size(max = MAX_PHASES) List<@Valid PhaseRequest> phases,
                               ReportingFrequency reportingFrequency, LocalDate issuedOn) {
    }

    public record UnitRequest(@NotBlank String unitId) {
    }

    /** {@code materials}: the sha256 of files uploaded for the unit. */
    public record AssignmentProgressRequest(@NotBlank String unitId, @Size(max = 5000) String text,
                                  @Size(max = 50) Map<String, BigDecimal> figures, @Size(max = 100) List<@Valid LinkRequest> links,
                                  @Size(max = cn.duban.kernel.material.Material.MAX_PER_RECORD)
                                  List<@NotNull @jakarta.validation.constraints.Pattern(regexp = cn.duban.kernel.material.Material.SHA256_REGEX) String> materials) {
    }

    public record LinkRequest(@NotNull FactLink.Kind kind, @NotBlank String id) {
    }

    /** {@code materials}: the sha256 of files uploaded for the unit (办结材料). */
    public record CompletionRequest(@NotBlank String unitId, @Size(max = 5000) String note,
                                    @Size(max = cn.duban.kernel.material.Material.MAX_PER_RECORD)
                                    List<@NotNull @jakarta.validation.constraints.Pattern(regexp = cn.duban.kernel.material.Material.SHA256_REGEX) String> materials) {
    }

    public record NoteRequest(@Size(max = 5000) String note) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ExtensionRequest(@NotBlank String unitId, @NotNull LocalDate requestedDeadline,
                                   @NotBlank @Size(max = 2000) String reason) {
    }

    public record UrgeRequest(@Size(max = MAX_UNITS) List<@NotBlank String> unitIds, @NotBlank @Size(max = 2000) String message) {
    }

    /** Several open assignments urged at once (交办督办's 催办所选), every unit of each, with one message. */
    public record UrgesRequest(@NotEmpty @Size(max = Batch.MAX_ACTS) List<@NotBlank @Size(max = 200) String> assignmentIds,
                               @NotBlank @Size(max = 2000) String message) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "交办任务 / issue an assignment", description = "One lead unit, any responsible units, a deadline, optional phases and a reporting frequency.")
    public Created issue(@Valid @RequestBody IssueRequest r) {
        List<Phase> phases = r.phases() == null ? List.of() : r.phases().stream().map(p -> new Phase(p.name(), p.deadline())).toList();
        String id = commands.send(new IssueAssignment(TimeOrderedIds.next(), r.title(), r.description(), r.schemeId(),
                r.itemCode(), r.leadUnit(), r.responsibleUnits() == null ? List.of() : r.responsibleUnits(), r.target(),
                r.deadline(), phases, r.reportingFrequency(), r.issuedOn()));
        return new Created(id);
    }

    @PostMapping("/{id}/acknowledgements")
    @Operation(summary = "签收 / acknowledge for a unit", description = "Once per unit; again → 409.")
    public Map<String, String> acknowledge(@PathVariable String id, @Valid @RequestBody UnitRequest r) {
        commands.send(new AcknowledgeAssignment(id, r.unitId()));
        return Map.of("id", id, "unitId", r.unitId());
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "报送进展 / report progress, with figures and links to recorded facts")
    public Map<String, String> progress(@PathVariable String id, @Valid @RequestBody AssignmentProgressRequest r) {
        List<FactLink> links = r.links() == null ? List.of() : r.links().stream().map(l -> new FactLink(l.kind(), l.id())).toList();
        commands.send(new ReportAssignmentProgress(id, r.unitId(), r.text(), r.figures(), links, r.materials()));
        return Map.of("id", id);
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "办结申请 / the lead unit asks for completion", description = "With a note and the files that show it done (materials: sha256 of the unit's uploads).")
    public Map<String, String> submitCompletion(@PathVariable String id, @Valid @RequestBody CompletionRequest r) {
        commands.send(new SubmitAssignmentCompletion(id, r.unitId(), r.note(), r.materials()));
        return Map.of("id", id, "status", "COMPLETION_SUBMITTED");
    }

    @PostMapping("/{id}/completion/acceptance")
    @Operation(summary = "办结 / accept the completion")
    public Map<String, String> acceptCompletion(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        commands.send(new AcceptAssignmentCompletion(id, r == null ? null : r.note()));
        return Map.of("id", id, "status", "COMPLETED");
    }

    @PostMapping("/{id}/completion/return")
    @Operation(summary = "退回办结申请 / return the completion request with a reason")
    public Map<String, String> returnCompletion(@PathVariable String id, @Valid @RequestBody ReasonRequest r) {
        commands.send(new ReturnAssignmentCompletion(id, r.reason()));
        return Map.of("id", id, "status", "OPEN");
    }

    @PostMapping("/{id}/reopening")
    @Operation(summary = "重新打开 / reopen a completed assignment")
    public Map<String, String> reopen(@PathVariable String id, @Valid @RequestBody ReasonRequest r) {
        commands.send(new ReopenAssignment(id, r.reason()));
        return Map.of("id", id, "status", "OPEN");
    }

    @PostMapping("/{id}/extension-requests")
    @Operation(summary = "延期申请 / ask for a later deadline", description = "Within the assignment's year; one pending at a time.")
    public Map<String, String> requestExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequest r) {
        commands.send(new RequestAssignmentExtension(id, r.unitId(), r.requestedDeadline(), r.reason()));
        return Map.of("id", id, "status", "EXTENSION_REQUESTED");
    }

    @PostMapping("/{id}/extension-requests/grant")
    @Operation(summary = "同意延期 / grant the pending extension")
    public Map<String, String> grantExtension(@PathVariable String id) {
        commands.send(new GrantAssignmentExtension(id));
        return Map.of("id", id, "status", "EXTENSION_GRANTED");
    }

    @PostMapping("/{id}/extension-requests/deny")
    @Operation(summary = "不同意延期 / deny the pending extension with a reason")
    public Map<String, String> denyExtension(@PathVariable String id, @Valid @RequestBody ReasonRequest r) {
        commands.send(new DenyAssignmentExtension(id, r.reason()));
        return Map.of("id", id, "status", "EXTENSION_DENIED");
    }

    @PostMapping("/{id}/urges")
    @Operation(summary = "催办 / urge units (all of the assignment's units when none are named)")
    public Map<String, String> urge(@PathVariable String id, @Valid @RequestBody UrgeRequest r) {
        commands.send(new UrgeAssignment(id, r.unitIds(), r.message()));
        return Map.of("id", id);
    }

    @PostMapping("/urges")
    @Operation(summary = "催办所选任务 / urge several assignments, every unit of each, with one message",
            description = "Each is its own urge, as POST /api/assignments/{id}/urges without unitIds: one closed meanwhile is refused in its "
                    + "result (409) and the rest are urged. Answers {done, refused, results:[{id, status?, error?}]}.")
    public Batch urgeMany(@Valid @RequestBody UrgesRequest r) {
        return commands.sendEach(r.assignmentIds(), id -> id, id -> new UrgeAssignment(id, List.of(), r.message()));
    }

    @PostMapping("/notifications/read")
    @Operation(summary = "标记通知已读 / mark a unit's notification read", description = "Body: {unitId, notificationId}. Reading twice records nothing.")
    public Map<String, String> markRead(@Valid @RequestBody ReadRequest r) {
        commands.send(new cn.duban.kernel.assignment.MarkNotificationRead(r.unitId(), r.notificationId()));
        return Map.of("unitId", r.unitId(), "notificationId", r.notificationId(), "read", "true");
    }

    public record ReadRequest(@NotBlank String unitId, @NotBlank String notificationId) {
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "全部标为已读 / mark a unit's notifications read",
            description = "Body: {unitId, upTo}. upTo, the position of the newest notification in sight (its `position`), marks those up "
                    + "to it read, so one that arrived meanwhile stays unread, and asking again for the same ones records nothing. "
                    + "Without upTo, every notification the unit has been sent until now, recorded each time it is asked.")
    public Map<String, String> markAllRead(@Valid @RequestBody ReadAllRequest r) {
        commands.send(new cn.duban.kernel.assignment.MarkAllNotificationsRead(r.unitId(), r.upTo()));
        return Map.of("unitId", r.unitId(), "read", r.upTo() == null ? "all" : "up to " + r.upTo());
    }

    public record ReadAllRequest(@NotBlank String unitId, @jakarta.validation.constraints.PositiveOrZero Long upTo) {
    }

    @PostMapping("/{id}/deadline-check")
    @Operation(summary = "立即检查期限 / act on the assignment's dates now",
            description = "What the deadline checker does each minute, at once (e.g. right after a 延期 or a late entry): "
                    + "the reminder, overdue, missed reports and light changes that today calls for, recorded together as one commit. "
                    + "Checking again the same day records nothing.")
    public Map<String, Object> checkDeadlines(@PathVariable String id) {
        Boolean recorded = commands.send(new CheckAssignmentDeadlines(id, LocalDate.now(clock.withZone(DistrictTime.ZONE))));
        return Map.of("id", id, "recorded", Boolean.TRUE.equals(recorded));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "撤销 / cancel with a reason")
    public Map<String, String> cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest r) {
        commands.send(new CancelAssignment(id, r.reason()));
        return Map.of("id", id, "status", "CANCELLED");
    }
}
