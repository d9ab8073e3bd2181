package cn.duban.kernel.supervision;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A supervisor's finding on one unit (and item), with its evidence. */
@Revision("1")
public record FindingRecorded(String roundId, String findingId, String unitId, String itemCode, String text, Severity severity, List<String> evidence) implements SupervisionEvent {
}
