package cn.duban.query.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Reads of inspection rounds (督查轮次). */
@RestController
@RequestMapping("/api/rounds")
@Tag(name = "督查 Inspections")
public class RoundQueryController {
    private final RoundQueries rounds;
    private final cn.duban.query.unit.UnitQueries units;

    public RoundQueryController(RoundQueries rounds, cn.duban.query.unit.UnitQueries units) {
        this.rounds = rounds;
        this.units = units;
    }

    /**
     * Filtered before any result is computed: a unit clerk's inbox asks only for the open rounds
     * their unit inspects in, and each round's result scores every unit.
     */
    @GetMapping
    @Operation(summary = "督查轮次 / inspection rounds",
            description = "status: OPEN, CLOSED or PUBLISHED; inspector: only the 互查 rounds this unit inspects in")
    public List<RoundQueries.RoundResult> all(@RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED|PUBLISHED") String status,
                                              @RequestParam(required = false) @Size(max = 64) String inspector) {
        units.requireKnown("inspector", inspector);
        return rounds.all().stream()
                .filter(r -> status == null || status.equals(r.status))
                .filter(r -> inspector == null || (r.inspectors != null && r.inspectors.contains(inspector)))
                .map(r -> rounds.result(r.id)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "督查结果 / a round: per unit the baseline score (recomputed identically from the frozen position), inspection score, findings")
    public RoundQueries.RoundResult one(@PathVariable String id) {
        return rounds.result(id);
    }
}
