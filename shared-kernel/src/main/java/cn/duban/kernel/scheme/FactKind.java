package cn.duban.kernel.scheme;

/** What a counting rule can count. Each recorded fact of a unit carries exactly one kind. */
public enum FactKind {
    TRAINING,
    INFO_SUBMITTED,
    INFO_ACCEPTED,
    INFO_REJECTED,
    CAMPAIGN_LAUNCHED,
    CAMPAIGN_PROGRESS,
    CAMPAIGN_CLOSED,
    MEDIA_PUBLICATION,
    LEADER_INSTRUCTION,
    PROMOTION,
    /** A 抄告单 the unit left unanswered past its 20 working days, escalated (seed 004). */
    COPY_NOTICE_ESCALATED,
    /** A sampled record of the unit borne out on recheck (抽查属实), on the day of the recheck. */
    SAMPLE_CONFIRMED,
    /** A sampled record of the unit found untrue on recheck (抽查不实, 弄虚作假), on the day of the recheck. */
    SAMPLE_FLAGGED;

    /** Rejections are kept in the fact log for the record but never earn or save points. */
    public boolean countable() {
        return this != INFO_REJECTED;
    }

    /** The achievement kinds a unit may report through {@code /achievements}. */
    public boolean isAchievement() {
        return this == MEDIA_PUBLICATION || this == LEADER_INSTRUCTION || this == PROMOTION;
    }
}
