package cn.duban.query.supervision;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.query.common.Documents;
import cn.duban.query.supervision.CopyNoticesProjection.CopyNoticeView;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** 抄告单 sent to or by a unit, newest first. */
@Service
public class CopyNoticeQueries {
    private final Documents<CopyNoticeView> notices;

    public CopyNoticeQueries(MongoDatabase db) {
        this.notices = CopyNoticesProjection.documents(db);
    }

    public List<CopyNoticeView> all(String unitId) {
        List<CopyNoticeView> found = unitId == null ? notices.all()
                : notices.where(Filters.or(Filters.eq("toUnitId", unitId), Filters.eq("fromUnitId", unitId)));
        return found.stream().sorted(Comparator.comparing((CopyNoticeView v) -> v.sentAt).reversed()).toList();
    }

    /** 抄告单 past their deadline, escalated to the lead office and still not answered: what it must chase. */
    public long escalatedUnanswered() {
        return notices.count(Filters.eq("status", "ESCALATED"));
    }

    /** 抄告单 sent to this unit and not answered yet, whether or not escalated: what its staff must answer. */
    public long toAnswer(String unitId) {
        return notices.count(Filters.and(Filters.eq("toUnitId", unitId), Filters.in("status", "SENT", "ESCALATED")));
    }

    public CopyNoticeView one(String id) {
        CopyNoticeView v = notices.find(id);
        if (v == null) {
            throw new NotFoundException("抄告单不存在 / no such copy notice: " + id);
        }
        return v;
    }
}
