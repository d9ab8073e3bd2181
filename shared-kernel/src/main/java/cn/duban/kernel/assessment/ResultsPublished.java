package cn.duban.kernel.assessment;

import org.axonframework.serialization.Revision;

/**
 * The year-end results published (通报). What was published is the result as of this event's own
 * recording time, so the notice is reproduced exactly from the events before it, at any later time,
 * in the wording it was published in ({@code template}; absent in events stored before it was recorded).
 */
@Revision("1")
public record ResultsPublished(String noticeId, String schemeId, String title, NoticeTemplate template) implements AssessmentEvent {
    /** A notice in the current wording. */
    public ResultsPublished(String noticeId, String schemeId, String title) {
        this(noticeId, schemeId, title, NoticeTemplate.CURRENT);
    }
}
