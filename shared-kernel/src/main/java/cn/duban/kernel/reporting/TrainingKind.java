package cn.duban.kernel.reporting;

/** What a training was (seed 001 counts 业务培训 for S1.4, and 宣传教育 elsewhere). */
public enum TrainingKind {
    /** 业务培训: training of the unit's own staff in the work. */
    BUSINESS("业务培训"),
    /** 宣传教育: publicity and education for the public. */
    PUBLICITY("宣传教育"),
    /** 技能培训: vocational skills for the migrant population. */
    SKILLS("技能培训"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    TrainingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
