package cn.duban.kernel.supervision;

/** What a supervisor found when checking a sampled record against its evidence. */
public enum Verdict {
    /** 属实: the record is true. */
    VERIFIED,
    /** 不实: the record is not borne out; once rechecked, it stops counting. */
    FLAGGED
}
