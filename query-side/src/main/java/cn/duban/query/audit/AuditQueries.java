package cn.duban.query.audit;

import cn.duban.query.audit.AuditProjection.AuditEntry;
import cn.duban.query.common.ChunkedLog;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** 操作留痕: everything one actor did, from the audit-trail read model. */
@Service
public class AuditQueries {
    private final ChunkedLog trail;

    public AuditQueries(MongoDatabase db) {
        this.trail = new ChunkedLog(db, AuditProjection.COLLECTION);
    }

    /** Newest first. */
    public List<AuditEntry> byActor(String actor) {
        List<AuditEntry> entries = new ArrayList<>(AuditProjection.of(trail, actor));
        Collections.reverse(entries);
        return entries;
    }
}
