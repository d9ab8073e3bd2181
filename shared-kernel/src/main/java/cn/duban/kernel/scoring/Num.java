package cn.duban.kernel.scoring;

import java.math.BigDecimal;

/** Decimal helpers: scores are exact decimals, printed without trailing zeros or exponents. */
public final class Num {
    private Num() {
    }

    public static BigDecimal norm(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static String plain(BigDecimal v) {
        return norm(v).toPlainString();
    }
}
