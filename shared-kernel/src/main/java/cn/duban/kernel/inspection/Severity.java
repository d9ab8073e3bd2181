package cn.duban.kernel.inspection;

/** How serious a supervisor's finding is. */
public enum Severity {
    MINOR,
    MAJOR,
    SERIOUS
}
