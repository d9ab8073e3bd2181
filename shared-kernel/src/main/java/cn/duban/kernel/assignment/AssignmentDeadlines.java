package cn.duban.kernel.assignment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * What dates mean for an assignment, in one place: when it is overdue and by how many days, when
 * its deadline is near, when an acknowledgement (签收) was on time, and the light (三色督办) a unit
 * gets. The aggregate records events by these rules; the board and the statistics read by them.
 * Dates are the district's (Beijing time).
 */
public final class AssignmentDeadlines {
    /** A reminder goes out, and the light turns BLUE, this many days before the deadline. */
    public static final int REMINDER_DAYS = 3;
    /** Days after the 交办 document's date within which an acknowledgement counts as on time. */
    public static final int ACKNOWLEDGE_WITHIN_DAYS = 3;

    private AssignmentDeadlines() {
    }

    /** Open with its deadline behind it. A completion waiting for the lead office's decision is not overdue. */
    public static boolean overdue(AssignmentStatus status, LocalDate deadline, LocalDate today) {
        return status == AssignmentStatus.OPEN && today.isAfter(deadline);
    }

    public static long daysLate(AssignmentStatus status, LocalDate deadline, LocalDate today) {
        return overdue(status, deadline, today) ? ChronoUnit.DAYS.between(deadline, today) : 0;
    }

    /** Open, and the deadline is today or within {@link #REMINDER_DAYS} days (or already past). */
    public static boolean deadlineNear(AssignmentStatus status, LocalDate deadline, LocalDate today) {
        return status == AssignmentStatus.OPEN && !today.isBefore(deadline.minusDays(REMINDER_DAYS));
    }

    /** The day calls for the reminder: the deadline is near and not yet past. */
    public static boolean reminderDue(AssignmentStatus status, LocalDate deadline, LocalDate today) {
        return deadlineNear(status, deadline, today) && !today.isAfter(deadline);
    }

    public static boolean acknowledgedOnTime(LocalDate issuedOn, LocalDate acknowledgedOn) {
        return !acknowledgedOn.isAfter(issuedOn.plusDays(ACKNOWLEDGE_WITHIN_DAYS));
    }

    /**
     * A unit's light on an open assignment: RED when overdue, else YELLOW when behind on its reports,
     * else BLUE when the deadline is near, else GREEN. (A closed assignment's lights are NONE.)
     */
    public static Light light(AssignmentStatus status, LocalDate deadline, LocalDate today, boolean behindOnReports) {
        if (overdue(status, deadline, today)) {
            return Light.RED;
        }
        if (behindOnReports) {
            return Light.YELLOW;
        }
        if (deadlineNear(status, deadline, today)) {
            return Light.BLUE;
        }
        return Light.GREEN;
    }

    /** The assignment's light on the board: the worst of its units' (RED, YELLOW, BLUE, GREEN, then NONE). */
    public static Light worst(Collection<Light> lights) {
        Light worst = null;
        for (Light l : lights) {
            if (worst == null || severity(l) > severity(worst)) {
                worst = l;
            }
        }
        return worst == null ? Light.GREEN : worst;
    }

    private static int severity(Light light) {
        return switch (light) {
            case NONE -> 0;
            case GREEN -> 1;
            case BLUE -> 2;
            case YELLOW -> 3;
            case RED -> 4;
        };
    }
}
