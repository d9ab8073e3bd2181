package cn.duban.kernel.assessment;

/** 通报: publish a scheme's year-end results as they stand now. */
public record PublishResults(String noticeId, String schemeId, String title) {
}
