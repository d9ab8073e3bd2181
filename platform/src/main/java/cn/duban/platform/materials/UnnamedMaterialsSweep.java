package cn.duban.platform.materials;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes uploaded files that no record names once they have waited {@code duban.materials.unnamed-kept-for}
 * (7 days by default) since their last upload. The workbench uploads each file as it is chosen, before
 * the record is sent, so every form left unsent (a tab closed, a record typed again elsewhere) left its
 * files in GridFS for good, up to 20 MB each.
 * <p>
 * A file counts as named once a record's command has found it ({@link MaterialStore#resolve} marks it
 * in the same step). A store written before that mark existed has it set once, at the first sweep,
 * for every file an event names, before anything is removed. A file the same unit uploads again is
 * kept for the whole time again. Real time, not the domain's clock, as for expired sessions: a demo's
 * simulated 2023 would make today's upload years old.
 */
@Component
public class UnnamedMaterialsSweep {
    static final String STATE = "material_sweep";
    private static final String MARKED_FROM_EVENTS = "named-marked-from-events";
    private static final Logger log = LoggerFactory.getLogger(UnnamedMaterialsSweep.class);

    private final MaterialStore store;
    private final SequencedMongoEventStorageEngine engine;
    private final MongoCollection<Document> state;
    private final Duration keptFor;
    private final Clock clock;

    @Autowired
    public UnnamedMaterialsSweep(MaterialStore store, SequencedMongoEventStorageEngine engine, MongoDatabase db,
                                 @Value("${duban.materials.unnamed-kept-for:P7D}") Duration keptFor) {
        this(store, engine, db, keptFor, Clock.systemUTC());
    }

    UnnamedMaterialsSweep(MaterialStore store, SequencedMongoEventStorageEngine engine, MongoDatabase db, Duration keptFor, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.state = db.getCollection(STATE);
        this.keptFor = keptFor;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${duban.materials.sweep-initial-delay:PT10M}", fixedDelayString = "${duban.materials.sweep-interval:PT6H}")
    public void sweepOnSchedule() {
        try {
            for (MaterialStore.Removed r : sweep()) {
                log.info("已删除上传后 {} 天内未被任何记录引用的文件 / removed a file no record named within {} days: {} ({}, {} bytes, uploaded for {})",
                        keptFor.toDays(), keptFor.toDays(), r.material().name(), r.material().sha256(), r.material().size(), r.units());
            }
        } catch (RuntimeException e) {
            // The next sweep tries again; nothing is lost by waiting, only disk held a little longer.
            log.warn("清理未引用的文件失败，下次再试 / could not remove unnamed files, will try again", e);
        }
    }

    /** One sweep: the files it removed. */
    public synchronized List<MaterialStore.Removed> sweep() {
        if (state.find(Filters.eq("_id", MARKED_FROM_EVENTS)).first() == null) {
            Set<String> named = new HashSet<>();
            engine.forEachEvent(0, e -> named.addAll(namedIn(e.payloadText())));
            store.markNamed(named);
            state.replaceOne(Filters.eq("_id", MARKED_FROM_EVENTS), new Document("_id", MARKED_FROM_EVENTS)
                    .append("at", Date.from(clock.instant())).append("files", named.size()), new ReplaceOptions().upsert(true));
        }
        return store.removeUnnamed(clock.instant().minus(keptFor));
    }

    /** Every SHA-256 an event's payload names, wherever in it: a file named anywhere is kept. */
    static Set<String> namedIn(String payloadText) {
        if (payloadText == null || !payloadText.contains("\"sha256\"")) {
            return Set.of();
        }
        try {
            return new HashSet<>(Json.mapper().readTree(payloadText).findValuesAsText("sha256"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's payload is not JSON", e);
        }
    }
}
