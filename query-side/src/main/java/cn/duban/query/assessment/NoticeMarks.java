package cn.duban.query.assessment;

import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.FilledOnce;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of the units' fact logs that the results notice's 通报批评 reads (records found untrue
 * on recheck, 抄告单 escalated unanswered), copied from the logs as the score projection appends
 * them: the notice read every unit's whole fact log for these few (issue 14). Each is the log's own
 * document with the unit's id beside it; the notice applies the same rule to them as it did to the logs.
 */
public final class NoticeMarks {
    public static final String COLLECTION = "notice_marks";
    private final MongoCollection<Document> marks;
    private final List<WriteModel<Document>> pending = new ArrayList<>();

    NoticeMarks(MongoDatabase db) {
        this.marks = db.getCollection(COLLECTION);
    }

    /** Whether the notice reads this entry of a fact log: a record found untrue, or a 抄告单 escalated. */
    static boolean concerns(Document entry) {
        return "DISQUALIFICATION".equals(entry.getString("factType"))
                || cn.duban.kernel.scheme.FactKind.COPY_NOTICE_ESCALATED.name().equals(entry.getString("kind"));
    }

    /** Keeps the entry for the next {@link #flush} when the notice reads it. */
    void appended(String unitId, Document entry) {
        if (concerns(entry)) {
            pending.add(upsert(unitId, entry));
        }
    }

    private static ReplaceOneModel<Document> upsert(String unitId, Document entry) {
        Document mark = new Document(entry).append("unitId", unitId);
        String id = unitId + "|" + entry.getString("eventId");
        mark.put("_id", id);
        return new ReplaceOneModel<>(Filters.eq("_id", id), mark, new ReplaceOptions().upsert(true));
    }

    void flush() {
        if (!pending.isEmpty()) {
            marks.bulkWrite(List.copyOf(pending), new BulkWriteOptions().ordered(false));
            pending.clear();
        }
    }

    void discard() {
        pending.clear();
    }

    /** Emptied for a replay, which fills it again from the first event on. */
    void reset() {
        pending.clear();
        FilledOnce.emptied(marks);
    }

    /**
     * A store whose fact logs were written before this collection existed gets it from them, once
     * ({@link FilledOnce}): one pass over every unit's log, at the first start after the upgrade only.
     */
    void fillOnce(ChunkedLog facts, java.util.function.Supplier<List<String>> unitIds) {
        FilledOnce.fill(marks, () -> {
            List<WriteModel<Document>> found = new ArrayList<>();
            for (String unitId : unitIds.get()) {
                facts.forEach(unitId, entry -> {
                    if (concerns(entry)) {
                        found.add(upsert(unitId, entry));
                    }
                });
            }
            return found;
        });
    }

    /** Every unit's marks, by unit id, each in the order of its log. */
    static Map<String, List<FactEntry>> byUnit(MongoDatabase db) {
        Map<String, List<FactEntry>> out = new HashMap<>();
        List<Document> all = db.getCollection(COLLECTION).find(FilledOnce.entries()).into(new ArrayList<>());
        all.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("position")).longValue()));
        for (Document d : all) {
            out.computeIfAbsent(d.getString("unitId"), k -> new ArrayList<>()).add(FactEntry.fromDocument(d));
        }
        return out;
    }
}
