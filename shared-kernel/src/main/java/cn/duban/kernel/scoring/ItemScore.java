package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;

/** One item's result for one unit; {@code max} is null for an uncapped bonus item. */
public record ItemScore(String code, String category, String title, BigDecimal max, boolean bonus, BigDecimal base,
                        BigDecimal score, List<Contribution> contributions) {
}
