package cn.duban.kernel.event;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A unit scored one item itself (自评分); shown beside the assessed score, never changing it. */
@Revision("1")
public record SelfAssessmentRecorded(String selfAssessmentId, String unitId, String schemeId, String itemCode, BigDecimal score,
                                     String note) implements UnitEvent {
}
