package cn.duban.kernel.assessment;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead office upholds an appeal (with a correction in points, possibly 0) or rejects it, with a note. */
public record DecideAppeal(@TargetAggregateIdentifier String appealId, boolean upheld, BigDecimal points, String note) {
}
