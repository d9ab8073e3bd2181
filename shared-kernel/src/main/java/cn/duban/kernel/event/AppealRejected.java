package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** An appeal rejected, with the lead office's note. */
@Revision("1")
public record AppealRejected(String appealId, String unitId, String schemeId, String itemCode, String note) implements UnitEvent {
}
