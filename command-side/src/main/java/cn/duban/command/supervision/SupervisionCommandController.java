package cn.duban.command.supervision;

import cn.duban.command.common.CommandDispatch;
import cn.duban.command.common.Created;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.supervision.CheckSampledRecord;
import cn.duban.kernel.supervision.DrawSample;
import cn.duban.kernel.supervision.OrderRectification;
import cn.duban.kernel.assessment.PublishResults;
import cn.duban.kernel.supervision.RecheckSampledRecord;
import cn.duban.kernel.supervision.RejectRectification;
import cn.duban.kernel.supervision.ReportRectification;
import cn.duban.kernel.supervision.VerifyRectification;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.Verdict;
import cn.duban.platform.eventstore.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import cn.duban.kernel.error.ConflictException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 抽查, 限期整改 and 通报: the supervision acts that follow an inspection. */
@RestController
@Tag(name = "督查 Inspections")
public class SupervisionCommandController {
    private final CommandDispatch commands;

    public SupervisionCommandController(CommandDispatch commands) {
        this.commands = commands;
    }

    public record SampleRequest(@NotBlank String unitId, @NotNull SampleKind kind, @NotNull LocalDate from, @NotNull LocalDate to,
                                @NotNull @Min(1) @Max(200) Integer size, Long seed) {
    }

    public record VerdictRequest(@NotNull Verdict verdict, @Size(max = 2000) String note) {
    }

    @PostMapping("/api/samples")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "抽查 / draw a random sample of a unit's records",
            description = "The sample's id is its scope (unit, kind, period): the same scope is drawn once, a second draw is a 409. "
                    + "The seed is recorded (generated unless given), so the draw is reproducible.")
    public Created draw(@Valid @RequestBody SampleRequest r) {
        String id = AggregateIds.sample(r.unitId(), r.kind(), r.from(), r.to());
        try {
            return new Created(commands.send(new DrawSample(id, r.unitId(), r.kind(), r.from(), r.to(), r.size(), r.seed())));
        } catch (AggregateStreamCreationException e) {
            // The id is the scope: taken means drawn before (a concurrent change cannot be it, a sample is drawn once).
            throw new ConflictException("该单位这类记录在此期间已抽取过样本，请在样本列表中查看 / "
                    + "this unit's records of this kind and period were sampled already: see the list of samples");
        }
    }

    @PostMapping("/api/samples/{id}/records/{recordId}/check")
    @Operation(summary = "核查 / check a sampled record", description = "A flagged verdict needs the reason in note.")
    public Map<String, String> check(@PathVariable String id, @PathVariable String recordId, @Valid @RequestBody VerdictRequest r) {
        commands.send(new CheckSampledRecord(id, recordId, r.verdict(), r.note()));
        return Map.of("id", id, "recordId", recordId);
    }

    @PostMapping("/api/samples/{id}/records/{recordId}/recheck")
    @Operation(summary = "复核 / recheck a checked record (another supervisor; final)",
            description = "The same supervisor as the check → 409. A record flagged here stops counting from now on.")
    public Map<String, String> recheck(@PathVariable String id, @PathVariable String recordId, @Valid @RequestBody VerdictRequest r) {
        commands.send(new RecheckSampledRecord(id, recordId, r.verdict(), r.note()));
        return Map.of("id", id, "recordId", recordId);
    }

    public record RectificationRequest(@NotBlank @Size(max = 5000) String requirement, @Min(1) @Max(120) Integer workingDays, LocalDate dueOn) {
    }

    /** {@code materials}: the sha256 of files uploaded for the unit (整改台账, photos). */
    public record RectificationReport(@NotBlank @Size(max = 5000) String text, List<@NotBlank @Size(max = 200) String> evidence,
                                      @Size(max = cn.duban.kernel.material.Material.MAX_PER_RECORD)
                                      List<@NotNull @jakarta.validation.constraints.Pattern(regexp = cn.duban.kernel.material.Material.SHA256_REGEX) String> materials) {
    }

    public record Note(@Size(max = 2000) String note) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/rounds/{roundId}/findings/{findingId}/rectification")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "限期整改 / order the finding's unit to rectify by a deadline",
            description = "Deadline: dueOn, else workingDays (default 20) working days from today on the district calendar. Once per finding.")
    public Created order(@PathVariable String roundId, @PathVariable String findingId, @Valid @RequestBody RectificationRequest r) {
        return new Created(commands.send(new OrderRectification(AggregateIds.rectification(findingId), roundId, findingId,
                r.requirement(), r.workingDays(), r.dueOn())));
    }

    @PostMapping("/api/rectifications/{id}/report")
    @Operation(summary = "报告整改情况 / the unit reports its rectification")
    public Map<String, String> report(@PathVariable String id, @Valid @RequestBody RectificationReport r) {
        commands.send(new ReportRectification(id, r.text(), r.evidence(), r.materials()));
        return Map.of("id", id, "status", "REPORTED");
    }

    @PostMapping("/api/rectifications/{id}/verification")
    @Operation(summary = "整改核实 / verify the reported rectification")
    public Map<String, String> verify(@PathVariable String id, @Valid @RequestBody(required = false) Note r) {
        commands.send(new VerifyRectification(id, r == null ? null : r.note()));
        return Map.of("id", id, "status", "VERIFIED");
    }

    @PostMapping("/api/rectifications/{id}/rejection")
    @Operation(summary = "退回整改 / reject the reported rectification, with the reason")
    public Map<String, String> reject(@PathVariable String id, @Valid @RequestBody Reason r) {
        commands.send(new RejectRectification(id, r.reason()));
        return Map.of("id", id, "status", "ORDERED");
    }

    public record PublishRequest(@Size(max = 200) String title) {
    }

    @PostMapping("/api/rounds/year-end/{schemeId}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布通报 / publish the year-end results as they stand now",
            description = "Recorded as an event; the published notice is reproduced from the events before it, identically, at any later time.")
    public Created publish(@PathVariable String schemeId, @Valid @RequestBody(required = false) PublishRequest r) {
        return new Created(commands.send(new PublishResults(TimeOrderedIds.next(), schemeId, r == null ? null : r.title())));
    }
}
