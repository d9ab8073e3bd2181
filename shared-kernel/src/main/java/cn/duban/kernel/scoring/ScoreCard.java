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
}
