package cn.duban.command.api;

import cn.duban.command.api.Requests.AcceptanceRequest;
import cn.duban.command.api.Requests.AchievementRequest;
import cn.duban.command.api.Requests.AdjustmentRequest;
import cn.duban.command.api.Requests.CampaignRequest;
import cn.duban.command.api.Requests.ClosureRequest;
import cn.duban.command.api.Requests.Created;
import cn.duban.command.api.Requests.FailureRequest;
import cn.duban.command.api.Requests.IndicatorRequest;
import cn.duban.command.api.Requests.InfoReportRequest;
import cn.duban.command.api.Requests.ProgressRequest;
import cn.duban.command.api.Requests.RejectionRequest;
import cn.duban.command.api.Requests.TrainingRequest;
import cn.duban.kernel.command.AcceptInfoReport;
import cn.duban.kernel.command.AdjustScore;
import cn.duban.kernel.command.CloseCampaign;
import cn.duban.kernel.command.LaunchCampaign;
import cn.duban.kernel.command.RecordAchievement;
import cn.duban.kernel.command.RecordCampaignProgress;
import cn.duban.kernel.command.RecordFailure;
import cn.duban.kernel.command.RecordTraining;
import cn.duban.kernel.command.RejectInfoReport;
import cn.duban.kernel.command.ReportIndicator;
import cn.duban.kernel.command.SubmitInfoReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** What units report during the year, and the lead office's decisions and assessor records on it. */
@RestController
@RequestMapping("/api")
@Tag(name = "事实 Facts")
public class FactCommandController {
    private final CommandDispatch commands;

    public FactCommandController(CommandDispatch commands) {
        this.commands = commands;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @PostMapping("/units/{unitId}/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送业务培训 / report a training held")
    public Created training(@PathVariable String unitId, @Valid @RequestBody TrainingRequest r) {
        String id = commands.send(new RecordTraining(newId(), unitId, r.heldOn(), r.topic(),
                r.attendees() == null ? 0 : r.attendees(), r.hours() == null ? BigDecimal.ZERO : r.hours()));
        return new Created(id);
    }

    @PostMapping("/units/{unitId}/info-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送信息材料 / submit an information report")
    public Created infoReport(@PathVariable String unitId, @Valid @RequestBody InfoReportRequest r) {
        return new Created(commands.send(new SubmitInfoReport(newId(), unitId, r.title(), r.submittedOn())));
    }

    @PostMapping("/info-reports/{id}/acceptance")
    @Operation(summary = "录用信息 / accept an information report", description = "Once; a second decision is a 409.")
    public Map<String, String> accept(@PathVariable String id, @Valid @RequestBody AcceptanceRequest r) {
        commands.send(new AcceptInfoReport(id, r.level()));
        return Map.of("id", id, "status", "ACCEPTED", "level", r.level().name());
    }

    @PostMapping("/info-reports/{id}/rejection")
    @Operation(summary = "退回信息 / reject an information report", description = "Once; a second decision is a 409.")
    public Map<String, String> reject(@PathVariable String id, @Valid @RequestBody RejectionRequest r) {
        commands.send(new RejectInfoReport(id, r.reason()));
        return Map.of("id", id, "status", "REJECTED");
    }

    @PostMapping("/units/{unitId}/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "启动专项整治 / launch a rectification campaign")
    public Created campaign(@PathVariable String unitId, @Valid @RequestBody CampaignRequest r) {
        return new Created(commands.send(new LaunchCampaign(newId(), unitId, r.kind(), r.title(), r.launchedOn())));
    }

    @PostMapping("/campaigns/{id}/progress")
    @Operation(summary = "报送整治进展 / record campaign progress", description = "409 once the campaign is closed.")
    public Map<String, String> progress(@PathVariable String id, @Valid @RequestBody ProgressRequest r) {
        commands.send(new RecordCampaignProgress(id, r.measure(), r.quantity(), r.on()));
        return Map.of("id", id);
    }

    @PostMapping("/campaigns/{id}/closure")
    @Operation(summary = "结束专项整治 / close a campaign")
    public Map<String, String> close(@PathVariable String id, @Valid @RequestBody ClosureRequest r) {
        commands.send(new CloseCampaign(id, r.on(), r.summary()));
        return Map.of("id", id, "status", "CLOSED");
    }

    @PostMapping("/units/{unitId}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送率指标 / report an indicator figure (percent)")
    public Created indicator(@PathVariable String unitId, @Valid @RequestBody IndicatorRequest r) {
        return new Created(commands.send(new ReportIndicator(newId(), unitId, r.indicator(), r.year(), r.value(),
                r.numerator(), r.denominator())));
    }

    @PostMapping("/units/{unitId}/achievements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送创新成果 / record an achievement", description = "kind: MEDIA_PUBLICATION, LEADER_INSTRUCTION or PROMOTION")
    public Created achievement(@PathVariable String unitId, @Valid @RequestBody AchievementRequest r) {
        return new Created(commands.send(new RecordAchievement(newId(), unitId, r.kind(), r.level(), r.title(), r.on())));
    }

    @PostMapping("/units/{unitId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "考核组加减分 / assessor adjustment with a reason")
    public Created adjustment(@PathVariable String unitId, @Valid @RequestBody AdjustmentRequest r) {
        return new Created(commands.send(new AdjustScore(newId(), unitId, r.schemeId(), r.itemCode(), r.points(), r.reason())));
    }

    @PostMapping("/units/{unitId}/self-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "自评分 / the unit's own score for an item, shown beside the assessed score")
    public Created selfAssessment(@PathVariable String unitId, @Valid @RequestBody Requests.SelfAssessmentRequest r) {
        return new Created(commands.send(new cn.duban.kernel.command.RecordSelfAssessment(newId(), unitId, r.schemeId(),
                r.itemCode(), r.score(), r.note())));
    }

    public record AppealRequest(@jakarta.validation.constraints.NotBlank String schemeId, @jakarta.validation.constraints.NotBlank String itemCode,
                                @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    public record AppealDecision(boolean upheld, @jakarta.validation.constraints.DecimalMin("-100") @jakarta.validation.constraints.DecimalMax("100") BigDecimal points,
                                 @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    @PostMapping("/units/{unitId}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申诉 / a unit appeals its score on one item")
    public Created appeal(@PathVariable String unitId, @Valid @RequestBody AppealRequest r) {
        return new Created(commands.send(new cn.duban.kernel.command.FileAppeal(newId(), unitId, r.schemeId(), r.itemCode(), r.reason())));
    }

    @PostMapping("/appeals/{id}/decision")
    @Operation(summary = "申诉处理 / uphold (with a correction in points) or reject an appeal, once")
    public Map<String, String> decideAppeal(@PathVariable String id, @Valid @RequestBody AppealDecision r) {
        commands.send(new cn.duban.kernel.command.DecideAppeal(id, r.upheld(), r.points(), r.note()));
        return Map.of("id", id, "status", r.upheld() ? "UPHELD" : "REJECTED");
    }

    @PostMapping("/units/{unitId}/failures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录未落实 / record a failure on a PER_FAILURE item")
    public Created failure(@PathVariable String unitId, @Valid @RequestBody FailureRequest r) {
        return new Created(commands.send(new RecordFailure(newId(), unitId, r.schemeId(), r.itemCode(), r.reason(), r.on())));
    }
}
