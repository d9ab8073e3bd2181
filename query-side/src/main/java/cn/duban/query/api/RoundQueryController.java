package cn.duban.query.api;

import cn.duban.query.RoundQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/rounds")
@Tag(name = "督查 Inspections")
public class RoundQueryController {
    private final RoundQueries rounds;
    private final cn.duban.query.YearEndQueries yearEnd;

    public RoundQueryController(RoundQueries rounds, cn.duban.query.YearEndQueries yearEnd) {
        this.rounds = rounds;
        this.yearEnd = yearEnd;
    }

    @GetMapping("/year-end/{schemeId}/notice")
    @Operation(summary = "考核结果通报 / the results notice: ranking, grades (优秀/良好/合格/不合格) and the notice text")
    public cn.duban.query.YearEndQueries.Notice notice(@PathVariable String schemeId) {
        return yearEnd.notice(schemeId, null);
    }

    @GetMapping("/year-end/{schemeId}")
    @Operation(summary = "年终结果 / year-end result: (1 − w) × assessed + w × mean of closed rounds' inspection scores; vetoed units last")
    public List<cn.duban.query.YearEndQueries.Row> yearEnd(@PathVariable String schemeId,
                                                           @org.springframework.web.bind.annotation.RequestParam(required = false)
                                                           @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
                                                           java.time.Instant asOf) {
        return yearEnd.result(schemeId, asOf);
    }

    @GetMapping
    @Operation(summary = "督查轮次 / inspection rounds")
    public List<RoundQueries.RoundResult> all() {
        return rounds.all().stream().map(r -> rounds.result(r.id)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "督查结果 / a round: per unit the baseline score (recomputed identically from the frozen position), inspection score, findings")
    public RoundQueries.RoundResult one(@PathVariable String id) {
        return rounds.result(id);
    }
}
