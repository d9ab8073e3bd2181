package cn.duban.kernel.scoring;

import java.math.BigDecimal;

/** The three sums of a score card, without the per-item detail (for timelines and rankings). */
public record Totals(BigDecimal total, BigDecimal regular, BigDecimal bonus) {
}
