package cn.duban.kernel;

import cn.duban.kernel.assessment.AppealFiled;
import cn.duban.kernel.assessment.AppealRejected;
import cn.duban.kernel.assessment.AppealUpheld;
import cn.duban.kernel.assessment.FailureRecorded;
import cn.duban.kernel.assessment.ResultsPublished;
import cn.duban.kernel.assessment.ScoreAdjusted;
import cn.duban.kernel.assessment.SelfAssessmentRecorded;
import cn.duban.kernel.assignment.AssignmentAcknowledged;
import cn.duban.kernel.assignment.AssignmentCancelled;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentCompletionReturned;
import cn.duban.kernel.assignment.AssignmentCompletionSubmitted;
import cn.duban.kernel.assignment.AssignmentDeadlineApproaching;
import cn.duban.kernel.assignment.AssignmentExtensionDenied;
import cn.duban.kernel.assignment.AssignmentExtensionGranted;
import cn.duban.kernel.assignment.AssignmentExtensionRequested;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentLightChanged;
import cn.duban.kernel.assignment.AssignmentProgressReported;
import cn.duban.kernel.assignment.AssignmentReopened;
import cn.duban.kernel.assignment.AssignmentReportMissed;
import cn.duban.kernel.assignment.AssignmentUrged;
import cn.duban.kernel.assignment.AssignmentWentOverdue;
import cn.duban.kernel.assignment.NotificationRead;
import cn.duban.kernel.people.RoleGranted;
import cn.duban.kernel.people.UserDisabled;
import cn.duban.kernel.people.UserEnabled;
import cn.duban.kernel.people.UserRegistered;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.CampaignClosed;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.supervision.FindingRecorded;
import cn.duban.kernel.supervision.InspectionRoundClosed;
import cn.duban.kernel.supervision.InspectionRoundOpened;
import cn.duban.kernel.supervision.InspectionRoundPublished;
import cn.duban.kernel.supervision.InspectionScoreSet;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.RectificationReported;
import cn.duban.kernel.supervision.RectificationVerified;
import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.kernel.supervision.SampledRecordChecked;
import cn.duban.kernel.supervision.SampledRecordConfirmed;
import cn.duban.kernel.supervision.SampledRecordDisqualified;
import cn.duban.kernel.supervision.VetoRecorded;
import cn.duban.kernel.unit.UnitRegistered;

import java.util.Map;

/**
 * The names events were stored under before the kernel was sorted into feature slices: every
 * event lived in {@code cn.duban.kernel.event}. A store keeps each event's type name for good, so
 * the serializer reads these names as the classes they now are; new events are stored under the
 * new names. An event that moves again adds its former name here; nothing is ever removed.
 */
public final class FormerEventNames {
    private static final String OLD = "cn.duban.kernel.event.";

    private static final Map<String, Class<?>> CLASSES = Map.ofEntries(
            Map.entry(OLD + "AchievementRecorded", AchievementRecorded.class),
            Map.entry(OLD + "AppealFiled", AppealFiled.class),
            Map.entry(OLD + "AppealRejected", AppealRejected.class),
            Map.entry(OLD + "AppealUpheld", AppealUpheld.class),
            Map.entry(OLD + "AssignmentAcknowledged", AssignmentAcknowledged.class),
            Map.entry(OLD + "AssignmentCancelled", AssignmentCancelled.class),
            Map.entry(OLD + "AssignmentCompleted", AssignmentCompleted.class),
            Map.entry(OLD + "AssignmentCompletionReturned", AssignmentCompletionReturned.class),
            Map.entry(OLD + "AssignmentCompletionSubmitted", AssignmentCompletionSubmitted.class),
            Map.entry(OLD + "AssignmentDeadlineApproaching", AssignmentDeadlineApproaching.class),
            Map.entry(OLD + "AssignmentExtensionDenied", AssignmentExtensionDenied.class),
            Map.entry(OLD + "AssignmentExtensionGranted", AssignmentExtensionGranted.class),
            Map.entry(OLD + "AssignmentExtensionRequested", AssignmentExtensionRequested.class),
            Map.entry(OLD + "AssignmentIssued", AssignmentIssued.class),
            Map.entry(OLD + "AssignmentLightChanged", AssignmentLightChanged.class),
            Map.entry(OLD + "AssignmentProgressReported", AssignmentProgressReported.class),
            Map.entry(OLD + "AssignmentReopened", AssignmentReopened.class),
            Map.entry(OLD + "AssignmentReportMissed", AssignmentReportMissed.class),
            Map.entry(OLD + "AssignmentUrged", AssignmentUrged.class),
            Map.entry(OLD + "AssignmentWentOverdue", AssignmentWentOverdue.class),
            Map.entry(OLD + "CampaignClosed", CampaignClosed.class),
            Map.entry(OLD + "CampaignLaunched", CampaignLaunched.class),
            Map.entry(OLD + "CampaignProgressRecorded", CampaignProgressRecorded.class),
            Map.entry(OLD + "FailureRecorded", FailureRecorded.class),
            Map.entry(OLD + "FindingRecorded", FindingRecorded.class),
            Map.entry(OLD + "IndicatorReported", IndicatorReported.class),
            Map.entry(OLD + "InfoReportAccepted", InfoReportAccepted.class),
            Map.entry(OLD + "InfoReportRejected", InfoReportRejected.class),
            Map.entry(OLD + "InfoReportSubmitted", InfoReportSubmitted.class),
            Map.entry(OLD + "InspectionRoundClosed", InspectionRoundClosed.class),
            Map.entry(OLD + "InspectionRoundOpened", InspectionRoundOpened.class),
            Map.entry(OLD + "InspectionRoundPublished", InspectionRoundPublished.class),
            Map.entry(OLD + "InspectionScoreSet", InspectionScoreSet.class),
            Map.entry(OLD + "NotificationRead", NotificationRead.class),
            Map.entry(OLD + "RectificationEscalated", RectificationEscalated.class),
            Map.entry(OLD + "RectificationOrdered", RectificationOrdered.class),
            Map.entry(OLD + "RectificationRejected", RectificationRejected.class),
            Map.entry(OLD + "RectificationReported", RectificationReported.class),
            Map.entry(OLD + "RectificationVerified", RectificationVerified.class),
            Map.entry(OLD + "ResultsPublished", ResultsPublished.class),
            Map.entry(OLD + "RoleGranted", RoleGranted.class),
            Map.entry(OLD + "SampleDrawn", SampleDrawn.class),
            Map.entry(OLD + "SampledRecordChecked", SampledRecordChecked.class),
            Map.entry(OLD + "SampledRecordConfirmed", SampledRecordConfirmed.class),
            Map.entry(OLD + "SampledRecordDisqualified", SampledRecordDisqualified.class),
            Map.entry(OLD + "SchemeDrafted", SchemeDrafted.class),
            Map.entry(OLD + "SchemePublished", SchemePublished.class),
            Map.entry(OLD + "ScoreAdjusted", ScoreAdjusted.class),
            Map.entry(OLD + "SelfAssessmentRecorded", SelfAssessmentRecorded.class),
            Map.entry(OLD + "TrainingRecorded", TrainingRecorded.class),
            Map.entry(OLD + "UnitRegistered", UnitRegistered.class),
            Map.entry(OLD + "UserDisabled", UserDisabled.class),
            Map.entry(OLD + "UserEnabled", UserEnabled.class),
            Map.entry(OLD + "UserRegistered", UserRegistered.class),
            Map.entry(OLD + "VetoRecorded", VetoRecorded.class));

    private FormerEventNames() {
    }

    /** The class an event stored under {@code storedName} is read as, or {@code null} if the name is current. */
    public static Class<?> classFor(String storedName) {
        return CLASSES.get(storedName);
    }

    /** The names events of this class may be stored under: its own and its former ones. */
    public static java.util.Set<String> storedNamesOf(Class<?> type) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        names.add(type.getName());
        CLASSES.forEach((name, now) -> {
            if (now == type) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every former name, with the class it now stands for. */
    public static Map<String, Class<?>> all() {
        return CLASSES;
    }
}
