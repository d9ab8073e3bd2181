package cn.duban.kernel.supervision;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit reports what it did to rectify, with its evidence. */
public record ReportRectification(@TargetAggregateIdentifier String rectificationId, String text, List<String> evidence) {
}
