package cn.duban.query.reporting;

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
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import com.mongodb.client.model.Projections;

/**
 * What units reported, with their text and files; unit staff read their own unit's records, and
 * those of the units they inspect in an open 互查 round ({@link UnitReading}).
 */
@Service
public class ReportedRecords {
    private final Documents<RecordView> records;

    private final MongoCollection<Document> awaiting;

    private final UnitReading reading;

    private final RecordsByUnit byUnit;
    private final RecordsByUnit setAside;

    public ReportedRecords(MongoDatabase db, UnitReading reading) {
        this.records = ReportedRecordsProjection.documents(db);
        this.byUnit = new RecordsByUnit(db);
        this.setAside = new RecordsByUnit(db, RecordsByUnit.SET_ASIDE);
        this.awaiting = db.getCollection(ReportedRecordsProjection.AWAITING);
        this.reading = reading;
    }

    public Optional<RecordView> find(String id) {
        return Optional.ofNullable(records.find(id));
    }

    /** The record, if the user of this request may read it. */
    public RecordView readable(String id) {
        RecordView v = find(id).orElseThrow(() -> new NotFoundException("记录不存在 / no such record: " + id));
        reading.requireMayRead(v.unitId);
        return v;
    }

    /** At most this many records answer one list, newest first. */
    public static final int LIST_LIMIT = 500;

    /**
     * A unit's records of one kind and status (any, where not given), newest first (by recording
     * time, then id); unit staff list their own unit's where they ask for none, and are refused one
     * they may not read (it used to answer their own unit's instead, a list of another unit than the
     * one asked for). The records are found by their keys in {@link RecordsByUnit}, newest first, and
     * read by id a page at a time. A status that waits for a decision is read from what waits, a final
     * one few records reach from its own keys ({@link RecordsByUnit#SET_ASIDE}); any other, which the
     * keys do not hold, is judged on the records of the kinds that take it as they are read.
     */
    public List<RecordView> list(String unitId, String kind, String status) {
        return list(unitId, kind, status, 0);
    }

    /** The most records a list may skip: the keys skipped are read, so this bounds the work of one request. */
    public static final int MAX_OFFSET = 100_000;

    /** As {@link #list(String, String, String)}, from the {@code offset}-th newest (0 the newest) of those that match. */
    public List<RecordView> list(String unitId, String kind, String status, int offset) {
        return list(unitId, kind, status, null, offset);
    }

    /** The earliest and latest year a list may ask for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** The kinds a list (and its workbook) may ask for, and what a request is told of another. */
    public static final String KINDS = "TRAINING|INFO_REPORT|INDICATOR|ACHIEVEMENT|APPEAL|CAMPAIGN";
    public static final String KINDS_MESSAGE = "取值须为 / must be one of：[TRAINING, INFO_REPORT, INDICATOR, ACHIEVEMENT, APPEAL, CAMPAIGN]";
    /** The statuses the records take (ReportedRecordsProjection); any other asked an empty list. */
    public static final String STATUSES = "SUBMITTED|ACCEPTED|REJECTED|WITHDRAWN|FILED|UPHELD|OPEN|CLOSED";
    public static final String STATUSES_MESSAGE = "取值须为 / must be one of：[SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN, FILED, UPHELD, OPEN, CLOSED]";
    public static final String YEAR_RANGE = "须在" + FIRST_YEAR + "到" + LAST_YEAR + "之间 / " + FIRST_YEAR + " to " + LAST_YEAR;

    /**
     * As {@link #list(String, String, String, int)}, of the records of one year too, where {@code year} is
     * given: the year of the day a record happened (a training held, a report submitted, a campaign
     * launched, an achievement), or an indicator figure's year; a record without either (an appeal) is
     * of no year. The keys hold the year, so a year's records are read as any others.
     */
    public List<RecordView> list(String unitId, String kind, String status, Integer year, int offset) {
        if (unitId != null) {
            reading.requireMayRead(unitId);
        }
        String unit = CurrentUser.get().filter(u -> u.role() == Role.UNIT_STAFF && unitId == null).map(u -> u.unitId()).orElse(unitId);
        Predicate<RecordView> matches = v -> (status == null || status.equals(v.status)) && (year == null || year.equals(RecordsByUnit.yearOf(v)));
        Optional<String> waitingKind = ReportedRecordsProjection.kindAwaitingIn(status);
        if (waitingKind.isPresent()) {
            return waiting(unit, kind, waitingKind.get(), matches, offset);
        }
        List<String> kinds = ReportedRecordsProjection.kindsIn(status).stream().filter(k -> kind == null || k.equals(kind)).toList();
        // A final status few records reach has its own keys: a list of it reads those, every one a match.
        boolean setAsideStatus = status != null && ReportedRecordsProjection.SET_ASIDE.contains(status);
        RecordsByUnit keys = setAsideStatus ? setAside : byUnit;
        Iterator<String> ids = keys.newestFirst(unit != null ? List.of(unit) : keys.units(),
                setAsideStatus ? kinds.stream().map(k -> RecordsByUnit.setAside(status, k)).toList() : kinds, year);
        boolean everyKeyMatches = status == null || setAsideStatus;
        int toSkip = offset;
        List<RecordView> out = new ArrayList<>();
        while (out.size() < LIST_LIMIT && ids.hasNext()) {
            List<String> page = new ArrayList<>();
            // Where every key matches, a page is what is still wanted, the skipped included.
            int wanted = everyKeyMatches ? Math.min(toSkip + LIST_LIMIT - out.size(), LIST_LIMIT) : LIST_LIMIT;
            while (page.size() < wanted && ids.hasNext()) {
                page.add(ids.next());
            }
            if (!everyKeyMatches) {
                page.retainAll(matching(page, matches));
            }
            int skipped = Math.min(toSkip, page.size());
            toSkip -= skipped;
            byIds(page.subList(skipped, page.size())).values().stream()
                    .filter(matches)
                    .limit(LIST_LIMIT - out.size())
                    .forEach(out::add);
        }
        return out;
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

    /** Newest first by recording time, then by id: the order of {@link RecordsByUnit}'s keys. */
    private static final Comparator<RecordView> NEWEST_FIRST = Comparator.comparing((RecordView v) -> v.recordedAt)
            .thenComparing(v -> v.id).reversed();

    /**
     * The records of a status that waits for the lead office's decision (SUBMITTED reports, FILED
     * appeals): from the read model of what waits, a few records, rather than all of the unit's.
     */
    private List<RecordView> waiting(String unit, String kind, String waitingKind, Predicate<RecordView> matches, int offset) {
        if (kind != null && !kind.equals(waitingKind)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        awaiting.find(unit == null ? Filters.eq("kind", waitingKind) : Filters.and(Filters.eq("kind", waitingKind), Filters.eq("unitId", unit)))
                .projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        return byIds(ids).values().stream().filter(matches).sorted(NEWEST_FIRST)
                .skip(offset).limit(LIST_LIMIT).toList();
    }

    /**
     * Which of these records match, read from the store with only the fields the filter asks about: a
     * status without keys of its own (ACCEPTED, OPEN, CLOSED) is looked for among all of a unit's
     * records of the kinds that take it, and decoding each whole took most of the time.
     */
    private Set<String> matching(List<String> ids, Predicate<RecordView> matches) {
        Set<String> found = new HashSet<>();
        records.forEach(Filters.in("_id", ids), Projections.include("status", "on", "year"), v -> {
            if (matches.test(v)) {
                found.add(v.id);
            }
        });
        return found;
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
