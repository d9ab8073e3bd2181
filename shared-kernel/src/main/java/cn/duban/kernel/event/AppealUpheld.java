package cn.duban.kernel.event;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An appeal upheld; {@code points} corrects the item (it may be 0). */
@Revision("1")
public record AppealUpheld(String appealId, String unitId, String schemeId, String itemCode, BigDecimal points, String note) implements UnitEvent {
}
