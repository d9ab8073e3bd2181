package cn.duban.kernel.assignment;

/** How often the units of an assignment must report progress. */
public enum ReportingFrequency {
    NONE,
    WEEKLY,
    MONTHLY,
    PER_PHASE
}
