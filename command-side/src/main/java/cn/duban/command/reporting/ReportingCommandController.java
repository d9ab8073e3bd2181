package cn.duban.command.reporting;

import cn.duban.command.common.CommandDispatch;
import cn.duban.platform.eventstore.TimeOrderedIds;
import cn.duban.platform.materials.MaterialStore;
import cn.duban.command.common.Batch;
import cn.duban.command.reporting.ReportingRequests.AcceptanceRequest;
import cn.duban.command.reporting.ReportingRequests.AcceptancesRequest;
import cn.duban.command.reporting.ReportingRequests.FiguresRequest;
import cn.duban.command.reporting.ReportingRequests.ReportAcceptance;
import cn.duban.command.reporting.ReportingRequests.RejectionsRequest;
import cn.duban.command.reporting.ReportingRequests.UnitFigure;
import cn.duban.command.reporting.ReportingRequests.AchievementRequest;
import cn.duban.command.reporting.ReportingRequests.CampaignRequest;
import cn.duban.command.reporting.ReportingRequests.ClosureRequest;
import cn.duban.command.common.Created;
import cn.duban.command.reporting.ReportingRequests.IndicatorRequest;
import cn.duban.command.reporting.ReportingRequests.InfoReportRequest;
import cn.duban.command.reporting.ReportingRequests.CampaignProgressRequest;
import cn.duban.command.reporting.ReportingRequests.RejectionRequest;
import cn.duban.command.reporting.ReportingRequests.TrainingRequest;
import cn.duban.command.reporting.ReportingRequests.WithdrawalRequest;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.reporting.CloseCampaign;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.reporting.WithdrawAchievement;
import cn.duban.kernel.reporting.WithdrawCampaign;
import cn.duban.kernel.reporting.WithdrawCampaignProgress;
import cn.duban.kernel.reporting.WithdrawIndicatorReport;
import cn.duban.kernel.reporting.WithdrawInfoReport;
import cn.duban.kernel.reporting.WithdrawTraining;
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
import java.util.List;
import java.util.Map;

/** What units report during the year (trainings, information reports, campaigns, indicator figures, achievements), and the review of information reports. */
@RestController
@RequestMapping("/api")
@Tag(name = "填报 Reporting")
public class ReportingCommandController {
    private final CommandDispatch commands;
    private final MaterialStore materials;

    public ReportingCommandController(CommandDispatch commands, MaterialStore materials) {
        this.commands = commands;
        this.materials = materials;
    }

    @PostMapping("/units/{unitId}/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送培训 / report a training held, its kind, audience and files (sign-in sheet, photos)")
    public Created training(@PathVariable String unitId, @Valid @RequestBody TrainingRequest r) {
        String id = commands.send(new RecordTraining(TimeOrderedIds.next(), unitId, r.heldOn(), r.topic(),
                r.attendees() == null ? 0 : r.attendees(), r.hours() == null ? BigDecimal.ZERO : r.hours(), r.kind(), r.audience(),
                materials.resolve(unitId, r.materials(), "materials")));
        return new Created(id);
    }

    @PostMapping("/trainings/{id}/withdrawal")
    @Operation(summary = "撤回培训记录 / withdraw a training record entered in error, saying why",
            description = "Its unit's staff or the lead office; once, again → 409. From now on it counts for no scheme; "
                    + "answers as of an earlier instant still count it. Enter it again, corrected, as a new training.")
    public Map<String, String> withdrawTraining(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawTraining(id, r.reason()));
    }

    @PostMapping("/units/{unitId}/info-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送信息材料 / submit an information report: title, text, category and files")
    public Created infoReport(@PathVariable String unitId, @Valid @RequestBody InfoReportRequest r) {
        return new Created(commands.send(new SubmitInfoReport(TimeOrderedIds.next(), unitId, r.title(), r.submittedOn(), r.text(), r.category(),
                materials.resolve(unitId, r.materials(), "materials"))));
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

    @PostMapping("/info-reports/acceptances")
    @Operation(summary = "录用所选信息 / accept several information reports, each at its own level",
            description = "Each is its own acceptance, as POST /api/info-reports/{id}/acceptance answers it: one decided meanwhile is "
                    + "refused in its result (409) and the rest are accepted. Answers {done, refused, results:[{id, status?, error?}]}, "
                    + "in the order sent; a malformed body is a 400 and nothing is accepted.")
    public Batch acceptMany(@Valid @RequestBody AcceptancesRequest r) {
        return commands.sendEach(r.reports(), ReportAcceptance::reportId, a -> new AcceptInfoReport(a.reportId(), a.level()));
    }

    @PostMapping("/info-reports/rejections")
    @Operation(summary = "退回所选信息 / reject several information reports with one reason",
            description = "Each is its own rejection recording the reason, and its unit is told; answered as acceptances are.")
    public Batch rejectMany(@Valid @RequestBody RejectionsRequest r) {
        return commands.sendEach(r.reportIds(), id -> id, id -> new RejectInfoReport(id, r.reason()));
    }

    @PostMapping("/info-reports/{id}/withdrawal")
    @Operation(summary = "撤回信息 / withdraw an information report the lead office has not decided on, saying why",
            description = "Its unit's staff or the lead office; once accepted, rejected or withdrawn → 409. It leaves the review queue "
                    + "and its submission counts for no scheme from now on.")
    public Map<String, String> withdrawInfoReport(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawInfoReport(id, r.reason()));
    }

    @PostMapping("/units/{unitId}/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "启动专项整治 / launch a rectification campaign")
    public Created campaign(@PathVariable String unitId, @Valid @RequestBody CampaignRequest r) {
        return new Created(commands.send(new LaunchCampaign(TimeOrderedIds.next(), unitId, r.kind(), r.title(), r.launchedOn())));
    }

    @PostMapping("/campaigns/{id}/progress")
    @Operation(summary = "报送整治进展 / record campaign progress", description = "409 once the campaign is closed.")
    public Map<String, String> progress(@PathVariable String id, @Valid @RequestBody CampaignProgressRequest r) {
        commands.send(new RecordCampaignProgress(id, r.measure(), r.quantity(), r.on(), r.materials()));
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
    @Operation(summary = "报送指标数据 / report an indicator figure (a rate in percent, or a count such as rental_supply), with files")
    public Created indicator(@PathVariable String unitId, @Valid @RequestBody IndicatorRequest r) {
        return new Created(commands.send(new ReportIndicator(TimeOrderedIds.next(), unitId, r.indicator(), r.year(), r.value(),
                r.numerator(), r.denominator(), materials.resolve(unitId, r.materials(), "materials"))));
    }

    @PostMapping("/indicator-figures")
    @Operation(summary = "代录多个单位的指标数据 / enter indicator figures for many units at once (a workbook's rows, read by POST /api/indicators/preview)",
            description = "Lead office. Each figure is its own record, as POST /api/units/{unitId}/indicators enters it for that unit and checks it; "
                    + "one refused (a unit retired meanwhile) is said in its result and the rest are entered. Each result's id is the new record's.")
    public Batch figures(@Valid @RequestBody FiguresRequest r) {
        return commands.sendEach(r.figures(), f -> null, UnitFigure::unitId, f -> new ReportIndicator(TimeOrderedIds.next(), f.unitId(),
                f.indicator(), f.year(), f.value(), f.numerator(), f.denominator(), List.of()));
    }

    @PostMapping("/units/{unitId}/achievements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报送创新成果 / record an achievement", description = "kind: MEDIA_PUBLICATION, LEADER_INSTRUCTION or PROMOTION; level: one of the kind's levels (DISTRICT, CITY, PROVINCE, NATIONAL; CENTRAL for instructions)")
    public Created achievement(@PathVariable String unitId, @Valid @RequestBody AchievementRequest r) {
        return new Created(commands.send(new RecordAchievement(TimeOrderedIds.next(), unitId, r.kind(), r.level(), r.title(), r.on(),
                materials.resolve(unitId, r.materials(), "materials"))));
    }

    @PostMapping("/achievements/{id}/withdrawal")
    @Operation(summary = "撤回工作成果 / withdraw an achievement entered in error, saying why",
            description = "Its unit's staff or the lead office; once, again → 409. From now on it earns no bonus; "
                    + "answers as of an earlier instant still count it.")
    public Map<String, String> withdrawAchievement(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawAchievement(id, r.reason()));
    }

    @PostMapping("/indicator-reports/{id}/withdrawal")
    @Operation(summary = "撤回指标数据 / withdraw an indicator figure reported in error, saying why",
            description = "Its unit's staff or the lead office; once, again → 409. From now on the figure of that indicator and year "
                    + "reported before it, if any, counts again; answers as of an earlier instant still count it. "
                    + "A wrong figure is also corrected by reporting the right one: the latest counts.")
    public Map<String, String> withdrawIndicatorReport(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawIndicatorReport(id, r.reason()));
    }

    @PostMapping("/campaigns/{id}/progress/{eventId}/withdrawal")
    @Operation(summary = "撤回整治进展 / withdraw one step of a campaign's progress recorded in error, saying why",
            description = "The step is named by the id of the event that recorded it (a campaign record's steps list them). Its unit's staff "
                    + "or the lead office; while the campaign is open (closed → 409); once (again → 409); a step the campaign does not have → 404. "
                    + "From then on its quantity counts toward no measure; as of any earlier instant it counts as it did.")
    public Map<String, String> withdrawCampaignProgress(@PathVariable String id, @PathVariable String eventId,
                                                        @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawCampaignProgress(id, eventId, r.reason()));
    }

    @PostMapping("/campaigns/{id}/withdrawal")
    @Operation(summary = "撤回专项整治 / withdraw a whole campaign entered in error, saying why",
            description = "Its unit's staff or the lead office; open or closed; once (again → 409). From then on neither its launch, "
                    + "nor any step of its progress, nor its closing counts, and it takes no more steps nor a closing (→ 409); "
                    + "as of any earlier instant they count as they did. To correct one step only, withdraw that step.")
    public Map<String, String> withdrawCampaign(@PathVariable String id, @Valid @RequestBody WithdrawalRequest r) {
        return withdrawn(id, new WithdrawCampaign(id, r.reason()));
    }

    /** Sends a withdrawal (撤回) and answers as each of the withdrawal endpoints does. */
    private Map<String, String> withdrawn(String id, Object withdrawal) {
        commands.send(withdrawal);
        return Map.of("id", id, "status", "WITHDRAWN");
    }
}
