package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** 一票否决 recorded against a unit for a scheme's year, with its reason (not a scoring fact: it decides the ranking). */
@Revision("1")
public record VetoRecorded(String vetoId, String unitId, String schemeId, String reason) implements SupervisionEvent {
}
