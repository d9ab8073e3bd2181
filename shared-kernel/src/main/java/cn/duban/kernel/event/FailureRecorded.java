package cn.duban.kernel.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A failure recorded by the assessor against a PER_FAILURE item (未落实的每次扣分). */
@Revision("1")
public record FailureRecorded(String failureId, String unitId, String schemeId, String itemCode, String reason, LocalDate on) implements UnitEvent {
}
