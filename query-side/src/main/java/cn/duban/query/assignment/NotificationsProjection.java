package cn.duban.query.assignment;

import cn.duban.kernel.Bilingual;
import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.query.unit.UnitsProjection;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.assignment.AssignmentCompletionReturned;
import cn.duban.kernel.assignment.AssignmentDeadlineApproaching;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentReportMissed;
import cn.duban.kernel.assignment.AssignmentUrged;
import cn.duban.kernel.assignment.AssignmentWentOverdue;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.assessment.AppealWithdrawn;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.Indicators;
import cn.duban.platform.axon.Audit;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.SampledRecordDisqualified;
import cn.duban.kernel.assignment.AllNotificationsRead;
import cn.duban.kernel.assignment.NotificationRead;
import cn.duban.query.assignment.AssignmentsProjection.AssignmentView;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Read model {@code notifications}: what each unit is told — new assignments, urges (催办),
 * reminders, overdue notices, missed reports, returned reports, rectification orders and listed
 * supervision, records found untrue — and whether it was read.
 */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class NotificationsProjection {
    public static final String COLLECTION = "notifications";

    public record Notification(String id, String unitId, String kind, String subjectId, String title, String message,
                               Instant at, long position, boolean read, Instant readAt) {
    }

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> assignments;
    private final MongoCollection<Document> units;
    private final cn.duban.query.webhook.WebhookDeliveries webhooks;

    public NotificationsProjection(MongoDatabase db, cn.duban.query.webhook.WebhookDeliveries webhooks) {
        this.webhooks = webhooks;
        this.units = db.getCollection(UnitsProjection.COLLECTION);
        this.notifications = db.getCollection(COLLECTION);
        this.assignments = db.getCollection(AssignmentsProjection.COLLECTION);
    }

    private String titleOf(String assignmentId) {
        AssignmentView v = AssignmentsProjection.find(assignments, assignmentId);
        return v == null ? assignmentId : v.title;
    }

    private List<String> unitsOf(String assignmentId) {
        AssignmentView v = AssignmentsProjection.find(assignments, assignmentId);
        return v == null ? List.of() : v.units.stream().map(u -> u.unitId).toList();
    }

    @EventHandler
    void on(AssignmentIssued e, EventMessage<?> m, TrackingToken t) {
        String title = "新交办任务 / new assignment：" + e.title();
        notify(e.leadUnit(), "ASSIGNMENT_ISSUED", e.assignmentId(), title, "牵头，截止 " + e.deadline() + " / lead unit, due " + e.deadline(), m, t);
        e.responsibleUnits().forEach(u -> notify(u, "ASSIGNMENT_ISSUED", e.assignmentId(), title, "责任单位，截止 " + e.deadline() + " / responsible unit, due " + e.deadline(), m, t));
    }

    @EventHandler
    void on(AssignmentUrged e, EventMessage<?> m, TrackingToken t) {
        e.unitIds().forEach(u -> notify(u, "URGED", e.assignmentId(), "催办 / urged：" + titleOf(e.assignmentId()), e.message(), m, t));
    }

    @EventHandler
    void on(AssignmentDeadlineApproaching e, EventMessage<?> m, TrackingToken t) {
        unitsOf(e.assignmentId()).forEach(u -> notify(u, "DEADLINE_NEAR", e.assignmentId(), "即将到期 / due soon：" + titleOf(e.assignmentId()),
                DeadlineWords.dueSoon(e.deadline(), e.daysLeft()), m, t));
    }

    @EventHandler
    void on(AssignmentWentOverdue e, EventMessage<?> m, TrackingToken t) {
        unitsOf(e.assignmentId()).forEach(u -> notify(u, "OVERDUE", e.assignmentId(), "已逾期 / overdue：" + titleOf(e.assignmentId()),
                "截止日期 " + e.deadline() + " 已过 / deadline " + e.deadline() + " passed", m, t));
    }

    @EventHandler
    void on(AssignmentReportMissed e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "REPORT_MISSED", e.assignmentId(), "未按期报送 / report missed：" + titleOf(e.assignmentId()),
                e.periodStart() + "～" + e.periodEnd(), m, t);
    }

    @EventHandler
    void on(AssignmentCompletionReturned e, EventMessage<?> m, TrackingToken t) {
        AssignmentView v = AssignmentsProjection.find(assignments, e.assignmentId());
        if (v != null) {
            notify(v.leadUnit, "COMPLETION_RETURNED", e.assignmentId(), "办结申请被退回 / completion returned：" + v.title, e.reason(), m, t);
        }
    }

    @EventHandler
    void on(InfoReportRejected e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "INFO_REPORT_REJECTED", e.reportId(), "信息被退回 / report returned", e.reason(), m, t);
    }

    @EventHandler
    void on(TrainingWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.trainingId(), "流管中心撤回了本单位的培训记录 / the lead office withdrew a training record", e.reason(), m, t);
    }

    @EventHandler
    void on(InfoReportWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.reportId(), "流管中心撤回了本单位报送的信息 / the lead office withdrew a report", e.reason(), m, t);
    }

    @EventHandler
    void on(AchievementWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.achievementId(), "流管中心撤回了本单位的工作成果 / the lead office withdrew an achievement", e.reason(), m, t);
    }

    @EventHandler
    void on(IndicatorReportWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.reportId(), "流管中心撤回了本单位报送的指标数据 / the lead office withdrew an indicator figure", e.reason(), m, t);
    }

    @EventHandler
    void on(CampaignProgressWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.campaignId(), "流管中心撤回了本单位的一条整治进展 / the lead office withdrew a step of a campaign's progress", e.reason(), m, t);
    }

    @EventHandler
    void on(CampaignWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.campaignId(), "流管中心撤回了本单位的一项专项整治 / the lead office withdrew a campaign", e.reason(), m, t);
    }

    @EventHandler
    void on(AppealWithdrawn e, EventMessage<?> m, TrackingToken t) {
        withdrawn(e.unitId(), e.appealId(), "流管中心撤回了本单位的申诉 / the lead office withdrew an appeal", e.reason(), m, t);
    }

    /** A record the lead office withdrew for the unit (one it entered in error, say): the unit's clerks are told; their own withdrawals they know of. */
    private void withdrawn(String unitId, String recordId, String title, String reason, EventMessage<?> m, TrackingToken t) {
        if (Role.LEAD_OFFICE.name().equals(m.getMetaData().get(Audit.ROLE))) {
            notify(unitId, "RECORD_WITHDRAWN", recordId, title, reason, m, t);
        }
    }

    @EventHandler
    void on(IndicatorReported e, EventMessage<?> m, TrackingToken t) {
        Indicators.Indicator indicator = Indicators.of(e.indicator());
        // The indicator and year in the reader's language, the figure after them (a custom indicator is named by its key alone).
        String said = indicator.zh().equals(indicator.key()) ? indicator.key() + "（" + e.year() + "年度）：" + indicator.show(e.value())
                : indicator.zh() + "（" + e.year() + "年度） / " + indicator.en() + " (" + e.year() + ")：" + indicator.show(e.value());
        enteredFor(e.unitId(), e.reportId(), "流管中心代录了本单位的指标数据 / the lead office entered an indicator figure for this unit", said, m, t);
    }

    @EventHandler
    void on(TrainingRecorded e, EventMessage<?> m, TrackingToken t) {
        enteredFor(e.unitId(), e.trainingId(), "流管中心代录了本单位的培训 / the lead office entered a training for this unit",
                e.topic() + "（" + e.heldOn() + "）", m, t);
    }

    @EventHandler
    void on(InfoReportSubmitted e, EventMessage<?> m, TrackingToken t) {
        enteredFor(e.unitId(), e.reportId(), "流管中心代报了本单位的信息 / the lead office submitted a report for this unit", e.title(), m, t);
    }

    @EventHandler
    void on(AchievementRecorded e, EventMessage<?> m, TrackingToken t) {
        enteredFor(e.unitId(), e.achievementId(), "流管中心代录了本单位的工作成果 / the lead office entered an achievement for this unit", e.title(), m, t);
    }

    @EventHandler
    void on(CampaignLaunched e, EventMessage<?> m, TrackingToken t) {
        enteredFor(e.unitId(), e.campaignId(), "流管中心代录了本单位的专项整治 / the lead office entered a campaign for this unit", e.title(), m, t);
    }

    /**
     * A record the lead office entered in the unit's name (代录: a form on 代录填报, or a workbook's
     * figures imported for every unit): its clerks are told, as they are of one it withdrew, since it
     * counts in their score and shows in their records as if theirs.
     */
    private void enteredFor(String unitId, String recordId, String title, String message, EventMessage<?> m, TrackingToken t) {
        if (unitId.equals(m.getMetaData().get(Audit.ON_BEHALF_OF))) {
            notify(unitId, "RECORD_ENTERED", recordId, title, message, m, t);
        }
    }

    @EventHandler
    void on(RectificationOrdered e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "RECTIFICATION_ORDERED", e.rectificationId(), "限期整改 / rectify by " + e.dueOn() + "：" + e.finding(),
                e.requirement(), m, t);
    }

    @EventHandler
    void on(RectificationRejected e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "RECTIFICATION_REJECTED", e.rectificationId(), "整改被退回 / rectification returned", e.reason(), m, t);
    }

    @EventHandler
    void on(RectificationEscalated e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "LISTED_SUPERVISION", e.rectificationId(), "挂牌督办 / listed supervision",
                "整改期限 " + e.dueOn() + " 已过仍未整改 / not rectified by " + e.dueOn(), m, t);
    }

    @EventHandler
    void on(SampledRecordDisqualified e, EventMessage<?> m, TrackingToken t) {
        notify(e.unitId(), "RECORD_DISQUALIFIED", e.recordId(), "抽查不实，不予计分 / sampled record not counted", e.reason(), m, t);
    }

    @EventHandler
    void on(NotificationRead e, EventMessage<?> m) {
        notifications.updateOne(Filters.and(Filters.eq("_id", e.notificationId()), Filters.eq("unitId", e.unitId())),
                Updates.combine(Updates.set("read", true), Updates.set("readAt", RecordingTime.of(m).toString())));
    }

    /**
     * The unit's notifications up to the position its reader had in sight, or every one so far where
     * none is named: each came from an event before this one, so it is here already.
     */
    @EventHandler
    void on(AllNotificationsRead e, EventMessage<?> m) {
        var unread = Filters.and(Filters.eq("unitId", e.unitId()), Filters.ne("read", true));
        notifications.updateMany(e.upTo() == null ? unread : Filters.and(unread, Filters.lte("position", e.upTo())),
                Updates.combine(Updates.set("read", true), Updates.set("readAt", RecordingTime.of(m).toString())));
    }

    /** One notification per event and unit, with a stable id, so a redelivery replaces it with itself. */
    private void notify(String unitId, String kind, String subjectId, String title, String message, EventMessage<?> m, TrackingToken t) {
        String id = m.getIdentifier() + ":" + unitId;
        if (notifications.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        Document d = ReadModelJson.toDocument(new Notification(id, unitId, kind, subjectId, title, message, RecordingTime.of(m),
                Positions.of(t), false, null));
        d.put("_id", id);
        notifications.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
        Document unit = units.find(Filters.eq("_id", unitId)).first();
        // A district office's group chat reads Chinese.
        webhooks.enqueue(id, unitId, "【督办】" + (unit == null ? unitId : unit.getString("name")) + "：" + Bilingual.chinese(title)
                + (message == null || message.isBlank() ? "" : "\n" + Bilingual.chinese(message)));
    }

    public static List<Notification> of(MongoCollection<Document> notifications, String unitId) {
        List<Notification> out = new java.util.ArrayList<>();
        notifications.find(Filters.eq("unitId", unitId)).forEach(d -> out.add(ReadModelJson.fromDocument(d, Notification.class)));
        out.sort(java.util.Comparator.comparingLong(Notification::position).reversed().thenComparing(Notification::id));
        return out;
    }

    @ResetHandler
    void reset() {
        notifications.drop();
    }
}
