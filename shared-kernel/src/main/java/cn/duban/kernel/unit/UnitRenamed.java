package cn.duban.kernel.unit;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A unit renamed (更名) from {@code on}, after a reform. Answers as of an instant before this event
 * was recorded name the unit {@code previousName}, so a notice published before the rename reads as
 * it was published; answers about now use {@code name}. Not a scoring fact: a name scores nothing.
 */
@Revision("1")
public record UnitRenamed(String unitId, String name, String previousName, LocalDate on, String reason) implements UnitRegistryEvent {
}
