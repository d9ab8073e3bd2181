package cn.duban.kernel.assessment;

/**
 * Events of the lead office's assessment: deductions and bonuses, failures, self-assessment, appeals, published results.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface AssessmentEvent permits ScoreAdjusted, FailureRecorded, SelfAssessmentRecorded, AppealFiled, AppealUpheld, AppealRejected, AppealWithdrawn, ResultsPublished {
}
