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
 * @param once   for {@code PER_FAILURE}: {@code true} where the standard deducts once ("未开展的扣3分"),
 *               whatever the number of failures recorded; absent or false, each failure deducts
 *               ("每项/每次未落实扣N分")
 * @param cap    for {@code PER_FAILURE}: the most its deductions may take together
 * @param uncapped for {@code PER_ITEM}: its points are added after the item is held to its max, so
 *               they accumulate beyond it — "每整治一个小区加2分，累计加分" inside a regular item
 *               (seed 000)
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
        List<String> levels,
        Boolean once,
        BigDecimal cap,
        Boolean uncapped) {

    /** A rule as written before it could name levels, deduct once or cap its deductions. */
    public Rule(RuleKind kind, FactKind fact, Integer required, BigDecimal perMissing, BigDecimal deduct, String measure,
                BigDecimal target, Points points, String indicator, BigDecimal min, BigDecimal max, BigDecimal perPoint,
                BigDecimal perFailure, Better better) {
        this(kind, fact, required, perMissing, deduct, measure, target, points, indicator, min, max, perPoint, perFailure, better, null, null, null, null);
    }

    /** A rule that may name the levels it counts. */
    public Rule(RuleKind kind, FactKind fact, Integer required, BigDecimal perMissing, BigDecimal deduct, String measure,
                BigDecimal target, Points points, String indicator, BigDecimal min, BigDecimal max, BigDecimal perPoint,
                BigDecimal perFailure, Better better, List<String> levels) {
        this(kind, fact, required, perMissing, deduct, measure, target, points, indicator, min, max, perPoint, perFailure, better, levels, null, null, null);
    }

    /** A rule that may deduct once or up to a cap. */
    public Rule(RuleKind kind, FactKind fact, Integer required, BigDecimal perMissing, BigDecimal deduct, String measure,
                BigDecimal target, Points points, String indicator, BigDecimal min, BigDecimal max, BigDecimal perPoint,
                BigDecimal perFailure, Better better, List<String> levels, Boolean once, BigDecimal cap) {
        this(kind, fact, required, perMissing, deduct, measure, target, points, indicator, min, max, perPoint, perFailure, better, levels, once, cap, null);
    }

    /**
     * Points that accumulate beyond the item's max ({@code PER_ITEM} only). Not named {@code isUncapped}:
     * Jackson took that for the property and wrote {@code "uncapped": false} into every rule a scheme
     * was read back with, which the validator then refused when the document was sent again.
     */
    public boolean accumulatesBeyondMax() {
        return Boolean.TRUE.equals(uncapped);
    }

    /** {@code PER_FAILURE} as the standard words it: "未开展的扣N分" once, "每项/每次…扣N分" per failure. */
    public boolean deductsOnce() {
        return Boolean.TRUE.equals(once);
    }

    public enum Better { LOWER, HIGHER }

    public Better betterOrDefault() {
        return better == null ? Better.LOWER : better;
    }
}
