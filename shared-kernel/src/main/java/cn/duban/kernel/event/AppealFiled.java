package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** A unit appealed (申诉) its score on one item. */
@Revision("1")
public record AppealFiled(String appealId, String unitId, String schemeId, String itemCode, String reason) implements UnitEvent {
}
