package cn.duban.query.reporting;

import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.people.Role;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.UnitReading;
import cn.duban.query.common.Documents;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What units reported, with their text and files; unit staff read their own unit's records, and
 * those of the units they inspect in an open 互查 round ({@link UnitReading}).
 */
@Service
public class ReportedRecords {
    private final Documents<RecordView> records;

    private final MongoCollection<Document> awaiting;

    private final UnitReading reading;

    public ReportedRecords(MongoDatabase db, UnitReading reading) {
        this.records = ReportedRecordsProjection.documents(db);
        this.awaiting = db.getCollection(ReportedRecordsProjection.AWAITING);
        this.reading = reading;
    }

    public Optional<RecordView> find(String id) {
        return Optional.ofNullable(records.find(id));
    }

    /** The record, if the user of this request may read it. */
    public RecordView readable(String id) {
        RecordView v = find(id).orElseThrow(() -> new NotFoundException("记录不存在 / no such record: " + id));
        requireMayRead(v.unitId);
        return v;
    }

    /** Refuses unit staff the records of a unit that is neither theirs nor one they inspect in an open 互查 round. */
    public void requireMayRead(String unitId) {
        CurrentUser.get().filter(u -> !reading.mayRead(u, unitId)).ifPresent(u -> {
            throw new ForbiddenException("只能查看本单位及本单位正在互查的单位的记录 / unit staff read their own unit's records, "
                    + "and those of the units they inspect in an open 互查 round");
        });
    }

    /** At most this many records answer one list, newest first. */
    public static final int LIST_LIMIT = 500;

    /**
     * A unit's records of one kind and status (any, where not given), newest first; unit staff list
     * their own unit's where they ask for none, and are refused one they may not read (it used to
     * answer their own unit's instead, a list of another unit than the one asked for).
     */
    public List<RecordView> list(String unitId, String kind, String status) {
        if (unitId != null) {
            requireMayRead(unitId);
        }
        String unit = CurrentUser.get().filter(u -> u.role() == Role.UNIT_STAFF && unitId == null).map(u -> u.unitId()).orElse(unitId);
        List<Bson> filters = new ArrayList<>();
        if (unit != null) {
            filters.add(Filters.eq("unitId", unit));
        }
        if (kind != null) {
            filters.add(Filters.eq("kind", kind));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        return records.where(filters.isEmpty() ? new Document() : Filters.and(filters)).stream()
                .sorted(Comparator.comparing((RecordView v) -> v.recordedAt).reversed())
                .limit(LIST_LIMIT)
                .toList();
    }

    /**
     * The records of this kind (INFO_REPORT or APPEAL) that wait for the lead office's decision,
     * oldest first: the small read model of what waits names them, the records read by id.
     */
    public List<RecordView> awaitingDecision(String kind) {
        List<String> ids = new ArrayList<>();
        awaiting.find(Filters.eq("kind", kind)).projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        return byIds(ids).values().stream().sorted(Comparator.comparing((RecordView v) -> v.recordedAt).thenComparing(v -> v.id)).toList();
    }

    /** How many records of this kind wait for the lead office's decision. */
    public long countAwaitingDecision(String kind) {
        return awaiting.countDocuments(Filters.eq("kind", kind));
    }

    /** The records with these ids that exist, in the order asked. */
    public Map<String, RecordView> byIds(Collection<String> ids) {
        Map<String, RecordView> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<String, RecordView> found = new LinkedHashMap<>();
        records.where(Filters.in("_id", List.copyOf(ids))).forEach(v -> found.put(v.id, v));
        ids.forEach(id -> {
            if (found.containsKey(id)) {
                out.put(id, found.get(id));
            }
        });
        return out;
    }
}
