package cn.duban.kernel.supervision;

import cn.duban.kernel.scheme.FactKind;

import java.util.Set;

/**
 * The kinds of record a supervisor may sample (抽查). A record is identified by its subject: the
 * training, the information report or the achievement itself, or, for figures that a unit reports again and again,
 * the one event that reported them.
 */
public enum SampleKind {
    /** A training held; the record id is the training id. */
    TRAINING(Set.of(FactKind.TRAINING)),
    /** An information report; the record id is the report id (its submission and acceptance both stop counting). */
    INFO_REPORT(Set.of(FactKind.INFO_SUBMITTED, FactKind.INFO_ACCEPTED, FactKind.INFO_REJECTED)),
    /** One reported indicator figure; the record id is the id of the event that reported it. */
    INDICATOR_REPORT(Set.of()),
    /** One step of campaign progress; the record id is the id of the event that recorded it. */
    CAMPAIGN_PROGRESS(Set.of(FactKind.CAMPAIGN_PROGRESS)),
    /**
     * A whole campaign (专项整治); the record id is the campaign id. Withdrawn or found untrue, its
     * launch, every step and its closing stop counting (a step alone is a {@link #CAMPAIGN_PROGRESS}).
     */
    CAMPAIGN(Set.of(FactKind.CAMPAIGN_LAUNCHED, FactKind.CAMPAIGN_PROGRESS, FactKind.CAMPAIGN_CLOSED)),
    /** An achievement claimed for a bonus (媒体刊发, 领导批示, 经验推广); the record id is the achievement id. */
    ACHIEVEMENT(Set.of(FactKind.MEDIA_PUBLICATION, FactKind.LEADER_INSTRUCTION, FactKind.PROMOTION));

    private final Set<FactKind> factKinds;

    SampleKind(Set<FactKind> factKinds) {
        this.factKinds = factKinds;
    }

    /** The counted fact kinds that a flagged record of this kind stops. */
    public Set<FactKind> factKinds() {
        return factKinds;
    }

    /** Whether a record is one event (rather than a subject that several events are about). */
    public boolean identifiedByEvent() {
        return this == INDICATOR_REPORT || this == CAMPAIGN_PROGRESS;
    }
}
