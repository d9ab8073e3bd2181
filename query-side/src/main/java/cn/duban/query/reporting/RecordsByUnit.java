package cn.duban.query.reporting;

import cn.duban.query.common.FilledOnce;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Read model {@code records_by_unit}: one document per reported record holding nothing but its key,
 * {@code unit/kind/year/recording time/record id}, so that a unit's records of a kind (and of a year) are
 * read newest first by walking that key range backwards, a page at a time, from either store's
 * {@code _id} index. The records list read every record of the store and sorted the unit's (9–12 s for
 * the busiest unit of a million-event store); this reads as many keys as the page asks for.
 *
 * <p>Written once per record, when it is created: nothing in the key ever changes (a record's status
 * does, so a list by status reads the records and filters them). The year is the record's
 * ({@link #yearOf}: of the day it happened, or an indicator figure's year; {@code 0000} for none, an
 * appeal), so a year's records are one range. The separator {@code /} is outside what a unit id
 * ({@code [a-z0-9._-]}) or a kind may hold, and {@code 0} is the character after it, so
 * {@code [prefix "/", prefix "0")} is exactly the keys that begin with the prefix and its separator.
 */
public final class RecordsByUnit {
    public static final String COLLECTION = "records_by_unit";
    /**
     * Read model {@code records_set_aside}: the same keys for the records in a status that is final and
     * that few records reach ({@link ReportedRecordsProjection#SET_ASIDE}), the status before the kind
     * ({@code unit/WITHDRAWN:TRAINING/year/time/id}), so that a list of such records reads only theirs;
     * among all of a unit's they were looked for record by record.
     */
    public static final String SET_ASIDE = "records_set_aside";

    /** Every kind of record, as the records read model names them. */
    static final List<String> KINDS = List.of("TRAINING", "INFO_REPORT", "INDICATOR", "ACHIEVEMENT", "APPEAL", "CAMPAIGN");

    /** Keys read at a time from one range; the first read of each takes fewer, since a merge of many may need few from each. */
    private static final int FIRST_PAGE = 64;
    private static final int PAGE = 512;

    /** Past every unit's keys, before {@link FilledOnce#MARK}: unit ids are lowercase letters, digits and {@code ._-}. */
    private static final String UNITS_END = "~";

    private final MongoCollection<Document> keys;

    RecordsByUnit(MongoDatabase db) {
        this(db, COLLECTION);
    }

    RecordsByUnit(MongoDatabase db, String collection) {
        this.keys = db.getCollection(collection);
    }

    static String key(RecordView v) {
        return key(v, v.kind);
    }

    /** The key of a record under a kind's segment: its kind, or in {@link #SET_ASIDE} its status and kind ({@link #setAside}). */
    private static String key(RecordView v, String kindSegment) {
        return v.unitId + "/" + kindSegment + "/" + year(yearOf(v)) + "/" + time(v.recordedAt) + "/" + v.id;
    }

    /** The segment that stands for a kind in {@link #SET_ASIDE}'s keys, with the status: {@code WITHDRAWN:TRAINING}. */
    static String setAside(String status, String kind) {
        return status + ":" + kind;
    }

    /** The record's key in {@link #SET_ASIDE}, under its status. */
    static WriteModel<Document> setAsideEntry(RecordView v) {
        return upsert(key(v, setAside(v.status, v.kind)));
    }

    /** The year a record belongs to, as the workbench's 年度 filter puts it: its day's, or an indicator figure's year; null for none. */
    static Integer yearOf(RecordView v) {
        return v.on != null ? Integer.valueOf(v.on.getYear()) : v.year;
    }

    /** Four digits, so that keys sort by year as text; {@code 0000} for a record of no year. */
    private static String year(Integer year) {
        return String.format("%04d", year == null ? 0 : year);
    }

    /**
     * The mark of the key layout with the year: a store whose keys were written without it (stop 51)
     * has them written again from its records, once ({@link ReportedRecordsProjection}).
     */
    static final String LAYOUT_MARK = "~layout-year";

    /** Whether the keys are laid out with the year: marked so, or no keys yet. */
    boolean laidOutByYear() {
        return keys.find(Filters.eq("_id", LAYOUT_MARK)).first() != null
                || keys.find(Filters.eq("_id", FilledOnce.MARK)).first() == null;
    }

    void markLaidOutByYear() {
        if (keys.find(Filters.eq("_id", LAYOUT_MARK)).first() == null) {
            keys.replaceOne(Filters.eq("_id", LAYOUT_MARK), new Document("_id", LAYOUT_MARK), new ReplaceOptions().upsert(true));
        }
    }

    /** Fixed width, so that keys sort by time as text: seconds since the epoch, then nanoseconds. */
    private static String time(Instant t) {
        return String.format("%012d%09d", t.getEpochSecond(), t.getNano());
    }

    static WriteModel<Document> entry(RecordView v) {
        return upsert(key(v));
    }

    private static WriteModel<Document> upsert(String key) {
        return new ReplaceOneModel<>(Filters.eq("_id", key), new Document("_id", key), new ReplaceOptions().upsert(true));
    }

    MongoCollection<Document> collection() {
        return keys;
    }

    /** The units with any record, found by skipping from one unit's keys to the next: one read per unit. */
    List<String> units() {
        return segments("", UNITS_END);
    }

    /** The years of the keys that begin with this unit's and kind's prefix ({@code unit/kind/}): one read per year. */
    private List<String> years(String kindPrefix) {
        return segments(kindPrefix, kindPrefix.substring(0, kindPrefix.length() - 1) + "0");
    }

    /**
     * The distinct segments that follow {@code prefix} in the keys before {@code end}, in order: the first
     * key is read, its segment taken, and the next read starts past every key with that segment
     * ({@code prefix segment "0"}, {@code 0} being the character after the separator).
     */
    private List<String> segments(String prefix, String end) {
        List<String> segments = new ArrayList<>();
        String from = prefix;
        while (true) {
            Document first = keys.find(between(from, end))
                    .sort(Sorts.ascending("_id")).projection(Projections.include("_id")).limit(1).first();
            if (first == null) {
                return segments;
            }
            String key = first.getString("_id");
            String segment = key.substring(prefix.length(), key.indexOf('/', prefix.length()));
            segments.add(segment);
            from = prefix + segment + "0";
        }
    }

    /** Keys from {@code start} (inclusive) to {@code end} (exclusive), as one condition on {@code _id}, which the embedded server answers from its key order. */
    private static Document between(String start, String end) {
        return new Document("_id", new Document("$gte", start).append("$lt", end));
    }

    /**
     * The ids of these units' records of these kinds, newest first (by recording time, then by id,
     * both descending), read lazily: one range per unit and kind, merged.
     */
    Iterator<String> newestFirst(List<String> units, List<String> kinds) {
        return newestFirst(units, kinds, null);
    }

    /**
     * As {@link #newestFirst(List, List)}, of one year's records where {@code year} is given: one range
     * per unit and kind. Without it, one range per unit, kind and year the unit has records of, found
     * by skipping from one year's keys to the next, merged as any others.
     */
    Iterator<String> newestFirst(List<String> units, List<String> kinds, Integer year) {
        PriorityQueue<Range> heads = new PriorityQueue<>(Comparator.comparing(Range::head).reversed());
        for (String unit : units) {
            for (String kind : kinds) {
                String kindPrefix = unit + "/" + kind + "/";
                for (String y : year != null ? List.of(year(year)) : years(kindPrefix)) {
                    String prefix = kindPrefix + y + "/";
                    Range range = new Range(prefix, kindPrefix + y + "0");
                    if (range.hasNext()) {
                        heads.add(range);
                    }
                }
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public String next() {
                Range range = heads.poll();
                if (range == null) {
                    throw new NoSuchElementException();
                }
                String key = range.take();
                if (range.hasNext()) {
                    heads.add(range);
                }
                return key.substring(key.lastIndexOf('/') + 1);
            }
        };
    }

    /** One unit's keys of one kind and year, read backwards a page at a time; its head compared by what follows its start, the keys' common prefix (time, then id). */
    private final class Range {
        /** The keys' common prefix, {@code unit/kind/year/}. */
        private final String start;
        private String end;
        private final ArrayDeque<String> page = new ArrayDeque<>();
        private boolean exhausted;
        private int pageSize = FIRST_PAGE;

        Range(String start, String end) {
            this.start = start;
            this.end = end;
        }

        boolean hasNext() {
            if (page.isEmpty() && !exhausted) {
                keys.find(between(start, end)).sort(Sorts.descending("_id"))
                        .projection(Projections.include("_id")).limit(pageSize).forEach(d -> page.add(d.getString("_id")));
                exhausted = page.size() < pageSize;
                if (!page.isEmpty()) {
                    end = page.getLast();
                }
                pageSize = PAGE;
            }
            return !page.isEmpty();
        }

        String head() {
            return page.getFirst().substring(start.length());
        }

        String take() {
            return page.removeFirst();
        }
    }
}
