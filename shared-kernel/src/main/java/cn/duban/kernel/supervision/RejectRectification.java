package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor finds the reported rectification insufficient; the unit must report again. */
public record RejectRectification(@TargetAggregateIdentifier String rectificationId, String reason) {
}
