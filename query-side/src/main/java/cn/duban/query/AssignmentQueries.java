package cn.duban.query;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.projection.AssignmentsProjection;
import cn.duban.query.projection.AssignmentsProjection.AssignmentView;
import cn.duban.query.readmodel.ReadModelJson;
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
    private final Clock clock = Clock.system(DISTRICT_ZONE);

    private final MongoCollection<Document> notifications;

    public List<cn.duban.query.projection.NotificationsProjection.Notification> notifications(String unitId) {
        scores.unit(unitId);
        return cn.duban.query.projection.NotificationsProjection.of(notifications, unitId);
    }

    public AssignmentQueries(MongoDatabase db, ScoreQueries scores) {
        this.notifications = db.getCollection(cn.duban.query.projection.NotificationsProjection.COLLECTION);
        this.assignments = db.getCollection(AssignmentsProjection.COLLECTION);
        this.scores = scores;
    }

    /** A row of the board: the assignment without its history, and whether it is overdue today. */
    public record BoardRow(String id, String title, String schemeId, String itemCode, String leadUnit, List<String> responsibleUnits,
                           LocalDate deadline, LocalDate originalDeadline, String status, boolean overdue, long daysLate,
                           int acknowledged, int units, int urges, LocalDate pendingExtension, String light,
                           int reminders, int missedReports) {
    }

    public record Inbox(String unitId, List<BoardRow> toAcknowledge, List<BoardRow> toReport, List<BoardRow> overdue) {
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
        boolean overdue = "OPEN".equals(v.status) && today.isAfter(v.deadline);
        long daysLate = overdue ? java.time.temporal.ChronoUnit.DAYS.between(v.deadline, today) : 0;
        int acknowledged = (int) v.units.stream().filter(u -> u.acknowledgedAt != null).count();
        return new BoardRow(v.id, v.title, v.schemeId, v.itemCode, v.leadUnit, v.responsibleUnits, v.deadline,
                v.deadlines.get(0).deadline(), v.status, overdue, daysLate, acknowledged, v.units.size(), v.urges, v.pendingExtension,
                worstLight(v), v.reminders, v.units.stream().mapToInt(u -> u.missedReports).sum());
    }

    /** The assignment's light on the board: the worst of its units' lights. */
    static String worstLight(AssignmentView v) {
        List<String> order = List.of("NONE", "GREEN", "BLUE", "YELLOW", "RED");
        return v.units.stream().map(u -> u.light).max(Comparator.comparingInt(order::indexOf)).orElse("GREEN");
    }

    public List<BoardRow> board(String unit, String status, String itemCode, Boolean overdue, String light) {
        return all().stream()
                .filter(v -> unit == null || v.units.stream().anyMatch(u -> u.unitId.equals(unit)))
                .filter(v -> status == null || v.status.equals(status))
                .filter(v -> itemCode == null || itemCode.equals(v.itemCode))
                .map(this::row)
                .filter(r -> overdue == null || r.overdue() == overdue)
                .filter(r -> light == null || r.light().equals(light))
                .toList();
    }

    public Inbox inbox(String unitId) {
        scores.unit(unitId);
        List<BoardRow> toAcknowledge = new ArrayList<>();
        List<BoardRow> toReport = new ArrayList<>();
        List<BoardRow> overdue = new ArrayList<>();
        for (AssignmentView v : all()) {
            if (!"OPEN".equals(v.status) && !"COMPLETION_SUBMITTED".equals(v.status)) {
                continue;
            }
            var mine = v.units.stream().filter(u -> u.unitId.equals(unitId)).findFirst();
            if (mine.isEmpty()) {
                continue;
            }
            BoardRow row = row(v);
            if (mine.get().acknowledgedAt == null) {
                toAcknowledge.add(row);
            } else if ("OPEN".equals(v.status)) {
                toReport.add(row);
            }
            if (row.overdue()) {
                overdue.add(row);
            }
        }
        return new Inbox(unitId, toAcknowledge, toReport, overdue);
    }
}
