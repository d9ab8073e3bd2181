package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A unit's score under one scheme version at one instant. {@code regular} is out of 100 (the sum of
 * the regular items), {@code bonus} sits outside it, {@code total} is both.
 */
public record ScoreCard(String unitId, String schemeId, int schemeVersion, Instant asOf, BigDecimal total,
                        BigDecimal regular, BigDecimal bonus, List<ItemScore> items) {

    /**
     * The same card listing at most {@code atMost} evidence ids per contribution (each still counts
     * all of its evidence): a unit with ten thousand facts has an answer of half a megabyte otherwise.
     */
    public ScoreCard evidenceLimited(int atMost) {
        List<ItemScore> limited = items.stream().map(i -> new ItemScore(i.code(), i.category(), i.title(), i.max(), i.bonus(), i.base(),
                i.computed(), i.score(), i.selfScore(), i.selfNote(), i.gap(),
                i.contributions().stream().map(c -> c.limited(atMost)).toList(), i.appeals())).toList();
        return new ScoreCard(unitId, schemeId, schemeVersion, asOf, total, regular, bonus, limited);
    }

    /** The same card without what explains it (every item's contributions left out): what {@link UnitLedger#cardWithoutEvidence} gives. */
    public ScoreCard withoutEvidence() {
        List<ItemScore> bare = items.stream().map(i -> new ItemScore(i.code(), i.category(), i.title(), i.max(), i.bonus(), i.base(),
                i.computed(), i.score(), i.selfScore(), i.selfNote(), i.gap(), List.of(), i.appeals())).toList();
        return new ScoreCard(unitId, schemeId, schemeVersion, asOf, total, regular, bonus, bare);
    }
}
