package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The addressed unit answers a 抄告单 (反馈): what it found and did. */
public record AnswerCopyNotice(@TargetAggregateIdentifier String noticeId, String text) {
}
