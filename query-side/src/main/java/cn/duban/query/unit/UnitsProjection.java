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
import cn.duban.kernel.unit.UnitRenamed;
import cn.duban.kernel.unit.UnitRetired;
import cn.duban.kernel.unit.UnitType;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.List;

/** Read model {@code units}: the registered units (GET /api/units). */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class UnitsProjection {
    public static final String COLLECTION = "units";

    /**
     * A unit as the API shows it.
     *
     * @param formerNames the names it had before, oldest first, each with when the rename that ended it was recorded
     */
    public record UnitView(String id, String name, UnitType type, Instant registeredAt, long position,
                           LocalDate retiredOn, String retirementReason, List<FormerName> formerNames) {
        public UnitView {
            formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
        }

        public UnitView(String id, String name, UnitType type, Instant registeredAt, long position) {
            this(id, name, type, registeredAt, position, null, null, List.of());
        }

        /**
         * The unit's name as an answer about {@code at} (a recording time) names it: the name it had then,
         * so a notice published before a rename reads as it was published.
         */
        public String nameAt(Instant at) {
            for (FormerName former : formerNames) {
                if (at.isBefore(former.renamedAt())) {
                    return former.name();
                }
            }
            return name;
        }
    }

    /** A name a unit had until a rename: the rename's recording time, its position, and the day it took effect. */
    public record FormerName(String name, Instant renamedAt, long position, LocalDate on, String reason) {
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
    void on(UnitRenamed event, @RecordedAt Instant at, TrackingToken token) {
        long position = Positions.of(token);
        Document former = ReadModelJson.toDocument(new FormerName(event.previousName(), at, position, event.on(), event.reason()));
        // Guarded by its position: a redelivered rename finds itself among the former names and changes nothing.
        units.updateOne(Filters.and(Filters.eq("_id", event.unitId()), Filters.ne("formerNames.position", position)),
                Updates.combine(Updates.set("name", event.name()),
                        Updates.push("formerNames", former)));
    }

    @EventHandler
    void on(UnitRetired event) {
        units.updateOne(Filters.eq("_id", event.unitId()), Updates.combine(
                Updates.set("retiredOn", event.on().toString()),
                Updates.set("retirementReason", event.reason())));
    }

    @ResetHandler
    void reset() {
        units.drop();
    }
}
