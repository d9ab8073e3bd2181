package cn.duban.command.supervision;

import cn.duban.command.supervision.SamplingSources.Recorded;
import cn.duban.command.supervision.SamplingSources.Source;
import cn.duban.command.supervision.SamplingSources.Withdrawal;
import cn.duban.kernel.reporting.ReportingEvent;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.eventstore.RecordedAt;
import cn.duban.platform.json.Json;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sampling frames, kept as the records arrive by a tracking processor of the command side, so
 * that a draw reads one range of keys of its unit and kind instead of scanning the event store
 * (half a minute at a million events, and the busiest unit's answer more than the embedded server
 * sends in one reply: issue 14). One key per record, {@code unit/KIND/date/id}, holding what its
 * withdrawals would name where that is not the record's id (a step's campaign); one key per
 * withdrawal, {@code unit/KIND/~/n/named}, {@code n} the withdrawal's place in its
 * {@link SamplingSources source}. A draw reads the frame once this processor has reached the store's
 * head ({@link CurrentSamplingFrame}), so it sees every committed record, as the scan did.
 */
@Component
@ProcessingGroup(SamplingFrameIndex.GROUP)
public class SamplingFrameIndex {
    public static final String GROUP = "sampling-frames";
    static final String COLLECTION = "sampling_frame";
    private static final String WITHDRAWN = "~";

    /** For each event, the kinds of record it records, and the kinds whose records it withdraws (with the withdrawal's place). */
    private static final Map<Class<?>, List<SampleKind>> RECORDS = new HashMap<>();
    private static final Map<Class<?>, List<Map.Entry<SampleKind, Integer>>> WITHDRAWS = new HashMap<>();

    static {
        for (SampleKind kind : SampleKind.values()) {
            Source source = SamplingSources.of(kind);
            RECORDS.computeIfAbsent(source.event(), c -> new ArrayList<>()).add(kind);
            for (int i = 0; i < source.withdrawals().size(); i++) {
                WITHDRAWS.computeIfAbsent(source.withdrawals().get(i).event(), c -> new ArrayList<>()).add(Map.entry(kind, i));
            }
        }
    }

    private final MongoCollection<Document> keys;

    public SamplingFrameIndex(MongoDatabase db) {
        this.keys = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(ReportingEvent event, EventMessage<?> message, @RecordedAt Instant recordedAt) {
        List<SampleKind> records = RECORDS.getOrDefault(event.getClass(), List.of());
        List<Map.Entry<SampleKind, Integer>> withdraws = WITHDRAWS.getOrDefault(event.getClass(), List.of());
        if (records.isEmpty() && withdraws.isEmpty()) {
            return;
        }
        // The payload's fields as they are stored, which is what the sources read in a scan too.
        Recorded e = new Recorded(new Document(Json.mapper().convertValue(event, Map.class)), message.getIdentifier(), recordedAt);
        String unit = e.field("unitId");
        for (SampleKind kind : records) {
            Source source = SamplingSources.of(kind);
            String id = source.id().apply(e);
            Document entry = new Document("_id", prefix(unit, kind) + source.on().apply(e) + "/" + id);
            for (int i = 0; i < source.withdrawals().size(); i++) {
                String of = source.withdrawals().get(i).of().apply(e);
                if (!id.equals(of)) {
                    entry.append("of" + i, of);
                }
            }
            put(entry);
        }
        for (Map.Entry<SampleKind, Integer> w : withdraws) {
            Withdrawal withdrawal = SamplingSources.of(w.getKey()).withdrawals().get(w.getValue());
            put(new Document("_id", prefix(unit, w.getKey()) + WITHDRAWN + "/" + w.getValue() + "/" + withdrawal.names().apply(e)));
        }
    }

    /**
     * Written whole, by its key, when the batch ends (an event handled again writes the same). One
     * write per key for a batch of up to 500 events: at its first start on the benchmark's 1M store
     * the index took about four minutes to build with a write per record. The processor has one
     * thread, so one buffer.
     */
    private void put(Document entry) {
        pending.put(entry.getString("_id"), new ReplaceOneModel<>(Filters.eq("_id", entry.get("_id")), entry, new ReplaceOptions().upsert(true)));
    }

    private final Map<String, WriteModel<Document>> pending = new LinkedHashMap<>();

    /**
     * Ends every batch of the processor by writing what it buffered, inside the handling of its last
     * event, so before the processor stores its token: a crash loses buffered writes only with the
     * token that covered them, and the events are handled again.
     */
    @Autowired
    void flushAtEndOfBatch(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor(GROUP, c -> (unitOfWork, chain) -> {
            try {
                Object result = chain.proceed();
                if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                    flush();
                }
                return result;
            } catch (Exception | Error e) {
                pending.clear();
                throw e;
            }
        });
    }

    void flush() {
        if (!pending.isEmpty()) {
            keys.bulkWrite(List.copyOf(pending.values()), new BulkWriteOptions().ordered(false));
            pending.clear();
        }
    }

    private static String prefix(String unit, SampleKind kind) {
        return unit + "/" + kind + "/";
    }

    /** As {@link SamplingFrame#records}, as far as this index has handled the store. */
    public List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to) {
        Source source = SamplingSources.of(kind);
        String prefix = prefix(unitId, kind);
        List<Set<String>> withdrawn = new ArrayList<>();
        source.withdrawals().forEach(w -> withdrawn.add(new HashSet<>()));
        for (Document d : range(prefix + WITHDRAWN + "/", prefix + WITHDRAWN + "0", false)) {
            String key = d.getString("_id").substring(prefix.length() + WITHDRAWN.length() + 1);
            int slash = key.indexOf('/');
            withdrawn.get(Integer.parseInt(key.substring(0, slash))).add(key.substring(slash + 1));
        }
        Set<String> ids = new TreeSet<>();
        // Dates are ISO days, so the period's keys are one range: from its first day to the end of its last.
        for (Document d : range(prefix + from + "/", prefix + to + "0", true)) {
            String id = d.getString("_id").substring(prefix.length() + from.toString().length() + 1);
            boolean out = false;
            for (int i = 0; i < withdrawn.size() && !out; i++) {
                String of = d.getString("of" + i);
                out = withdrawn.get(i).contains(of != null ? of : id);
            }
            if (!out) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** Keys from {@code start} (inclusive) to {@code end} (exclusive): one condition on {@code _id}, which the embedded server answers from its key order. */
    private Iterable<Document> range(String start, String end, boolean withFields) {
        var found = keys.find(new Document("_id", new Document("$gte", start).append("$lt", end)));
        return withFields ? found : found.projection(Projections.include("_id"));
    }

    @ResetHandler
    void reset() {
        pending.clear();
        keys.drop();
    }
}
