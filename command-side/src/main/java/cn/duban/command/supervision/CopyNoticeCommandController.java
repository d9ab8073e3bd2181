package cn.duban.command.supervision;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.kernel.supervision.AnswerCopyNotice;
import cn.duban.kernel.supervision.SendCopyNotice;
import cn.duban.platform.eventstore.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** 抄告单 and 反馈 (seed 004), and the sampling plan (seed 003). */
@RestController
@Tag(name = "督查 Inspections")
public class CopyNoticeCommandController {
    private final CommandDispatch commands;

    public CopyNoticeCommandController(CommandDispatch commands) {
        this.commands = commands;
    }

    /** {@code fromUnitId}: the sending department (unit staff: their own unit); absent for the lead office. */
    public record CopyNoticeRequest(@Size(max = 64) String fromUnitId, @NotBlank @Size(max = 64) String toUnitId,
                                    @NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String text) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 5000) String text) {
    }

    @PostMapping("/api/copy-notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "抄告 / tell another unit of a problem; it answers within 20 working days or the notice is escalated")
    public Created send(@Valid @RequestBody CopyNoticeRequest r) {
        return new Created(commands.send(new SendCopyNotice(TimeOrderedIds.next(), r.fromUnitId(), r.toUnitId(), r.subject(), r.text())));
    }

    public record SamplingPlanRequest(@jakarta.validation.constraints.NotNull cn.duban.kernel.supervision.SamplingPeriod period,
                                      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) int recordsPerUnit) {
    }

    @PostMapping("/api/schemes/{schemeId}/sampling-plan")
    @Operation(summary = "抽查计划 / each unit's records to sample per month or quarter; setting it again changes it")
    public Map<String, String> samplingPlan(@PathVariable String schemeId, @Valid @RequestBody SamplingPlanRequest r) {
        commands.send(new cn.duban.kernel.supervision.SetSamplingPlan(schemeId, r.period(), r.recordsPerUnit()));
        return Map.of("schemeId", schemeId, "period", r.period().name(), "recordsPerUnit", Integer.toString(r.recordsPerUnit()));
    }

    @PostMapping("/api/copy-notices/{id}/answer")
    @Operation(summary = "抄告反馈 / the addressed unit answers, once")
    public Map<String, String> answer(@PathVariable String id, @Valid @RequestBody AnswerRequest r) {
        commands.send(new AnswerCopyNotice(id, r.text()));
        return Map.of("id", id, "status", "ANSWERED");
    }
}
