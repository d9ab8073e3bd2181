package cn.duban.kernel.reporting;

import cn.duban.kernel.error.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A reported rate (percent) and, optionally, the counts it comes from. The rule lives here, so every
 * path that reports a figure — HTTP, the demo, an import — obeys it.
 */
public final class IndicatorFigure {
    /** A reported rate may differ from numerator/denominator by rounding, not by more. */
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.1");

    private IndicatorFigure() {
    }

    /**
     * @throws InvalidInputException (field {@code numerator}) when it exceeds the denominator, or
     *                               (field {@code value}) when the rate does not match the counts
     */
    public static void requireConsistent(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null) {
            return;
        }
        if (numerator.compareTo(denominator) > 0) {
            throw new InvalidInputException("numerator", "分子不能大于分母 / numerator cannot exceed denominator");
        }
        if (denominator.signum() <= 0) {
            throw new InvalidInputException("denominator", "须大于0 / must be above zero");
        }
        BigDecimal computed = numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, MathContext.DECIMAL64);
        if (computed.subtract(value).abs().compareTo(RATE_TOLERANCE) > 0) {
            throw new InvalidInputException("value", "与分子/分母不符（应约为 " + computed.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + "）/ does not match numerator/denominator");
        }
    }
}
