package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One reason an item's score moved from its base: a rule's effect, an assessor adjustment, or the
 * clamp to [0, max]. base + Σ points of an item's contributions = its score, exactly.
 *
 * @param source   rule kind, {@code ADJUSTMENT} or {@code CLAMP}
 * @param reason   zh-CN explanation; {@code reasonEn} the same in English
 * @param evidence ids of the events behind it, in recording order
 */
public record Contribution(String source, BigDecimal points, String reason, String reasonEn, List<String> evidence) {
}
