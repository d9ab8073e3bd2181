package cn.duban.kernel.scheme;

/** The kinds of scoring standard found in the seed documents (see DOMAIN.md). */
public enum RuleKind {
    QUOTA,
    DONE,
    COUNT_TARGET,
    PER_ITEM,
    THRESHOLD,
    PER_POINT,
    VS_PREVIOUS_YEAR,
    PER_FAILURE,
    DISCRETIONARY,
    /** {@code −deduct} for each counted fact of a kind the platform records itself (an escalated 抄告单, a record found untrue), up to {@code cap}. */
    DEDUCT_PER_FACT,
    TIERED_BONUS
}
