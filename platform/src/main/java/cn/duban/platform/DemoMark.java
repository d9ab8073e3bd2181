package cn.duban.platform;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether this store was loaded by {@code --demo}: kept in the database beside the events, so the
 * mark survives restarts and a district never takes demo figures for its own. The health endpoint
 * and {@code GET /api/about} say so; the web app shows a 演示数据 banner.
 */
@Component
public class DemoMark {
    private static final String COLLECTION = "duban_meta";
    private static final String ID = "demo";
    private final MongoCollection<Document> meta;

    public DemoMark(MongoDatabase db) {
        this.meta = db.getCollection(COLLECTION);
    }

    public void mark(Instant loadedAt) {
        meta.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("loadedAt", loadedAt.toString()),
                new ReplaceOptions().upsert(true));
    }

    /** When the demo was loaded, if this store is a demo's. */
    public Optional<Instant> loadedAt() {
        Document d = meta.find(Filters.eq("_id", ID)).first();
        return d == null ? Optional.empty() : Optional.of(Instant.parse(d.getString("loadedAt")));
    }
}
