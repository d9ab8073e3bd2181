package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** The rectification is confirmed done (整改到位). */
@Revision("1")
public record RectificationVerified(String rectificationId, String unitId, String note) {
}
