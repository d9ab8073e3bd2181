package cn.duban.kernel.supervision;

/**
 * Events of supervision (督查): inspection rounds and findings, sampling and its verdicts, rectifications, vetoes.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface SupervisionEvent permits InspectionRoundOpened, FindingRecorded, FindingConfirmed, FindingDismissed, InspectionScoreSet, InspectionRoundClosed, InspectionRoundPublished, SampleDrawn, SampledRecordChecked, SampledRecordConfirmed, SampledRecordDisqualified, RectificationOrdered, RectificationReported, RectificationVerified, RectificationRejected, RectificationEscalated, VetoRecorded, CopyNoticeSent, CopyNoticeAnswered, CopyNoticeEscalated, SamplingPlanSet {
}
