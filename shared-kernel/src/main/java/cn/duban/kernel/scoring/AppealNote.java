package cn.duban.kernel.scoring;

import java.math.BigDecimal;

/** An appeal on an item as the score shows it: what the unit said and what was decided. */
public record AppealNote(String appealId, String status, String reason, String decision, BigDecimal points, String eventId) {
}
