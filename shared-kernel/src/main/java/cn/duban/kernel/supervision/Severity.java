package cn.duban.kernel.supervision;

/** How serious a supervisor's finding is. */
public enum Severity {
    MINOR,
    MAJOR,
    SERIOUS
}
