package cn.duban.kernel.reporting;

/**
 * Events of what a unit reports (工作台账): trainings, information reports and their review, campaigns, indicator figures, achievements.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface ReportingEvent permits TrainingRecorded, TrainingWithdrawn, InfoReportSubmitted, InfoReportAccepted, InfoReportRejected, InfoReportWithdrawn, CampaignLaunched, CampaignProgressRecorded, CampaignProgressWithdrawn, CampaignClosed, CampaignWithdrawn, IndicatorReported, IndicatorReportWithdrawn, AchievementRecorded, AchievementWithdrawn {
}
