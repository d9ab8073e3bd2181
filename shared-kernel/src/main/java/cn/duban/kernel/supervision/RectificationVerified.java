package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** The rectification is confirmed done (整改到位). */
@Revision("1")
public record RectificationVerified(String rectificationId, String unitId, String note) implements SupervisionEvent {
}
