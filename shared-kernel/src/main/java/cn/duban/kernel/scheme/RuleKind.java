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
    TIERED_BONUS
}
