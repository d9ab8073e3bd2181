package cn.duban.query.unit;

import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import cn.duban.platform.eventstore.RecordedAt;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Read model {@code units}: the registered units (GET /api/units). */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class UnitsProjection {
    public static final String COLLECTION = "units";

    /** A unit as the API shows it. */
    public record UnitView(String id, String name, cn.duban.kernel.unit.UnitType type, Instant registeredAt, long position,
                           java.time.LocalDate retiredOn, String retirementReason) {
        public UnitView(String id, String name, cn.duban.kernel.unit.UnitType type, Instant registeredAt, long position) {
            this(id, name, type, registeredAt, position, null, null);
        }
    }

    private final MongoCollection<Document> units;

    public UnitsProjection(MongoDatabase db) {
        this.units = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(UnitRegistered event, @RecordedAt Instant at, TrackingToken token) {
        Document doc = ReadModelJson.toDocument(new UnitView(event.unitId(), event.name(), event.type(), at, Positions.of(token)));
        doc.put("_id", event.unitId());
        // Replacing by id makes a redelivered event change nothing.
        units.replaceOne(Filters.eq("_id", event.unitId()), doc, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(cn.duban.kernel.unit.UnitRetired event) {
        units.updateOne(Filters.eq("_id", event.unitId()), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("retiredOn", event.on().toString()),
                com.mongodb.client.model.Updates.set("retirementReason", event.reason())));
    }

    @ResetHandler
    void reset() {
        units.drop();
    }
}
