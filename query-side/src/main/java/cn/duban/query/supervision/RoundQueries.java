package cn.duban.query.supervision;

import cn.duban.query.assessment.ScoreQueries;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.supervision.RoundsProjection.Finding;
import cn.duban.query.supervision.RoundsProjection.RoundView;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A round's figures, recomputed on every read from the facts at or before its baseline position
 * under the scheme version in force at its cutoff: the same numbers now or in a year.
 */
@Service
public class RoundQueries {
    private final cn.duban.query.common.Documents<RoundView> rounds;
    private final ScoreQueries scores;

    public RoundQueries(MongoDatabase db, ScoreQueries scores) {
        this.rounds = RoundsProjection.documents(db);
        this.scores = scores;
    }

    public record UnitResult(String unitId, String name, BigDecimal baseline, BigDecimal inspectionScore, boolean changed,
                             String reason, List<Finding> findings) {
    }

    public record RoundResult(String id, String schemeId, String kind, String title, Instant cutoff, long baselinePosition,
                              String status, Instant closedAt, Instant publishedAt, List<UnitResult> units, String method,
                              List<String> inspectors) {
    }

    public RoundView view(String id) {
        RoundView v = rounds.find(id);
        if (v == null) {
            throw new NotFoundException("督查轮次不存在 / round not found: " + id);
        }
        return v;
    }

    /**
     * A filter's round exists: a list filtered by a mistyped round answered an empty list, which reads
     * as "nothing ordered in this round". Null (no filter) passes.
     *
     * @throws cn.duban.kernel.error.InvalidInputException naming the filter's parameter
     */
    public void requireKnown(String parameter, String roundId) {
        if (roundId != null && rounds.find(roundId) == null) {
            throw new cn.duban.kernel.error.InvalidInputException(parameter, "没有该督查轮次 / no such round: " + roundId);
        }
    }

    public List<RoundView> all() {
        List<RoundView> out = new ArrayList<>(rounds.all());
        out.sort(java.util.Comparator.comparing((RoundView r) -> r.cutoff));
        return out;
    }

    public RoundResult result(String id) {
        RoundView round = view(id);
        List<UnitResult> units = new ArrayList<>();
        // Registered by the cutoff, the scheme read once for all of them.
        var registered = scores.units().stream().filter(u -> u.position() <= round.baselinePosition).toList();
        var baselines = scores.baselineTotals(registered, round.schemeId, round.cutoff, round.baselinePosition);
        for (int i = 0; i < registered.size(); i++) {
            var unit = registered.get(i);
            if (!baselines.get(i).assessed()) {
                continue;
            }
            var baseline = baselines.get(i).totals();
            var change = round.scores.stream().filter(s -> s.unitId().equals(unit.id())).reduce((a, b) -> b);
            List<Finding> findings = round.findings.stream().filter(f -> f.unitId().equals(unit.id())).toList();
            units.add(new UnitResult(unit.id(), unit.name(), baseline.total(),
                    change.map(RoundsProjection.ScoreChange::score).orElse(baseline.total()), change.isPresent(),
                    change.map(RoundsProjection.ScoreChange::reason).orElse(null), findings));
        }
        return new RoundResult(round.id, round.schemeId, round.kind.name(), round.title, round.cutoff, round.baselinePosition,
                round.status, round.closedAt, round.publishedAt, units, round.method == null ? "ANNOUNCED" : round.method,
                round.inspectors == null ? List.of() : List.copyOf(round.inspectors));
    }
}
