package cn.duban.kernel.supervision;

import java.time.LocalDate;

/**
 * 限期整改: order the unit of a finding to rectify it. The deadline is {@code dueOn} when given,
 * else {@code workingDays} (default 20) working days from today on the district's calendar.
 */
public record OrderRectification(String rectificationId, String roundId, String findingId, String requirement,
                                 Integer workingDays, LocalDate dueOn) {
}
