package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item's result for one unit; {@code max} is null for an uncapped bonus item.
 *
 * @param computed  what the rules alone give (clamped), before assessor adjustments
 * @param score     the assessed score (考核分): rules and adjustments, clamped
 * @param selfScore the unit's own latest score for the item (自查分), null if none
 * @param gap       {@code score − selfScore}: negative where the unit rated itself higher
 */
public record ItemScore(String code, String category, String title, BigDecimal max, boolean bonus, BigDecimal base,
                        BigDecimal computed, BigDecimal score, BigDecimal selfScore, String selfNote, BigDecimal gap,
                        List<Contribution> contributions, List<AppealNote> appeals) {
}
