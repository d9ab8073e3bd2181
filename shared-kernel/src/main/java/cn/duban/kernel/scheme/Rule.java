package cn.duban.kernel.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scoring standard of an item. The document keeps every kind in one flat shape, as the
 * lead office writes it; {@link SchemeValidator} checks that each kind has exactly the fields
 * it needs. See API.md for the contribution of each kind.
 *
 * @param better for {@code VS_PREVIOUS_YEAR}: {@code LOWER} (default; a rate that should fall,
 *               such as crime) or {@code HIGHER} (a quantity that should grow, such as supply)
 * @param levels for rules that count facts ({@code QUOTA}, {@code DONE}, {@code COUNT_TARGET}): only
 *               facts of these levels count — for trainings their kind, e.g. {@code ["BUSINESS"]}
 *               where the standard says 业务培训; absent, every fact of the kind counts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(
        RuleKind kind,
        FactKind fact,
        Integer required,
        BigDecimal perMissing,
        BigDecimal deduct,
        String measure,
        BigDecimal target,
        Points points,
        String indicator,
        BigDecimal min,
        BigDecimal max,
        BigDecimal perPoint,
        BigDecimal perFailure,
        Better better,
        List<String> levels) {

    /** A rule as written before it could name the levels it counts: it counts every fact of its kind. */
    public Rule(RuleKind kind, FactKind fact, Integer required, BigDecimal perMissing, BigDecimal deduct, String measure,
                BigDecimal target, Points points, String indicator, BigDecimal min, BigDecimal max, BigDecimal perPoint,
                BigDecimal perFailure, Better better) {
        this(kind, fact, required, perMissing, deduct, measure, target, points, indicator, min, max, perPoint, perFailure, better, null);
    }

    public enum Better { LOWER, HIGHER }

    public Better betterOrDefault() {
        return better == null ? Better.LOWER : better;
    }
}
