package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A finding on one unit (and item), with its evidence. Recorded by a supervisor it stands at once;
 * recorded in a 互查 round by the staff of {@code inspectorUnitId}, it stands once a supervisor
 * confirms it ({@link FindingConfirmed}). Events stored before 互查 read with no inspecting unit.
 */
@Revision("1")
public record FindingRecorded(String roundId, String findingId, String unitId, String itemCode, String text, Severity severity,
                              List<String> evidence, String inspectorUnitId) implements SupervisionEvent {
    /** A supervisor's finding. */
    public FindingRecorded(String roundId, String findingId, String unitId, String itemCode, String text, Severity severity, List<String> evidence) {
        this(roundId, findingId, unitId, itemCode, text, severity, evidence, null);
    }

    /** Whether it awaits a supervisor's confirmation: a finding of an inspecting unit in a 互查 round. */
    public boolean proposed() {
        return inspectorUnitId != null;
    }
}
