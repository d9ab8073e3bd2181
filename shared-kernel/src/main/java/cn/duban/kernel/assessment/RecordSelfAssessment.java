package cn.duban.kernel.assessment;

import java.math.BigDecimal;

/** A unit's own score for one item (自评分/自查分), with its note; the latest one counts. */
public record RecordSelfAssessment(String selfAssessmentId, String unitId, String schemeId, String itemCode, BigDecimal score,
                                   String note) {
}
