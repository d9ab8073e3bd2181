package cn.duban.query.api;

import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.query.ScoreQueries;
import cn.duban.query.ScoreQueries.RankingEntry;
import cn.duban.query.ScoreQueries.Timeline;
import cn.duban.query.projection.UnitsProjection.UnitView;
import cn.duban.query.readmodel.FactEntry;
import cn.duban.query.readmodel.SchemeView;
import cn.duban.kernel.scheme.SchemeDocument;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Reads. Each accepts {@code X-Duban-Min-Position}: a client that wrote through another process
 * (command side on its own) passes the position its write returned and is answered only once the
 * read models include it.
 */
@RestController
@RequestMapping("/api")
public class QueryController {
    public static final String MIN_POSITION_HEADER = "X-Duban-Min-Position";
    private final ScoreQueries queries;
    private final cn.duban.query.Comparisons comparisons;
    private final ProjectionProgress progress;
    private final DubanProperties props;

    private final java.time.Clock clock;

    public QueryController(ScoreQueries queries, cn.duban.query.Comparisons comparisons, ProjectionProgress progress, DubanProperties props,
                           java.time.Clock dubanClock) {
        this.clock = dubanClock;
        this.queries = queries;
        this.comparisons = comparisons;
        this.progress = progress;
        this.props = props;
    }

    private void await(Long minPosition) {
        if (minPosition != null) {
            progress.awaitClaimedPosition(minPosition, props.consistencyWait());
        }
    }

    @GetMapping("/units")
    @Tag(name = "单位 Units")
    @Operation(summary = "单位列表 / all units")
    public List<UnitView> units(@RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return queries.units();
    }

    @GetMapping("/units/{unitId}")
    @Tag(name = "单位 Units")
    public UnitView unit(@PathVariable String unitId, @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return queries.unit(unitId);
    }

    @GetMapping("/units/{unitId}/facts")
    @Tag(name = "评分 Scores")
    @Operation(summary = "单位事实记录 / the unit's fact log in recording order, with actors and positions")
    public List<FactEntry> facts(@PathVariable String unitId, @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return queries.facts(unitId);
    }

    public record PendingReport(String reportId, String unitId, String unitName, java.time.LocalDate submittedOn, Instant recordedAt,
                                String submittedBy, String eventId) {
    }

    @GetMapping("/info-reports/pending")
    @Tag(name = "评分 Scores")
    @Operation(summary = "待审核信息 / information reports submitted and not yet accepted or rejected, oldest first")
    public List<PendingReport> pendingReports(@RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        List<PendingReport> out = new java.util.ArrayList<>();
        for (UnitView unit : queries.units()) {
            java.util.Map<String, FactEntry> submitted = new java.util.LinkedHashMap<>();
            for (FactEntry e : queries.facts(unit.id())) {
                if (e.kind() == cn.duban.kernel.scheme.FactKind.INFO_SUBMITTED) {
                    submitted.put(e.subjectId(), e);
                } else if (e.kind() == cn.duban.kernel.scheme.FactKind.INFO_ACCEPTED || e.kind() == cn.duban.kernel.scheme.FactKind.INFO_REJECTED) {
                    submitted.remove(e.subjectId());
                }
            }
            submitted.values().forEach(e -> out.add(new PendingReport(e.subjectId(), unit.id(), unit.name(), e.on(), e.recordedAt(), e.actor(), e.eventId())));
        }
        out.sort(java.util.Comparator.comparing(PendingReport::recordedAt));
        return out;
    }

    public record SchemeSummary(String id, int year, String title, String status, int version) {
    }

    /** The latest version's document at the top level, with the scheme's status and version history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchemeDetails(@JsonUnwrapped SchemeDocument document, String status, int version,
                                Integer publishedVersion, List<VersionInfo> versions) {
    }

    public record VersionInfo(int version, String status, Instant draftedAt, Instant publishedAt) {
    }

    @GetMapping("/schemes")
    @Tag(name = "考核方案 Schemes")
    public List<SchemeSummary> schemes(@RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return queries.schemes().stream()
                .map(s -> new SchemeSummary(s.id(), s.year(), s.title(), s.status(), s.latest().version())).toList();
    }

    @GetMapping("/schemes/{schemeId}")
    @Tag(name = "考核方案 Schemes")
    @Operation(summary = "方案详情 / the latest version's document with status and versions")
    public SchemeDetails scheme(@PathVariable String schemeId, @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        SchemeView s = queries.scheme(schemeId);
        int latest = s.latest().version();
        Integer published = s.versions().stream().filter(v -> v.publishedAt() != null)
                .map(SchemeView.Version::version).reduce((a, b) -> b).orElse(null);
        return new SchemeDetails(s.latest().document(), s.status(), latest, published,
                s.versions().stream().map(v -> new VersionInfo(v.version(), v.status(latest), v.draftedAt(), v.publishedAt())).toList());
    }

    @GetMapping("/units/{unitId}/score")
    @Tag(name = "评分 Scores")
    @Operation(summary = "单位得分 / a unit's score, now or as of an instant",
            description = "asOf is recording time: exactly what the platform answered then; later-recorded facts are invisible.")
    public ScoreCard score(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                           @Parameter(description = "ISO-8601 instant") @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                           @Parameter(description = "RECORDING (default) or EFFECTIVE") @RequestParam(defaultValue = "RECORDING")
                           cn.duban.query.Comparisons.View view,
                           @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        if (view == cn.duban.query.Comparisons.View.EFFECTIVE) {
            return comparisons.score(unitId, schemeId, asOf == null ? clock.instant() : asOf, view);
        }
        return queries.score(unitId, schemeId, asOf);
    }

    @GetMapping("/units/{unitId}/comparison")
    @Tag(name = "评分 Scores")
    @Operation(summary = "两个时点对比 / a unit's score at two instants and why it differs",
            description = "Per item: before, after, delta, and the events behind the change. view=RECORDING (default: what was known then) or EFFECTIVE (what had happened by then).")
    public cn.duban.query.Comparisons.Comparison comparison(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                            @RequestParam(defaultValue = "RECORDING") cn.duban.query.Comparisons.View view,
                                                            @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return comparisons.compare(unitId, schemeId, from, to, view);
    }

    @GetMapping("/schemes/{schemeId}/comparison")
    @Tag(name = "评分 Scores")
    @Operation(summary = "全部单位对比表 / every unit's change between two instants, biggest gain first")
    public List<cn.duban.query.Comparisons.TableRow> comparisonTable(@PathVariable String schemeId,
                                                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                                     @RequestParam(defaultValue = "RECORDING") cn.duban.query.Comparisons.View view) {
        return comparisons.table(schemeId, from, to, view);
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/schemes/{schemeId}/what-if",
            consumes = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "考核方案 Schemes")
    @Operation(summary = "模拟评分 / what if: every unit's score now under another scheme document (e.g. a draft revision); nothing is stored")
    public List<ScoreQueries.WhatIfRow> whatIf(@PathVariable String schemeId, @org.springframework.web.bind.annotation.RequestBody
                                               cn.duban.kernel.scheme.SchemeDocument alternative) {
        List<cn.duban.kernel.error.Violation> violations = cn.duban.kernel.scheme.SchemeValidator.validate(alternative);
        if (!violations.isEmpty()) {
            throw new cn.duban.kernel.error.InvalidInputException(violations);
        }
        return queries.whatIf(schemeId, alternative);
    }

    @GetMapping("/units/{unitId}/timeline")
    @Tag(name = "评分 Scores")
    @Operation(summary = "得分时间线 / the score after each event that touched the unit, in recording order")
    public Timeline timeline(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                             @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        return queries.timeline(unitId, schemeId);
    }

    @GetMapping("/schemes/{schemeId}/ranking")
    @Tag(name = "评分 Scores")
    @Operation(summary = "排名 / ranking, best first, now or as of an instant",
            description = "type=STREET or DEPARTMENT ranks one table's units among themselves (附件1 and 附件2 are scored differently).")
    public List<RankingEntry> ranking(@PathVariable String schemeId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                      @RequestParam(required = false) cn.duban.kernel.unit.UnitType type,
                                      @RequestHeader(value = MIN_POSITION_HEADER, required = false) Long min) {
        await(min);
        List<RankingEntry> all = queries.ranking(schemeId, asOf);
        return type == null ? all : cn.duban.query.ScoreQueries.ranked(all.stream().filter(r -> r.type() == type).toList());
    }
}
