package cn.duban.kernel.reporting;

import cn.duban.kernel.scheme.Indicators;

import cn.duban.kernel.error.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A reported figure: a rate (percent) with, optionally, the counts it comes from, or a count
 * ({@link Indicators.Unit#COUNT}). The rule lives here, so every path that reports a figure — HTTP,
 * the demo, an import — obeys it.
 */
public final class IndicatorFigure {
    /** A reported rate may differ from numerator/denominator by rounding, not by more. */
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.1");

    private IndicatorFigure() {
    }

    /**
     * The rate counts give, in percent to one decimal, as 代录填报's form works it out when only the
     * counts are typed (and a workbook of figures when its 数值 is left empty).
     *
     * @throws InvalidInputException (field {@code numerator}) when it exceeds the denominator; (field
     *                               {@code denominator}) when it is not above zero
     */
    public static BigDecimal rateOf(BigDecimal numerator, BigDecimal denominator) {
        requireCounts(numerator, denominator);
        return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
    }

    private static void requireCounts(BigDecimal numerator, BigDecimal denominator) {
        if (numerator.compareTo(denominator) > 0) {
            throw new InvalidInputException("numerator", "分子不能大于分母 / numerator cannot exceed denominator");
        }
        if (denominator.signum() <= 0) {
            throw new InvalidInputException("denominator", "须大于0 / must be above zero");
        }
    }

    /**
     * @throws InvalidInputException (field {@code indicator}) for one the platform computes itself; (field {@code value}) when a rate lies outside 0–100 or a count is
     *                               not a whole number from 0 to {@link Indicators#MAX_COUNT}, or a rate
     *                               does not match its counts; (field {@code numerator}) when it
     *                               exceeds the denominator or is given for a count
     */
    public static void requireConsistent(String indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        Indicators.Indicator spec = Indicators.of(indicator);
        if (spec.derived()) {
            throw new InvalidInputException("indicator", spec.zh() + "由平台根据抽查复核结果计算，不能报送 / computed by the platform, not reported");
        }
        if (spec.unit() == Indicators.Unit.COUNT) {
            if (value.signum() < 0 || value.compareTo(Indicators.MAX_COUNT) > 0 || value.stripTrailingZeros().scale() > 0) {
                throw new InvalidInputException("value", spec.zh() + "是数量，须为0至10亿的整数 / a count: a whole number from 0 to 1e9");
            }
            if (numerator != null || denominator != null) {
                throw new InvalidInputException("numerator", spec.zh() + "是数量，没有分子分母 / a count has no numerator or denominator");
            }
            return;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("value", spec.zh() + "是百分比，须在0至100之间 / a percentage: 0 to 100");
        }
        if (numerator == null || denominator == null) {
            return;
        }
        requireCounts(numerator, denominator);
        BigDecimal computed = numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, MathContext.DECIMAL64);
        if (computed.subtract(value).abs().compareTo(RATE_TOLERANCE) > 0) {
            throw new InvalidInputException("value", "与分子/分母不符（应约为 " + computed.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + "）/ does not match numerator/denominator");
        }
    }
}
