package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One reason an item's score moved from its base: a rule's effect, an assessor adjustment, or the
 * clamp to [0, max]. base + Σ points of an item's contributions = its score, exactly.
 *
 * @param source   rule kind, {@code ADJUSTMENT} or {@code CLAMP}
 * @param reason   zh-CN explanation; {@code reasonEn} the same in English
 * @param evidence ids of the events behind it, in recording order: all of them, or the first
 *                 {@code evidence.size()} of {@code evidenceCount} when the card was {@link #limited}
 * @param evidenceCount how many events are behind it
 */
public record Contribution(String source, BigDecimal points, String reason, String reasonEn, List<String> evidence,
                           int evidenceCount) {

    /** A contribution with all of its evidence listed. */
    public Contribution(String source, BigDecimal points, String reason, String reasonEn, List<String> evidence) {
        this(source, points, reason, reasonEn, evidence, evidence.size());
    }

    /** The same, listing at most the first {@code atMost} evidence ids; {@link #evidenceCount} still counts them all. */
    public Contribution limited(int atMost) {
        return evidence.size() <= atMost ? this
                : new Contribution(source, points, reason, reasonEn, List.copyOf(evidence.subList(0, atMost)), evidenceCount);
    }
}
