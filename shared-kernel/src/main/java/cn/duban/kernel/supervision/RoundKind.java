package cn.duban.kernel.supervision;

/** 督查 rounds: twice a year (the mid-year one counts 30% in seed 000), and special ones. */
public enum RoundKind {
    MID_YEAR,
    YEAR_END,
    SPECIAL
}
