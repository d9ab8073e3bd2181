package cn.duban.kernel.assessment;

import java.time.LocalDate;

/** Record an assessor-found failure on a PER_FAILURE item of a unit. */
public record RecordFailure(String failureId, String unitId, String schemeId, String itemCode, String reason, LocalDate on) {}
