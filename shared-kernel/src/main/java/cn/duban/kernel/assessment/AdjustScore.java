package cn.duban.kernel.assessment;

import java.math.BigDecimal;

/** Record an assessor deduction or bonus on one item of a unit. */
public record AdjustScore(String adjustmentId, String unitId, String schemeId, String itemCode, BigDecimal points, String reason) {}
