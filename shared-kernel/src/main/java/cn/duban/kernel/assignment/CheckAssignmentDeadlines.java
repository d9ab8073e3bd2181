package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Let an assignment act on the date: remind before its deadline, go overdue after it, record missed
 * reporting periods, change its lights. Sent by the deadline scheduler; repeating it changes nothing.
 */
public record CheckAssignmentDeadlines(@TargetAggregateIdentifier String assignmentId, LocalDate today) {
}
