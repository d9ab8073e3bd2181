package cn.duban.query.supervision;

import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.supervision.VetoRecorded;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code vetoes}: 一票否决 per unit and scheme. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class VetoesProjection {
    public static final String COLLECTION = "vetoes";

    public record VetoView(String id, String unitId, String schemeId, String reason, Instant at) {
    }

    private final MongoCollection<Document> vetoes;

    public VetoesProjection(MongoDatabase db) {
        this.vetoes = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(VetoRecorded e, EventMessage<?> m) {
        Document d = ReadModelJson.toDocument(new VetoView(e.vetoId(), e.unitId(), e.schemeId(), e.reason(), RecordingTime.of(m)));
        d.put("_id", e.vetoId());
        vetoes.replaceOne(Filters.eq("_id", e.vetoId()), d, new ReplaceOptions().upsert(true));
    }

    public static List<VetoView> of(MongoCollection<Document> vetoes, String schemeId) {
        List<VetoView> out = new ArrayList<>();
        vetoes.find(Filters.eq("schemeId", schemeId)).forEach(d -> out.add(ReadModelJson.fromDocument(d, VetoView.class)));
        return out;
    }

    @ResetHandler
    void reset() {
        vetoes.drop();
    }
}
