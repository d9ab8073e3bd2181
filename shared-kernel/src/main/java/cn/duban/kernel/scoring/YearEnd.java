package cn.duban.kernel.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The year-end result (seed 000), a pure function: (1 − w) × the assessed score + w × the mean of the
 * unit's inspection scores, w being the scheme's supervisionWeight; without inspection scores the
 * assessed score stands. Grades by the result; a vetoed unit (一票否决) fails whatever its score.
 */
public final class YearEnd {
    private YearEnd() {
    }

    /** The weighed result: the inspections' mean (null without any) and the year-end score, both to 2 decimals. */
    public record Weighed(BigDecimal inspectionMean, BigDecimal yearEnd) {
    }

    public static Weighed weigh(BigDecimal assessed, List<BigDecimal> inspectionScores, BigDecimal supervisionWeight) {
        BigDecimal w = supervisionWeight == null ? BigDecimal.ZERO : supervisionWeight;
        if (inspectionScores.isEmpty()) {
            return new Weighed(null, Num.norm(assessed.setScale(2, RoundingMode.HALF_UP)));
        }
        BigDecimal mean = inspectionScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(inspectionScores.size()), MathContext.DECIMAL64);
        BigDecimal yearEnd = BigDecimal.ONE.subtract(w).multiply(assessed).add(w.multiply(mean));
        return new Weighed(Num.norm(mean.setScale(2, RoundingMode.HALF_UP)), Num.norm(yearEnd.setScale(2, RoundingMode.HALF_UP)));
    }

    /** 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格; vetoed: 不合格（一票否决）. */
    public enum Grade {
        EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格"), VETOED("不合格（一票否决）");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Grade of(BigDecimal yearEnd, boolean vetoed) {
            if (vetoed) {
                return VETOED;
            }
            if (yearEnd.compareTo(BigDecimal.valueOf(90)) >= 0) {
                return EXCELLENT;
            }
            if (yearEnd.compareTo(BigDecimal.valueOf(80)) >= 0) {
                return GOOD;
            }
            return yearEnd.compareTo(BigDecimal.valueOf(60)) >= 0 ? PASS : FAIL;
        }
    }
}
