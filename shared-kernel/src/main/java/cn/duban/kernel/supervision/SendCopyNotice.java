package cn.duban.kernel.supervision;

/**
 * Send a 抄告单 (seed 004): the lead office, or a department about its own field, tells another unit
 * of a problem it found; the unit answers within 20 working days.
 *
 * @param fromUnitId the sending department, or {@code null} for the lead office
 */
public record SendCopyNotice(String noticeId, String fromUnitId, String toUnitId, String subject, String text) {
}
