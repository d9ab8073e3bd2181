package cn.duban.query.scheme;

import cn.duban.query.common.ProjectionGroups;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import cn.duban.platform.eventstore.RecordedAt;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** Read model {@code schemes}: each scheme with all its versions and their dates. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class SchemesProjection {
    public static final String COLLECTION = "schemes";
    private final MongoCollection<Document> schemes;

    public SchemesProjection(MongoDatabase db) {
        this.schemes = db.getCollection(COLLECTION);
    }

    public static Optional<SchemeView> find(MongoCollection<Document> schemes, String id) {
        return stored(schemes, id).map(d -> ReadModelJson.fromDocument(d, SchemeView.class));
    }

    /** The scheme's document as stored, not decoded. */
    static Optional<Document> stored(MongoCollection<Document> schemes, String id) {
        return Optional.ofNullable(schemes.find(Filters.eq("_id", id)).first());
    }

    @EventHandler
    void on(SchemeDrafted event, @RecordedAt Instant at) {
        save(SchemeView.drafted(find(schemes, event.schemeId()), event.schemeId(), event.version(), event.document(), at));
    }

    @EventHandler
    void on(SchemePublished event, @RecordedAt Instant at) {
        SchemeView view = find(schemes, event.schemeId()).orElseThrow(() ->
                new IllegalStateException("SchemePublished before SchemeDrafted for " + event.schemeId()));
        save(view.published(event.version(), at));
    }

    @EventHandler
    void on(cn.duban.kernel.scheme.SchemeReportingClosed event, @RecordedAt Instant at) {
        SchemeView view = find(schemes, event.schemeId()).orElseThrow(() ->
                new IllegalStateException("SchemeReportingClosed before SchemeDrafted for " + event.schemeId()));
        save(view.reportingClosed(at));
    }

    private void save(SchemeView view) {
        Document doc = ReadModelJson.toDocument(view);
        doc.put("_id", view.id());
        schemes.replaceOne(Filters.eq("_id", view.id()), doc, new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        schemes.drop();
    }
}
