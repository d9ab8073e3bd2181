package cn.duban.query.waiting;

import cn.duban.platform.consistency.ProcessorsHealthIndicator;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.DubanPrincipal;
import cn.duban.query.assignment.AssignmentQueries;
import cn.duban.query.reporting.ReportedRecords;
import cn.duban.query.supervision.CopyNoticeQueries;
import cn.duban.query.supervision.SupervisionQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;


/**
 * 待处理: how many things wait for the signed-in user's decision, by what decides them. The overview
 * used to count them in the browser from four whole lists (the review queue, two boards and every
 * appeal), which at a city's scale meant every unit's fact log on each visit.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "待处理 Waiting")
public class WaitingController {
    private final ReportedRecords records;
    private final AssignmentQueries assignments;
    private final SupervisionQueries supervision;
    private final CopyNoticeQueries copyNotices;
    private final ProcessorsHealthIndicator processors;

    public WaitingController(ReportedRecords records, AssignmentQueries assignments, SupervisionQueries supervision,
                             CopyNoticeQueries copyNotices, ProcessorsHealthIndicator processors) {
        this.records = records;
        this.assignments = assignments;
        this.supervision = supervision;
        this.copyNotices = copyNotices;
        this.processors = processors;
    }

    /**
     * One kind of thing waiting: {@code reports} (information reports to accept or reject),
     * {@code completions} (assignments sent for completion), {@code extensions} (open assignments
     * with an extension asked), {@code appeals} (filed, not decided), {@code copyNotices} (抄告单
     * escalated to the lead office, still unanswered), {@code rectifications}
     * (reported, to verify), {@code samples} (drawn records to check, and records another
     * supervisor checked, to recheck); for a unit's staff {@code tasks} (assignments to acknowledge,
     * to report on or overdue), {@code copyNoticesToAnswer} (抄告单 sent to the unit, not yet
     * answered), {@code rectificationsToReport} (ordered, not yet reported) and
     * {@code notifications} (unread); for the lead office, while any fails, {@code processing} (the
     * event processors of this process failing on an event, said on 系统状态).
     */
    public record Waiting(String key, long count) {
    }

    @GetMapping("/me/waiting")
    @Operation(summary = "待处理 / how many things wait for my decision",
            description = "The lead office: reports, completions, extensions, appeals, copy notices escalated. Supervisors: rectifications, samples. "
                    + "Unit staff: tasks, copy notices to answer, rectifications to report, unread notifications. Leaders: none.")
    public List<Waiting> waiting() {
        DubanPrincipal me = CurrentUser.get().orElse(null);
        if (me == null) {
            return List.of();
        }
        return switch (me.role()) {
            case LEAD_OFFICE -> {
                // One read of the board for both counts, filtered as its links filter it.
                List<AssignmentQueries.BoardRow> board = assignments.board(null, null, null, null, null);
                List<Waiting> waiting = new ArrayList<>(List.of(
                        new Waiting("reports", records.countAwaitingDecision("INFO_REPORT")),
                        new Waiting("completions", board.stream().filter(a -> "COMPLETION_SUBMITTED".equals(a.status())).count()),
                        new Waiting("extensions", board.stream().filter(a -> "OPEN".equals(a.status()) && a.pendingExtension() != null).count()),
                        new Waiting("appeals", records.countAwaitingDecision("APPEAL")),
                        new Waiting("copyNotices", copyNotices.escalatedUnanswered())));
                // Only while one fails: it is the platform's trouble to see to, not a decision that always waits.
                int failing = processors.failing().size();
                if (failing > 0) {
                    waiting.add(new Waiting("processing", failing));
                }
                yield List.copyOf(waiting);
            }
            case SUPERVISOR -> List.of(
                    new Waiting("rectifications", supervision.rectifications(null, "REPORTED", null, null).size()),
                    new Waiting("samples", supervision.samples(null).stream().flatMap(s -> s.records.stream())
                            // A recheck must be another supervisor's than the check (the sample's rule).
                            .filter(r -> "DRAWN".equals(r.status) || ("CHECKED".equals(r.status) && r.check != null
                                    && !me.username().equals(r.check.by())))
                            .count()));
            case UNIT_STAFF -> me.unitId() == null ? List.of() : forUnit(me.unitId());
            case LEADER -> List.of();
        };
    }

    /** What waits for a unit's staff to act, each counted as 我的待办, 抄告单 and 限期整改 list it. */
    private List<Waiting> forUnit(String unitId) {
        AssignmentQueries.Inbox inbox = assignments.inbox(unitId);
        // An assignment both overdue and still to report is one task, listed once under its most pressing group.
        long tasks = Stream.of(inbox.toAcknowledge(), inbox.overdue(), inbox.toReport()).flatMap(List::stream)
                .map(AssignmentQueries.BoardRow::id).distinct().count();
        return List.of(
                new Waiting("tasks", tasks),
                new Waiting("copyNoticesToAnswer", copyNotices.toAnswer(unitId)),
                new Waiting("rectificationsToReport", supervision.rectifications(unitId, "ORDERED", null, null).size()),
                new Waiting("notifications", assignments.unreadNotifications(unitId)));
    }
}
