package cn.duban.query.assessment;

import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.query.assessment.ScoreQueries.RankingEntry;
import cn.duban.query.assessment.ScoreQueries.Timeline;
import cn.duban.kernel.scheme.SchemeDocument;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


import java.time.Instant;
import java.util.List;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.Violation;
import cn.duban.kernel.scheme.SchemeValidator;
import cn.duban.kernel.unit.UnitType;
import cn.duban.platform.security.UnitReading;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Reads of scores: now, as of an instant, compared between two instants, over time and ranked, and
 * the fact log behind them. Like every read, each waits for {@value cn.duban.query.common.ReadAfterWrite#MIN_POSITION_HEADER} ({@link cn.duban.query.common.ReadAfterWrite}).
 */
@RestController
@RequestMapping("/api")
public class ScoreQueryController {
    private final ScoreQueries queries;
    private final Comparisons comparisons;

    private final Clock clock;
    private final UnitReading reading;

    public ScoreQueryController(ScoreQueries queries, Comparisons comparisons,
                                Clock dubanClock, UnitReading reading) {
        this.clock = dubanClock;
        this.reading = reading;
        this.queries = queries;
        this.comparisons = comparisons;
    }

    @GetMapping("/units/{unitId}/facts")
    @Tag(name = "评分 Scores")
    @Operation(summary = "单位事实记录 / the unit's fact log in recording order, with actors and positions",
            description = "Unit staff read their own unit's (and, in an open 互查 round, the units they inspect).")
    public List<FactEntry> facts(@PathVariable String unitId) {
        // The log holds what the records hold (figures, reasons, appeals' words): read as the records are.
        reading.requireMayRead(unitId);
        return queries.facts(unitId);
    }

    /** The most fact-log entries one page answers. */
    static final int MAX_FACTS_PAGE = 1000;
    private static final String NOT_NEGATIVE = "不能为负数 / must not be negative";
    private static final String FACTS_LIMIT_RANGE = "须在1到" + MAX_FACTS_PAGE + "之间 / 1 to " + MAX_FACTS_PAGE;
    private static final String EVIDENCE_LIMIT_RANGE = "须在0到10000之间 / 0 to 10000";
    private static final String TIMELINE_LIMIT_RANGE = "须在1到10000之间 / 1 to 10000";

    @GetMapping("/units/{unitId}/facts/page")
    @Tag(name = "评分 Scores")
    @Operation(summary = "单位事实记录（分页）/ a stretch of the unit's fact log in recording order",
            description = "At most limit entries (default 100, 1 to 1000) from the offset-th (0 the first recorded), as "
                    + "{\"total\",\"offset\",\"facts\"}: total is the whole log's size. Reads only the stretch asked for, where "
                    + "/facts answers the whole log (tens of megabytes for a unit with a hundred thousand facts). "
                    + "Unit staff read their own unit's (and, in an open 互查 round, the units they inspect).")
    public ScoreQueries.FactPage factPage(@PathVariable String unitId,
                                          @Parameter(description = "entries to skip from the first recorded (0 or more)") @RequestParam(defaultValue = "0")
                                          @Min(value = 0, message = NOT_NEGATIVE) int offset,
                                          @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100")
                                          @Min(value = 1, message = FACTS_LIMIT_RANGE) @Max(value = MAX_FACTS_PAGE, message = FACTS_LIMIT_RANGE) int limit) {
        reading.requireMayRead(unitId);
        return queries.factPage(unitId, offset, limit);
    }

    @GetMapping("/units/{unitId}/score")
    @Tag(name = "评分 Scores")
    @Operation(summary = "单位得分 / a unit's score, now or as of an instant",
            description = "asOf is recording time: exactly what the platform answered then; later-recorded facts are invisible. "
                    + "evidenceLimit lists at most that many evidence ids per contribution (0 to 10000); evidenceCount always counts them all.")
    public ScoreCard score(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                           @Parameter(description = "ISO-8601 instant") @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                           @Parameter(description = "RECORDING (default) or EFFECTIVE") @RequestParam(defaultValue = "RECORDING")
                           Comparisons.View view,
                           @Parameter(description = "at most this many evidence ids per contribution; all when absent")
                           @RequestParam(required = false)
                           @Min(value = 0, message = EVIDENCE_LIMIT_RANGE) @Max(value = 10_000, message = EVIDENCE_LIMIT_RANGE) Integer evidenceLimit) {
        ScoreCard card = view == Comparisons.View.EFFECTIVE
                ? comparisons.score(unitId, schemeId, asOf == null ? clock.instant() : asOf, view)
                : queries.score(unitId, schemeId, asOf);
        return evidenceLimit == null ? card : card.evidenceLimited(evidenceLimit);
    }

    @GetMapping("/units/{unitId}/comparison")
    @Tag(name = "评分 Scores")
    @Operation(summary = "两个时点对比 / a unit's score at two instants and why it differs",
            description = "Per item: before, after, delta, and the events behind the change. view=RECORDING (default: what was known then) or EFFECTIVE (what had happened by then).")
    public Comparisons.Comparison comparison(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                            @RequestParam(defaultValue = "RECORDING") Comparisons.View view) {
        return comparisons.compare(unitId, schemeId, from, to, view);
    }

    @GetMapping("/schemes/{schemeId}/comparison")
    @Tag(name = "评分 Scores")
    @Operation(summary = "全部单位对比表 / every unit's change between two instants, biggest gain first")
    public List<Comparisons.TableRow> comparisonTable(@PathVariable String schemeId,
                                                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                                     @RequestParam(defaultValue = "RECORDING") Comparisons.View view) {
        return comparisons.table(schemeId, from, to, view);
    }

    @PostMapping(path = "/schemes/{schemeId}/what-if",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "考核方案 Schemes")
    @Operation(summary = "模拟评分 / what if: every unit's score now under another scheme document (e.g. a draft revision); nothing is stored")
    public List<ScoreQueries.WhatIfRow> whatIf(@PathVariable String schemeId, @RequestBody
                                               SchemeDocument alternative) {
        List<Violation> violations = SchemeValidator.validate(alternative);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return queries.whatIf(schemeId, alternative);
    }

    @GetMapping("/units/{unitId}/timeline")
    @Tag(name = "评分 Scores")
    @Operation(summary = "得分时间线 / the score after each event that touched the unit, in recording order",
            description = "from/to (recording time) narrow it; at most limit points (default 1000, up to 10000), evenly spaced "
                    + "with the first and the last kept when there are more (total and downsampled say so).")
    public Timeline timeline(@PathVariable String unitId, @RequestParam("scheme") String schemeId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                             @RequestParam(required = false)
                             @Min(value = 1, message = TIMELINE_LIMIT_RANGE) @Max(value = 10_000, message = TIMELINE_LIMIT_RANGE) Integer limit) {
        if (from != null && to != null && to.isBefore(from)) {
            // A window that ends before it begins holds nothing; an empty timeline would look like a quiet unit.
            throw new InvalidInputException("to", "不能早于 from / must not be before from");
        }
        return queries.timeline(unitId, schemeId, from, to, limit == null ? ScoreQueries.DEFAULT_TIMELINE_POINTS : limit);
    }

    @GetMapping("/schemes/{schemeId}/ranking")
    @Tag(name = "评分 Scores")
    @Operation(summary = "排名 / ranking, best first, now or as of an instant",
            description = "type=STREET or DEPARTMENT ranks one table's units among themselves (附件1 and 附件2 are scored differently); "
                    + "view=EFFECTIVE ranks by what had happened by asOf (facts' effective dates), as known now.")
    public List<RankingEntry> ranking(@PathVariable String schemeId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                      @RequestParam(required = false) UnitType type,
                                      @Parameter(description = "RECORDING (default) or EFFECTIVE") @RequestParam(defaultValue = "RECORDING")
                                      Comparisons.View view) {
        List<RankingEntry> all;
        if (view == Comparisons.View.EFFECTIVE) {
            Instant at = asOf == null ? clock.instant() : asOf;
            List<RankingEntry> rows = new ArrayList<>();
            for (var unit : queries.units()) {
                var card = comparisons.score(unit.id(), schemeId, at, view);
                if (!card.items().isEmpty()) {
                    rows.add(new RankingEntry(unit.id(), unit.name(), unit.type(), card.total(), card.regular(), card.bonus(), 0));
                }
            }
            all = ScoreQueries.ranked(rows);
        } else {
            all = queries.ranking(schemeId, asOf);
        }
        return type == null ? all : ScoreQueries.ranked(all.stream().filter(r -> r.type() == type).toList());
    }
}
