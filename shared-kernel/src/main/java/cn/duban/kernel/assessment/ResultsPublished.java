package cn.duban.kernel.assessment;

import org.axonframework.serialization.Revision;

/**
 * The year-end results published (通报). What was published is the result as of this event's own
 * recording time, so the notice is reproduced exactly from the events before it, at any later time.
 */
@Revision("1")
public record ResultsPublished(String noticeId, String schemeId, String title) implements AssessmentEvent {
}
