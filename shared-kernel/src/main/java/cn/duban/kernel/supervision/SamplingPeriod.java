package cn.duban.kernel.supervision;

/** How often a sampling plan's quota falls due (seed 003, 方案12: e.g. 20 records a month). */
public enum SamplingPeriod {
    MONTH("每月"),
    QUARTER("每季度");

    private final String label;

    SamplingPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
