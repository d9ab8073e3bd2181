package cn.duban.query.assignment;

import cn.duban.query.assessment.ScoreQueries;
import cn.duban.kernel.assignment.AssignmentDeadlines;
import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.assignment.AssignmentsProjection.AssignmentView;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The lead office's board, one assignment's history, a unit's inbox. */
@Service
public class AssignmentQueries {
    /** Deadlines are dates in the district's time zone. */
    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
    private final MongoCollection<Document> assignments;
    private final ScoreQueries scores;
    private final Clock clock;

    private final MongoCollection<Document> notifications;

    public List<cn.duban.query.assignment.NotificationsProjection.Notification> notifications(String unitId) {
        scores.unit(unitId);
        return cn.duban.query.assignment.NotificationsProjection.of(notifications, unitId);
    }

    /** How many of a unit's notifications are unread, counted by the store rather than read one by one. */
    public long unreadNotifications(String unitId) {
        scores.unit(unitId);
        return notifications.countDocuments(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("unitId", unitId),
                com.mongodb.client.model.Filters.ne("read", true)));
    }

    public AssignmentQueries(MongoDatabase db, ScoreQueries scores, Clock dubanClock) {
        this.clock = dubanClock.withZone(DISTRICT_ZONE);
        this.notifications = db.getCollection(cn.duban.query.assignment.NotificationsProjection.COLLECTION);
        this.assignments = db.getCollection(AssignmentsProjection.COLLECTION);
        this.scores = scores;
    }

    /** A row of the board: the assignment without its history, and whether it is overdue today. */
    public record BoardRow(String id, String title, String schemeId, String itemCode, String leadUnit, List<String> responsibleUnits,
                           LocalDate deadline, LocalDate originalDeadline, String status, boolean overdue, long daysLate,
                           int acknowledged, int units, int urges, LocalDate pendingExtension, String light,
                           int reminders, int missedReports) {
    }

    /**
     * A unit's tasks: to acknowledge, to report on, overdue; and, for its lead unit, the completions
     * it sent that wait for the lead office (nothing to do, but the clerk sees where they went).
     */
    public record Inbox(String unitId, List<BoardRow> toAcknowledge, List<BoardRow> toReport, List<BoardRow> overdue,
                        List<BoardRow> completionsAwaitingDecision) {
    }

    LocalDate today() {
        return LocalDateTime.now(clock).toLocalDate();
    }

    public List<AssignmentView> all() {
        List<AssignmentView> out = new ArrayList<>();
        assignments.find().forEach(d -> out.add(ReadModelJson.fromDocument(d, AssignmentView.class)));
        out.sort(Comparator.comparing((AssignmentView v) -> v.deadline).thenComparing(v -> v.id));
        return out;
    }

    public AssignmentView one(String id) {
        AssignmentView v = AssignmentsProjection.find(assignments, id);
        if (v == null) {
            throw new NotFoundException("交办任务不存在 / assignment not found: " + id);
        }
        return v;
    }

    public BoardRow row(AssignmentView v) {
        LocalDate today = today();
        boolean overdue = AssignmentDeadlines.overdue(status(v), v.deadline, today);
        long daysLate = AssignmentDeadlines.daysLate(status(v), v.deadline, today);
        int acknowledged = (int) v.units.stream().filter(u -> u.acknowledgedAt != null).count();
        return new BoardRow(v.id, v.title, v.schemeId, v.itemCode, v.leadUnit, v.responsibleUnits, v.deadline,
                v.deadlines.get(0).deadline(), v.status, overdue, daysLate, acknowledged, v.units.size(), v.urges, v.pendingExtension,
                worstLight(v), v.reminders, v.units.stream().mapToInt(u -> u.missedReports).sum());
    }

    /** The assignment's light on the board: the worst of its units' lights. */
    static String worstLight(AssignmentView v) {
        return AssignmentDeadlines.worst(v.units.stream().map(u -> Light.valueOf(u.light)).toList()).name();
    }

    static AssignmentStatus status(AssignmentView v) {
        return AssignmentStatus.valueOf(v.status);
    }

    public List<BoardRow> board(String unit, String status, String itemCode, Boolean overdue, String light) {
        return all().stream()
                .filter(v -> unit == null || v.units.stream().anyMatch(u -> u.unitId.equals(unit)))
                .filter(v -> status == null || v.status.equals(status))
                .filter(v -> itemCode == null || itemCode.equals(v.itemCode))
                .map(this::row)
                .filter(r -> overdue == null || r.overdue() == overdue)
                .filter(r -> light == null || r.light().equals(light))
                .sorted(MOST_URGENT_FIRST)
                .toList();
    }

    /** The lights from the most urgent: overdue, a report missed, due soon, on track, closed. */
    private static final List<String> URGENCY = List.of("RED", "YELLOW", "BLUE", "GREEN", "NONE");
    /** How the board lists its rows, on the page and in its workbook: by light, then by deadline. */
    static final Comparator<BoardRow> MOST_URGENT_FIRST = Comparator.<BoardRow>comparingInt(r -> URGENCY.indexOf(r.light()))
            .thenComparing(BoardRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BoardRow::id);


    /**
     * How a unit handles its assignments. Completed on time: the completion request came by the
     * deadline in force then. Ever overdue: flagged by the deadline watch, completed late or overdue
     * now. Days late: for completed ones, completion request minus deadline; for
     * open ones past their deadline, today minus deadline; averaged over the late ones.
     */
    public record UnitStatistics(String unitId, String name, int issued, int acknowledged, int acknowledgedOnTime, int completed,
                                 int completedOnTime, int overdueNow, int everOverdue, double averageDaysLate, int extensions,
                                 int urges, int missedReports) {
    }

    public List<UnitStatistics> statistics() {
        List<AssignmentView> all = all();
        LocalDate today = today();
        List<UnitStatistics> out = new ArrayList<>();
        for (var unit : scores.units()) {
            int issued = 0, acknowledged = 0, ackOnTime = 0, completed = 0, completedOnTime = 0, overdueNow = 0, everOverdue = 0,
                    extensions = 0, urges = 0, missed = 0;
            long lateDays = 0;
            int late = 0;
            for (AssignmentView v : all) {
                var mine = v.units.stream().filter(u -> u.unitId.equals(unit.id())).findFirst();
                if (mine.isEmpty() || status(v) == AssignmentStatus.CANCELLED) {
                    continue;
                }
                issued++;
                var p = mine.get();
                if (p.acknowledgedAt != null) {
                    acknowledged++;
                    LocalDate issuedOn = cn.duban.kernel.calendar.DistrictTime.dateOf(v.issuedAt);
                    if (AssignmentDeadlines.acknowledgedOnTime(issuedOn, cn.duban.kernel.calendar.DistrictTime.dateOf(p.acknowledgedAt))) {
                        ackOnTime++;
                    }
                }
                extensions += v.deadlines.size() - 1;
                urges += p.urged;
                missed += p.missedReports;
                // Overdue once: flagged by the deadline watch, or late by the dates themselves (a completion
                // asked for after the deadline was overdue meanwhile, whether or not a check ran in between).
                boolean wasOverdue = v.overdueSince != null;
                if (status(v) == AssignmentStatus.COMPLETED) {
                    completed++;
                    LocalDate submitted = cn.duban.kernel.calendar.DistrictTime.dateOf(v.completionSubmittedAt != null ? v.completionSubmittedAt : v.closedAt);
                    if (!submitted.isAfter(v.deadline)) {
                        completedOnTime++;
                    } else {
                        late++;
                        lateDays += java.time.temporal.ChronoUnit.DAYS.between(v.deadline, submitted);
                        wasOverdue = true;
                    }
                } else if (AssignmentDeadlines.overdue(status(v), v.deadline, today)) {
                    overdueNow++;
                    late++;
                    lateDays += java.time.temporal.ChronoUnit.DAYS.between(v.deadline, today);
                    wasOverdue = true;
                }
                if (wasOverdue) {
                    everOverdue++;
                }
            }
            out.add(new UnitStatistics(unit.id(), unit.name(), issued, acknowledged, ackOnTime, completed, completedOnTime, overdueNow,
                    everOverdue, late == 0 ? 0 : Math.round(lateDays * 10.0 / late) / 10.0, extensions, urges, missed));
        }
        return out;
    }

    public Inbox inbox(String unitId) {
        scores.unit(unitId);
        List<BoardRow> toAcknowledge = new ArrayList<>();
        List<BoardRow> toReport = new ArrayList<>();
        List<BoardRow> overdue = new ArrayList<>();
        List<BoardRow> awaitingDecision = new ArrayList<>();
        for (AssignmentView v : all()) {
            if (status(v).closed()) {
                continue;
            }
            var mine = v.units.stream().filter(u -> u.unitId.equals(unitId)).findFirst();
            if (mine.isEmpty()) {
                continue;
            }
            BoardRow row = row(v);
            if (status(v) == AssignmentStatus.COMPLETION_SUBMITTED && unitId.equals(v.leadUnit)) {
                awaitingDecision.add(row);
            } else if (mine.get().acknowledgedAt == null) {
                toAcknowledge.add(row);
            } else if (status(v) == AssignmentStatus.OPEN) {
                toReport.add(row);
            }
            if (row.overdue()) {
                overdue.add(row);
            }
        }
        return new Inbox(unitId, toAcknowledge, toReport, overdue, awaitingDecision);
    }
}
