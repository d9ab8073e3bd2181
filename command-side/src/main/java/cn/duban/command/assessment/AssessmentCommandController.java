package cn.duban.command.assessment;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.assessment.AssessmentRequests.AdjustmentRequest;
import cn.duban.command.assessment.AssessmentRequests.AdjustmentsRequest;
import cn.duban.command.assessment.AssessmentRequests.FailuresRequest;
import cn.duban.command.common.Batch;
import cn.duban.command.assessment.AssessmentRequests.AppealDecision;
import cn.duban.platform.eventstore.TimeOrderedIds;
import cn.duban.platform.materials.MaterialStore;
import cn.duban.command.assessment.AssessmentRequests.AppealRequest;
import cn.duban.command.assessment.AssessmentRequests.AppealWithdrawal;
import cn.duban.command.assessment.AssessmentRequests.SelfAssessmentRequest;
import cn.duban.command.common.Created;
import cn.duban.command.assessment.AssessmentRequests.FailureRequest;
import cn.duban.kernel.assessment.AdjustScore;
import cn.duban.kernel.assessment.RecordFailure;
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
import java.util.Map;

/** The lead office's assessment records (adjustments, failures), units' self-assessment and appeals. */
@RestController
@RequestMapping("/api")
@Tag(name = "考核 Assessment")
public class AssessmentCommandController {
    private final CommandDispatch commands;
    private final MaterialStore materials;

    public AssessmentCommandController(CommandDispatch commands, MaterialStore materials) {
        this.commands = commands;
        this.materials = materials;
    }

    @PostMapping("/units/{unitId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "考核组加减分 / assessor adjustment with a reason")
    public Created adjustment(@PathVariable String unitId, @Valid @RequestBody AdjustmentRequest r) {
        return new Created(commands.send(new AdjustScore(TimeOrderedIds.next(), unitId, r.schemeId(), r.itemCode(), r.points(), r.reason())));
    }

    @PostMapping("/units/{unitId}/self-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "自评分 / the unit's own score for an item, shown beside the assessed score")
    public Created selfAssessment(@PathVariable String unitId, @Valid @RequestBody SelfAssessmentRequest r) {
        return new Created(commands.send(new cn.duban.kernel.assessment.RecordSelfAssessment(TimeOrderedIds.next(), unitId, r.schemeId(),
                r.itemCode(), r.score(), r.note())));
    }

    @PostMapping("/units/{unitId}/self-assessments/sheet")
    @Operation(summary = "逐项自评 / the unit's own score for several items at once, each its own self-assessment",
            description = "Each item as POST /api/units/{unitId}/self-assessments records it (the newest counts); one refused (a score above "
                    + "the item's max) is said in its result and the rest are recorded. Answers {done, refused, results} in the order of items.")
    public Batch selfAssessments(@PathVariable String unitId, @Valid @RequestBody AssessmentRequests.SelfAssessmentSheet r) {
        // Another unit's sheet is refused whole (403), as its single requests are, not item by item.
        cn.duban.platform.security.CurrentUser.requireMayActFor(unitId);
        return commands.sendEach(r.items(), item -> null, item -> unitId, item -> new cn.duban.kernel.assessment.RecordSelfAssessment(
                TimeOrderedIds.next(), unitId, r.schemeId(), item.itemCode(), item.score(), item.note()));
    }

    @PostMapping("/units/{unitId}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申诉 / a unit appeals its score on one item")
    public Created appeal(@PathVariable String unitId, @Valid @RequestBody AppealRequest r) {
        return new Created(commands.send(new cn.duban.kernel.assessment.FileAppeal(TimeOrderedIds.next(), unitId, r.schemeId(), r.itemCode(), r.reason(),
                materials.resolve(unitId, r.materials(), "materials"))));
    }

    @PostMapping("/appeals/{id}/decision")
    @Operation(summary = "申诉处理 / uphold (with a correction in points) or reject an appeal, once")
    public Map<String, String> decideAppeal(@PathVariable String id, @Valid @RequestBody AppealDecision r) {
        commands.send(new cn.duban.kernel.assessment.DecideAppeal(id, r.upheld(), r.points(), r.note()));
        return Map.of("id", id, "status", r.upheld() ? "UPHELD" : "REJECTED");
    }

    @PostMapping("/appeals/{id}/withdrawal")
    @Operation(summary = "撤回申诉 / withdraw an appeal the lead office has not decided, saying why",
            description = "Its unit's staff or the lead office; once decided or withdrawn → 409. It leaves the lead office's queue, "
                    + "and the score's item shows it withdrawn.")
    public Map<String, String> withdrawAppeal(@PathVariable String id, @Valid @RequestBody AppealWithdrawal r) {
        commands.send(new cn.duban.kernel.assessment.WithdrawAppeal(id, r.reason()));
        return Map.of("id", id, "status", "WITHDRAWN");
    }

    @PostMapping("/adjustments")
    @Operation(summary = "为多个单位加减分 / one adjustment for several units, each its own",
            description = "Each unit's adjustment as POST /api/units/{unitId}/adjustments records it; one refused (an item the unit's type is not "
                    + "assessed on) is said in its result and the rest are recorded. Answers {done, refused, results:[{id, status?, error?}]} "
                    + "in the order of unitIds, each id the new record's.")
    public Batch adjustments(@Valid @RequestBody AdjustmentsRequest r) {
        return commands.sendEach(r.unitIds(), unitId -> null, unitId -> new AdjustScore(TimeOrderedIds.next(), unitId, r.schemeId(),
                r.itemCode(), r.points(), r.reason()));
    }

    @PostMapping("/failures")
    @Operation(summary = "为多个单位记录未落实 / one failure for several units, each its own",
            description = "Each unit's failure as POST /api/units/{unitId}/failures records it; answered as /api/adjustments is.")
    public Batch failures(@Valid @RequestBody FailuresRequest r) {
        return commands.sendEach(r.unitIds(), unitId -> null, unitId -> new RecordFailure(TimeOrderedIds.next(), unitId, r.schemeId(),
                r.itemCode(), r.reason(), r.on()));
    }

    @PostMapping("/units/{unitId}/failures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录未落实 / record a failure on a PER_FAILURE item")
    public Created failure(@PathVariable String unitId, @Valid @RequestBody FailureRequest r) {
        return new Created(commands.send(new RecordFailure(TimeOrderedIds.next(), unitId, r.schemeId(), r.itemCode(), r.reason(), r.on())));
    }
}
