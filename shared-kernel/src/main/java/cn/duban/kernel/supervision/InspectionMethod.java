package cn.duban.kernel.supervision;

/** How a round inspects (seeds 003 and 004): announced visits or unannounced ones. */
public enum InspectionMethod {
    /** 明查: the units are told when the inspectors come. */
    ANNOUNCED("明查"),
    /** 暗访: the inspectors come unannounced. */
    UNANNOUNCED("暗访");

    private final String label;

    InspectionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
