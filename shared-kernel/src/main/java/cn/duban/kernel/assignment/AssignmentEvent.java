package cn.duban.kernel.assignment;

/**
 * Events of an assignment (督办事项) from issue to completion, its deadlines and the notifications it sends.
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface AssignmentEvent permits AssignmentIssued, AssignmentAcknowledged, AssignmentProgressReported, AssignmentUrged, AssignmentExtensionRequested, AssignmentExtensionGranted, AssignmentExtensionDenied, AssignmentCompletionSubmitted, AssignmentCompleted, AssignmentCompletionReturned, AssignmentCancelled, AssignmentReopened, AssignmentDeadlineApproaching, AssignmentWentOverdue, AssignmentReportMissed, AssignmentLightChanged, NotificationRead, AllNotificationsRead {
}
