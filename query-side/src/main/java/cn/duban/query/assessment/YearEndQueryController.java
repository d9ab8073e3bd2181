package cn.duban.query.assessment;

import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.query.assessment.NoticesProjection.NoticeView;
import cn.duban.query.common.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The year-end result (年终结果), the results notice drafted from it and the notices published. */
@RestController
@Tag(name = "督查 Inspections")
public class YearEndQueryController {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private final YearEndQueries yearEnd;
    private final NoticeQueries notices;
    private final Clock clock;

    public YearEndQueryController(YearEndQueries yearEnd, NoticeQueries notices, Clock dubanClock) {
        this.yearEnd = yearEnd;
        this.notices = notices;
        this.clock = dubanClock;
    }

    @GetMapping("/api/rounds/year-end/{schemeId}/notice")
    @Operation(summary = "考核结果通报 / the results notice: ranking, grades (优秀/良好/合格/不合格) and the notice text")
    public YearEndQueries.Notice draftNotice(@PathVariable String schemeId) {
        return yearEnd.notice(schemeId, null);
    }

    @GetMapping("/api/rounds/year-end/{schemeId}/notice.docx")
    @Operation(summary = "通报草稿（Word） / the results notice as it would be published now, as a Word document for sign-off, dated today")
    public ResponseEntity<byte[]> draftNoticeDocument(@PathVariable String schemeId) throws IOException {
        YearEndQueries.Notice notice = yearEnd.notice(schemeId, null);
        return Downloads.attachment(NoticeDocument.write(notice, DistrictTime.dateOf(clock.instant())), DOCX,
                Downloads.fileName(notice.title()) + "（草稿）.docx", "notice-draft.docx");
    }

    @GetMapping("/api/rounds/year-end/{schemeId}")
    @Operation(summary = "年终结果 / year-end result: (1 − w) × assessed + w × mean of closed rounds' inspection scores; vetoed units last")
    public List<YearEndQueries.Row> yearEnd(@PathVariable String schemeId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return yearEnd.result(schemeId, asOf);
    }

    @GetMapping("/api/rounds/year-end/{schemeId}/notices")
    @Operation(summary = "已发布通报 / the published notices of a scheme, newest first")
    public List<NoticeView> publishedNotices(@PathVariable String schemeId) {
        return notices.notices(schemeId);
    }

    @GetMapping("/api/notices/{id}")
    @Operation(summary = "通报 / a published notice, its figures reproduced from the events before its publication")
    public NoticeQueries.PublishedNotice publishedNotice(@PathVariable String id) {
        return notices.notice(id);
    }

    @GetMapping("/api/notices/{id}/notice.docx")
    @Operation(summary = "通报（Word） / a published notice as a Word document in the official layout, dated the day it was published")
    public ResponseEntity<byte[]> publishedNoticeDocument(@PathVariable String id) throws IOException {
        NoticeQueries.PublishedNotice published = notices.notice(id);
        return Downloads.attachment(NoticeDocument.write(published.notice(), DistrictTime.dateOf(published.publishedAt())), DOCX,
                Downloads.fileName(published.title()) + ".docx", "notice.docx");
    }
}
