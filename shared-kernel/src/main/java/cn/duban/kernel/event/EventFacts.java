package cn.duban.kernel.event;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What each unit event means to the scoring engine. */
public final class EventFacts {
    private EventFacts() {
    }

    public static Optional<Fact> toFact(UnitEvent event, String eventId, Instant recordedAt) {
        Fact fact = null;
        if (event instanceof TrainingRecorded e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.TRAINING, null, e.heldOn(),
                    Map.of("attendees", BigDecimal.valueOf(e.attendees()), "hours", e.hours()), e.trainingId());
        } else if (event instanceof InfoReportSubmitted e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_SUBMITTED, null, e.submittedOn(), Map.of(), e.reportId());
        } else if (event instanceof InfoReportAccepted e) {
            // An accepted report counts for the year it was submitted in, not the day it was accepted.
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_ACCEPTED, e.level().name(), e.submittedOn(), Map.of(), e.reportId());
        } else if (event instanceof InfoReportRejected e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_REJECTED, null, e.submittedOn(), Map.of(), e.reportId());
        } else if (event instanceof CampaignLaunched e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_LAUNCHED, e.kind(), e.launchedOn(), Map.of(), e.campaignId());
        } else if (event instanceof CampaignProgressRecorded e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_PROGRESS, e.kind(), e.on(), Map.of(e.measure(), e.quantity()), e.campaignId());
        } else if (event instanceof CampaignClosed e) {
            fact = new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_CLOSED, e.kind(), e.on(), Map.of(), e.campaignId());
        } else if (event instanceof AchievementRecorded e) {
            fact = new Fact.Occurrence(eventId, recordedAt, e.kind(), e.level(), e.on(), Map.of(), e.achievementId());
        } else if (event instanceof IndicatorReported e) {
            fact = new Fact.IndicatorValue(eventId, recordedAt, e.indicator(), e.year(), e.value());
        } else if (event instanceof ScoreAdjusted e) {
            fact = new Fact.Adjustment(eventId, recordedAt, e.schemeId(), e.itemCode(), e.points(), e.reason());
        } else if (event instanceof SelfAssessmentRecorded e) {
            fact = new Fact.SelfAssessment(eventId, recordedAt, e.schemeId(), e.itemCode(), e.score(), e.note());
        } else if (event instanceof AppealFiled e) {
            fact = new Fact.Appeal(eventId, recordedAt, e.appealId(), e.schemeId(), e.itemCode(), "FILED", null, e.reason());
        } else if (event instanceof AppealUpheld e) {
            fact = new Fact.Appeal(eventId, recordedAt, e.appealId(), e.schemeId(), e.itemCode(), "UPHELD", e.points(), e.note());
        } else if (event instanceof AppealRejected e) {
            fact = new Fact.Appeal(eventId, recordedAt, e.appealId(), e.schemeId(), e.itemCode(), "REJECTED", null, e.note());
        } else if (event instanceof SampledRecordDisqualified e) {
            fact = new Fact.Disqualification(eventId, recordedAt, e.kind(), e.recordId(), e.reason());
        } else if (event instanceof FailureRecorded e) {
            fact = new Fact.Failure(eventId, recordedAt, e.schemeId(), e.itemCode(), e.reason(), e.on());
        }
        return Optional.ofNullable(fact);
    }
}
