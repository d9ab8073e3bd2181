package cn.duban.command.supervision;

import cn.duban.command.supervision.SamplingSources.Frame;
import cn.duban.command.supervision.SamplingSources.Recorded;
import cn.duban.command.supervision.SamplingSources.Source;
import cn.duban.command.supervision.SamplingSources.Withdrawal;
import cn.duban.kernel.reporting.ReportingEvent;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.consistency.GatheringEventSource;
import cn.duban.platform.eventstore.RecordedAt;
import cn.duban.platform.json.Json;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sampling frames, kept as the records arrive by a tracking processor of the command side, so
 * that a draw reads its unit's log instead of scanning the event store (half a minute at a million
 * events, and the busiest unit's answer more than the embedded server sends in one reply: issue 14).
 * Each unit has an append-only log in numbered chunks of up to {@value #CHUNK} entries
 * ({@code unit/000042}): a record as its kind, date and id, with what its withdrawals would name
 * where that is not its id (a step's campaign), and a withdrawal as its kind, its place in its
 * {@link SamplingSources source} and what it names. A batch rewrites only the last chunk of each log
 * it touched, as few pages as there are units in it. Tried first, in the benchmark at 1M (the data
 * files in the load, 413–422 MB without the index): a document per record keyed by its date, whose
 * keys landed anywhere in their index (653 MB), and a log per unit and kind (572 MB). A frame is a
 * set, so an entry appended twice (a batch handled again after a crash) changes nothing. A draw reads
 * the frame once this processor has reached the store's head ({@link CurrentSamplingFrame}), so it
 * sees every committed record, as the scan did.
 */
@Component
@ProcessingGroup(SamplingFrameIndex.GROUP)
public class SamplingFrameIndex {
    public static final String GROUP = "sampling-frames";
    static final String COLLECTION = "sampling_frame";
    static final int CHUNK = 256;
    /** The bean this index's processor reads its events from (duban-platform.properties). */
    public static final String SOURCE = "samplingFramesSource";
    /**
     * How long events gather before this index handles them, unless a draw waits for them: each batch
     * rewrites the last chunk of every log it touches, so batches of a commit each during a load made
     * the data files at a million events go over three times the events' JSON (issue 14).
     */
    static final Duration GATHERING = Duration.ofSeconds(10);

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

    private final MongoCollection<Document> chunks;
    /** Each log's last chunk as this processor last wrote or read it; the processor has one thread. */
    private final Map<String, Tail> tails = new HashMap<>();
    /** The chunks changed in this batch, by id, each with its entries (the tail's own list). */
    private final Map<String, List<Document>> pending = new LinkedHashMap<>();

    private record Tail(int number, List<Document> entries) {
    }

    public SamplingFrameIndex(MongoDatabase db) {
        this.chunks = db.getCollection(COLLECTION);
    }

    /** The events as this index's processor reads them: gathered for {@link #GATHERING}, or at once for a draw. */
    @Bean(SOURCE)
    static GatheringEventSource samplingFramesSource(EventStore eventStore) {
        return new GatheringEventSource(eventStore, GATHERING);
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
            Document entry = new Document("k", kind.name()).append("d", source.on().apply(e).toString()).append("id", id);
            List<String> named = source.named(e);
            for (int i = 0; i < named.size(); i++) {
                // Kept only where it is not the record's own id (a step's campaign).
                if (!id.equals(named.get(i))) {
                    entry.append("of" + i, named.get(i));
                }
            }
            append(prefix(unit), entry);
        }
        for (Map.Entry<SampleKind, Integer> w : withdraws) {
            Withdrawal withdrawal = SamplingSources.of(w.getKey()).withdrawals().get(w.getValue());
            append(prefix(unit), new Document("k", w.getKey().name()).append("w", w.getValue()).append("n", withdrawal.names().apply(e)));
        }
    }

    private void append(String prefix, Document entry) {
        Tail tail = tails.computeIfAbsent(prefix, this::lastChunk);
        if (tail.entries().size() >= CHUNK) {
            tail = new Tail(tail.number() + 1, new ArrayList<>());
            tails.put(prefix, tail);
        }
        tail.entries().add(entry);
        pending.put(chunkId(prefix, tail.number()), tail.entries());
    }

    /** The log's last chunk as stored: the highest numbered of its prefix, read once per log after a start or a failed batch. */
    private Tail lastChunk(String prefix) {
        Document last = chunks.find(range(prefix)).sort(Sorts.descending("_id")).limit(1).first();
        if (last == null) {
            return new Tail(0, new ArrayList<>());
        }
        String id = last.getString("_id");
        return new Tail(Integer.parseInt(id.substring(prefix.length())), new ArrayList<>(last.getList("e", Document.class)));
    }

    private static String chunkId(String prefix, int number) {
        return prefix + String.format("%06d", number);
    }

    private static String prefix(String unit) {
        return unit + "/";
    }

    /** A log's chunks: one condition on {@code _id}, which the embedded server answers from its key order. */
    private static Document range(String prefix) {
        return new Document("_id", new Document("$gte", prefix).append("$lt", prefix.substring(0, prefix.length() - 1) + "0"));
    }

    /**
     * Ends every batch of the processor by writing the chunks it changed, inside the handling of its
     * last event, so before the processor stores its token: a crash loses buffered writes only with
     * the token that covered them, and the events are handled again.
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
                discard();
                throw e;
            }
        });
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        pending.forEach((id, entries) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                new Document("_id", id).append("e", List.copyOf(entries)), new ReplaceOptions().upsert(true))));
        try {
            chunks.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        pending.clear();
    }

    /** Forgets what is buffered and every tail, which are read again from the store: the batch will be handled again. */
    private void discard() {
        pending.clear();
        tails.clear();
    }

    /** As {@link SamplingFrame#records}, as far as this index has handled the store. */
    public List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to) {
        Source source = SamplingSources.of(kind);
        Frame frame = new Frame(source);
        String first = from.toString();
        String last = to.toString();
        for (Document chunk : chunks.find(range(prefix(unitId)))) {
            for (Document entry : chunk.getList("e", Document.class)) {
                if (!kind.name().equals(entry.getString("k"))) {
                    continue;
                }
                Integer w = entry.getInteger("w");
                String d = entry.getString("d");
                if (w != null) {
                    frame.withdrawn(w, entry.getString("n"));
                } else if (d.compareTo(first) >= 0 && d.compareTo(last) <= 0) { // ISO days compare as text
                    String id = entry.getString("id");
                    List<String> named = new ArrayList<>();
                    for (int i = 0; i < source.withdrawals().size(); i++) {
                        String of = entry.getString("of" + i);
                        named.add(of != null ? of : id);
                    }
                    frame.record(id, named);
                }
            }
        }
        return frame.ids();
    }

    @ResetHandler
    void reset() {
        discard();
        chunks.drop();
    }
}
