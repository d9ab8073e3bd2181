package cn.duban.query.assignment;

import cn.duban.kernel.error.ForbiddenException;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.UnitReading;
import cn.duban.query.assignment.AssignmentQueries.BoardRow;
import cn.duban.query.assignment.AssignmentQueries.Inbox;
import cn.duban.query.assignment.AssignmentsProjection.AssignmentView;
import cn.duban.query.unit.UnitQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "交办任务 Assignments")
public class AssignmentQueryController {
    private final AssignmentQueries queries;
    private final UnitQueries units;
    private final UnitReading reading;

    public AssignmentQueryController(AssignmentQueries queries, UnitQueries units, UnitReading reading) {
        this.queries = queries;
        this.units = units;
        this.reading = reading;
    }

    /** Unit staff read their own unit's notifications and to-do list only: another unit's are its business with the lead office. */
    private void requireDealingsReadable(String unitId) {
        CurrentUser.get().filter(u -> !reading.mayReadDealings(u, unitId)).ifPresent(u -> {
            throw new ForbiddenException("只能查看本单位的通知和待办 / unit staff read their own unit's notifications and to-do list");
        });
    }

    @GetMapping("/assignments")
    @Operation(summary = "任务看板 / the lead office's board", description = "Filters: unit, status (OPEN, COMPLETION_SUBMITTED, COMPLETED, CANCELLED), item, overdue, light (GREEN, BLUE, YELLOW, RED).")
    public List<BoardRow> board(@RequestParam(required = false) String unit,
                                @RequestParam(required = false) cn.duban.kernel.assignment.AssignmentStatus status,
                                @RequestParam(required = false) String item, @RequestParam(required = false) Boolean overdue,
                                @RequestParam(required = false) cn.duban.kernel.assignment.Light light) {
        // Typed, so a light or status that does not exist is a 400 naming it, not an empty board.
        units.requireKnown("unit", unit);
        return queries.board(unit, status == null ? null : status.name(), item, overdue, light == null ? null : light.name());
    }

    @GetMapping("/assignments/statistics")
    @Operation(summary = "单位办理统计 / per unit: issued, acknowledged and completed on time, overdue, days late, extensions")
    public List<AssignmentQueries.UnitStatistics> statistics() {
        return queries.statistics();
    }

    @GetMapping("/assignments/{id}")
    @Operation(summary = "任务详情与全部历史 / one assignment with every deadline that applied and its whole history")
    public AssignmentView one(@PathVariable String id) {
        return queries.one(id);
    }

    public record Notifications(String unitId, long unread, List<cn.duban.query.assignment.NotificationsProjection.Notification> notifications) {
    }

    @GetMapping("/units/{unitId}/notifications")
    @Operation(summary = "单位通知 / a unit's notifications, newest first", description = "unread=true: only the unread ones. Unit staff: their own unit's only (another's → 403).")
    public Notifications notifications(@PathVariable String unitId, @RequestParam(required = false) Boolean unread) {
        requireDealingsReadable(unitId);
        var all = queries.notifications(unitId);
        long unreadCount = all.stream().filter(n -> !n.read()).count();
        return new Notifications(unitId, unreadCount, Boolean.TRUE.equals(unread) ? all.stream().filter(n -> !n.read()).toList() : all);
    }

    @GetMapping("/units/{unitId}/inbox")
    @Operation(summary = "单位待办 / a unit's inbox: to acknowledge, to report, overdue", description = "Unit staff: their own unit's only (another's → 403).")
    public Inbox inbox(@PathVariable String unitId) {
        requireDealingsReadable(unitId);
        return queries.inbox(unitId);
    }
}
