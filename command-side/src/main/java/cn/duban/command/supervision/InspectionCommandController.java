package cn.duban.command.supervision;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.kernel.supervision.CloseInspectionRound;
import cn.duban.kernel.supervision.OpenInspectionRound;
import cn.duban.kernel.supervision.PublishInspectionRound;
import cn.duban.kernel.supervision.RecordFinding;
import cn.duban.kernel.supervision.SetInspectionScore;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.Severity;
import cn.duban.platform.eventstore.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** 督查: supervisors open rounds, record findings and inspection scores, close and publish. */
@RestController
@RequestMapping("/api/rounds")
@Tag(name = "督查 Inspections")
public class InspectionCommandController {
    private final CommandDispatch commands;

    public InspectionCommandController(CommandDispatch commands) {
        this.commands = commands;
    }

    /**
     * {@code method}: ANNOUNCED (明查, the default) or UNANNOUNCED (暗访); {@code inspectors}: for a 互查
     * round, the units that inspect each other (at least two).
     */
    public record OpenRequest(@NotBlank String schemeId, @NotNull RoundKind kind, @Size(max = 200) String title, @NotNull Instant cutoff,
                              cn.duban.kernel.supervision.InspectionMethod method,
                              @Size(max = 100) List<@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[a-z0-9_-]{1,64}") String> inspectors) {
    }

    public record DismissalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record FindingRequest(@NotBlank String unitId, String itemCode, @NotBlank @Size(max = 5000) String text,
                                 @NotNull Severity severity, @Size(max = 100) List<@NotBlank String> evidence) {
    }

    public record ScoreRequest(@NotBlank String unitId, @NotNull @DecimalMin("0") @DecimalMax("200") BigDecimal score,
                               @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开启督查轮次 / open an inspection round", description = "The event position at the cutoff is frozen as the round's baseline.")
    public Created open(@Valid @RequestBody OpenRequest r) {
        return new Created(commands.send(new OpenInspectionRound(TimeOrderedIds.next(), r.schemeId(), r.kind(), r.title(), r.cutoff(), r.method(),
                r.inspectors())));
    }

    @PostMapping("/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录督查发现 / record a finding on a unit",
            description = "Supervisors: stands at once. In a 互查 round, staff of an inspecting unit record findings on the other units; "
                    + "those stand once another person, a supervisor, confirms them. Unit staff elsewhere: 403.")
    public Created finding(@PathVariable String id, @Valid @RequestBody FindingRequest r) {
        String findingId = TimeOrderedIds.next();
        commands.send(new RecordFinding(id, findingId, r.unitId(), r.itemCode(), r.text(), r.severity(), r.evidence()));
        return new Created(findingId);
    }

    @PostMapping("/{id}/findings/{findingId}/confirmation")
    @Operation(summary = "确认互查发现 / confirm a 互查 finding", description = "Once, by someone other than its recorder; 409 otherwise.")
    public Map<String, String> confirmFinding(@PathVariable String id, @PathVariable String findingId) {
        commands.send(new cn.duban.kernel.supervision.ConfirmFinding(id, findingId));
        return Map.of("id", findingId, "status", "CONFIRMED");
    }

    @PostMapping("/{id}/findings/{findingId}/dismissal")
    @Operation(summary = "驳回互查发现 / dismiss a 互查 finding, saying why", description = "Once, by someone other than its recorder; 409 otherwise.")
    public Map<String, String> dismissFinding(@PathVariable String id, @PathVariable String findingId, @Valid @RequestBody DismissalRequest r) {
        commands.send(new cn.duban.kernel.supervision.DismissFinding(id, findingId, r.reason()));
        return Map.of("id", findingId, "status", "DISMISSED");
    }

    @PostMapping("/{id}/scores")
    @Operation(summary = "调整督查分 / set a unit's inspection score (default: its baseline) with a reason")
    public Map<String, String> score(@PathVariable String id, @Valid @RequestBody ScoreRequest r) {
        commands.send(new SetInspectionScore(id, r.unitId(), r.score(), r.reason()));
        return Map.of("id", id, "unitId", r.unitId());
    }

    public record VetoRequest(@NotBlank String unitId, @NotBlank String schemeId, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/vetoes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "一票否决 / veto a unit for a scheme's year, with the reason; it ranks last in the year-end result")
    public Created veto(@Valid @RequestBody VetoRequest r) {
        return new Created(commands.send(new cn.duban.kernel.supervision.RecordVeto(TimeOrderedIds.next(), r.unitId(), r.schemeId(), r.reason())));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "关闭督查轮次 / close the round")
    public Map<String, String> close(@PathVariable String id) {
        commands.send(new CloseInspectionRound(id));
        return Map.of("id", id, "status", "CLOSED");
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "通报 / publish the round's results")
    public Map<String, String> publish(@PathVariable String id) {
        commands.send(new PublishInspectionRound(id));
        return Map.of("id", id, "status", "PUBLISHED");
    }
}
