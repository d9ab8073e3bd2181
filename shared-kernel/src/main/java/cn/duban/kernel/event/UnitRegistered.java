package cn.duban.kernel.event;

import cn.duban.kernel.unit.UnitType;
import org.axonframework.serialization.Revision;

/** Unit registered for assessment (单位登记). */
@Revision("1")
public record UnitRegistered(String unitId, String name, UnitType type) implements UnitEvent {
}
