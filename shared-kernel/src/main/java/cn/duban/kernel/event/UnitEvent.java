package cn.duban.kernel.event;

import cn.duban.kernel.scoring.Fact;

import java.time.Instant;
import java.util.Optional;

/**
 * An event about one assessed unit: its facts, decisions on them and assessor records. The family is
 * sealed and each member says what it means to the scoring engine, so an event added to it without
 * that meaning does not compile (rather than being skipped by the score at run time).
 */
public sealed interface UnitEvent permits AchievementRecorded, AppealFiled, AppealRejected, AppealUpheld, CampaignClosed, CampaignLaunched, CampaignProgressRecorded, FailureRecorded, IndicatorReported, InfoReportAccepted, InfoReportRejected, InfoReportSubmitted, SampledRecordDisqualified, ScoreAdjusted, SelfAssessmentRecorded, TrainingRecorded, UnitRegistered {
    String unitId();

    /** What the scoring engine knows of this event, recorded at {@code recordedAt}; empty if it scores nothing. */
    Optional<Fact> fact(String eventId, Instant recordedAt);
}
