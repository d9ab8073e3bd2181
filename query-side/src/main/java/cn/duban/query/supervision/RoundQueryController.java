package cn.duban.query.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reads of inspection rounds (督查轮次). */
@RestController
@RequestMapping("/api/rounds")
@Tag(name = "督查 Inspections")
public class RoundQueryController {
    private final RoundQueries rounds;

    public RoundQueryController(RoundQueries rounds) {
        this.rounds = rounds;
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
