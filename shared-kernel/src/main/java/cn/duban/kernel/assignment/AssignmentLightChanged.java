package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** A unit's supervision light on an assignment changed (三色督办), with why. */
@Revision("1")
public record AssignmentLightChanged(String assignmentId, String unitId, Light from, Light to, String reason) implements AssignmentEvent {
}
