package cn.duban.kernel.supervision;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a finding on a unit in an open round; in a 互查 round the round decides which units' staff may. */
public record RecordFinding(@TargetAggregateIdentifier String roundId, String findingId, String unitId, String itemCode, String text, Severity severity,
                            List<String> evidence) implements cn.duban.kernel.ActsOnAnotherUnit {
}
