package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The deadline checker's daily question: is this 抄告单 unanswered past its deadline? Then it is escalated, once. */
public record CheckCopyNoticeDeadline(@TargetAggregateIdentifier String noticeId, LocalDate today) {
}
