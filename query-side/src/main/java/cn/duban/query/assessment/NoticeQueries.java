package cn.duban.query.assessment;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.assessment.NoticesProjection.NoticeView;
import cn.duban.query.common.Documents;
import cn.duban.query.scheme.SchemeQueries;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** The published results notices (考核结果通报), each reproduced from the events before its publication. */
@Service
public class NoticeQueries {
    private final Documents<NoticeView> notices;
    private final YearEndQueries yearEnd;
    private final SchemeQueries schemes;

    public NoticeQueries(MongoDatabase db, YearEndQueries yearEnd, SchemeQueries schemes) {
        this.notices = NoticesProjection.documents(db);
        this.yearEnd = yearEnd;
        this.schemes = schemes;
    }

    /** A published notice, reproduced from the events before it. */
    public record PublishedNotice(String id, String schemeId, String title, java.time.Instant publishedAt, long position,
                                  String publishedBy, YearEndQueries.Notice notice) {
    }

    public PublishedNotice notice(String id) {
        NoticeView v = notices.find(id);
        if (v == null) {
            throw new NotFoundException("通报不存在 / notice not found: " + id);
        }
        YearEndQueries.Notice n = yearEnd.notice(v.schemeId, v.publishedAt, cn.duban.kernel.assessment.NoticeTemplate.orFirst(v.template));
        if (v.title != null) {
            n = new YearEndQueries.Notice(n.schemeId(), v.title, n.results(), n.honours(), n.text());
        }
        return new PublishedNotice(v.id, v.schemeId, n.title(), v.publishedAt, v.position, v.publishedBy, n);
    }

    /** The scheme's published notices, newest first; a scheme that does not exist is a 404, not "none published". */
    public List<NoticeView> notices(String schemeId) {
        schemes.one(schemeId);
        return notices.where(Filters.eq("schemeId", schemeId)).stream()
                .sorted(Comparator.comparing((NoticeView n) -> n.publishedAt).reversed()).toList();
    }
}
