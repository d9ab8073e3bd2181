package cn.duban.query.assessment;

import cn.duban.kernel.Words;
import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.scoring.Contribution;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.ItemScore;
import cn.duban.kernel.scoring.ScoreCard;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores at two instants and why they differ: per item, the change and the events behind it.
 * Two views of time: RECORDING (what the platform knew then; the default and what asOf means)
 * and EFFECTIVE (what had happened by then, by effective dates, as known now: a training held in
 * March and reported in May counts for March).
 */
@Service
public class Comparisons {
    public enum View { RECORDING, EFFECTIVE }

    /** {@code what} in Chinese, {@code whatEn} in English, as score explanations give {@code reason} and {@code reasonEn}. */
    public record Cause(String eventId, String eventType, Instant recordedAt, String actor, String what, String whatEn) {
    }

    public record ItemChange(String code, String title, BigDecimal before, BigDecimal after, BigDecimal delta, String reason,
                             List<Cause> causes) {
    }

    public record Comparison(String unitId, String schemeId, View view, Instant from, Instant to, BigDecimal before,
                             BigDecimal after, BigDecimal delta, int schemeVersionBefore, int schemeVersionAfter,
                             List<ItemChange> items) {
    }

    public record TableRow(String unitId, String name, BigDecimal before, BigDecimal after, BigDecimal delta, int changedItems) {
    }

    private final ScoreQueries scores;
    private final Clock clock;

    public Comparisons(ScoreQueries scores, Clock dubanClock) {
        this.scores = scores;
        this.clock = dubanClock;
    }

    /** A score in either view. The effective view sees every fact recorded by now whose effective date is by then. */
    public ScoreCard score(String unitId, String schemeId, Instant at, View view) {
        if (view == View.RECORDING) {
            return scores.score(unitId, schemeId, at);
        }
        LocalDate day = DistrictTime.dateOf(at);
        Predicate<FactEntry> happened = e -> {
            Fact f = e.toFact();
            LocalDate on = f instanceof Fact.Occurrence o ? o.on() : f instanceof Fact.Failure x ? x.on() : null;
            return on != null ? !on.isAfter(day) : !e.recordedAt().isAfter(at);
        };
        // Everything known now, under the scheme as it stands now; the card names the instant asked for.
        Instant now = clock.instant();
        ScoreCard card = scores.score(unitId, schemeId, now, now, happened);
        return new ScoreCard(card.unitId(), card.schemeId(), card.schemeVersion(), at, card.total(), card.regular(), card.bonus(), card.items());
    }

    public Comparison compare(String unitId, String schemeId, Instant from, Instant to, View view) {
        ScoreCard before = score(unitId, schemeId, from, view);
        ScoreCard after = score(unitId, schemeId, to, view);
        Map<String, FactEntry> log = new HashMap<>();
        scores.facts(unitId).forEach(e -> log.put(e.eventId(), e));
        Map<String, ItemScore> beforeItems = new HashMap<>();
        before.items().forEach(i -> beforeItems.put(i.code(), i));
        List<ItemChange> changes = new ArrayList<>();
        for (ItemScore a : after.items()) {
            ItemScore b = beforeItems.get(a.code());
            BigDecimal was = b == null ? BigDecimal.ZERO : b.score();
            BigDecimal delta = a.score().subtract(was);
            Set<String> earlier = b == null ? Set.of() : evidence(b);
            List<Cause> causes = new ArrayList<>();
            for (String id : evidence(a)) {
                if (!earlier.contains(id) && log.containsKey(id)) {
                    causes.add(cause(log.get(id)));
                }
            }
            if (delta.signum() != 0 || !causes.isEmpty()) {
                String reason = a.contributions().stream().map(Contribution::reason).reduce((x, y) -> x + "；" + y).orElse("");
                changes.add(new ItemChange(a.code(), a.title(), was, a.score(), delta, reason, causes));
            }
        }
        return new Comparison(unitId, schemeId, view, from, to, before.total(), after.total(), after.total().subtract(before.total()),
                before.schemeVersion(), after.schemeVersion(), changes);
    }

    public List<TableRow> table(String schemeId, Instant from, Instant to, View view) {
        List<TableRow> rows = new ArrayList<>();
        for (var unit : scores.units()) {
            ScoreCard after = score(unit.id(), schemeId, to, view);
            if (after.items().isEmpty()) {
                continue;
            }
            Comparison c = compare(unit.id(), schemeId, from, to, view);
            rows.add(new TableRow(unit.id(), unit.name(), c.before(), c.after(), c.delta(), c.items().size()));
        }
        rows.sort((x, y) -> y.delta().compareTo(x.delta()) != 0 ? y.delta().compareTo(x.delta()) : x.unitId().compareTo(y.unitId()));
        return rows;
    }

    private static Set<String> evidence(ItemScore item) {
        Set<String> ids = new LinkedHashSet<>();
        item.contributions().forEach(c -> ids.addAll(c.evidence()));
        return ids;
    }

    /** A fact's level in words: a training's kind, a report's or an achievement's level, a campaign's kind as given. */
    private static String level(FactEntry e, boolean english) {
        String group = e.kind() == cn.duban.kernel.scheme.FactKind.TRAINING ? "trainingKind"
                : e.kind().isAchievement() ? "achievementLevel" : e.kind().name().startsWith("INFO") ? "infoLevel" : null;
        return group == null ? e.level() : english ? Words.en(group, e.level()) : Words.zh(group, e.level());
    }

    /** A cause in both languages; what a person wrote (a reason) stays as written in both. */
    private record Worded(String zh, String en) {
    }

    private static Cause cause(FactEntry e) {
        String reason = e.reason();
        Worded what = switch (e.factType()) {
            case "OCCURRENCE" -> new Worded(
                    Words.zh("factKind", e.kind().name()) + (e.level() == null ? "" : "（" + level(e, false) + "）") + (e.on() == null ? "" : "，" + e.on()),
                    Words.en("factKind", e.kind().name()) + (e.level() == null ? "" : " (" + level(e, true) + ")") + (e.on() == null ? "" : ", " + e.on()));
            case "INDICATOR" -> {
                var indicator = Indicators.of(e.indicator());
                yield new Worded(indicator.zh() + " " + e.year() + "年：" + indicator.show(e.value()),
                        indicator.en() + " " + e.year() + ": " + indicator.show(e.value()));
            }
            case "ADJUSTMENT" -> new Worded("考核组调整 " + e.points().toPlainString() + "：" + reason,
                    "Adjusted by the assessors " + e.points().toPlainString() + ": " + reason);
            case "FAILURE" -> new Worded("未落实：" + reason, "Not carried out: " + reason);
            case "RETIREMENT" -> new Worded("单位撤并（" + e.on() + "）：" + reason, "Unit merged away (" + e.on() + "): " + reason);
            case "APPEAL" -> new Worded("申诉" + Words.zh("appealStatus", e.level()) + "：" + reason,
                    "Appeal " + Words.en("appealStatus", e.level()).toLowerCase() + ": " + reason);
            case "DISQUALIFICATION" -> new Worded("抽查不实：" + reason, "Found untrue on sampling: " + reason);
            case "WITHDRAWAL" -> new Worded("撤回" + Words.zh("sampleKind", e.recordKind().name()) + "记录：" + reason,
                    "Record withdrawn: " + reason);
            default -> new Worded(e.eventType(), e.eventType());
        };
        return new Cause(e.eventId(), e.eventType(), e.recordedAt(), e.actor(), what.zh(), what.en());
    }

}
