package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** The reported rectification was not accepted; the deadline stands. */
@Revision("1")
public record RectificationRejected(String rectificationId, String unitId, String reason) implements SupervisionEvent {
}
