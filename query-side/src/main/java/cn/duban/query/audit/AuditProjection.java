package cn.duban.query.audit;

import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.platform.axon.Audit;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.common.WriteBehind;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Read model {@code audit_trail}: per actor, every event they caused, when, in which role and from where. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class AuditProjection implements WriteBehind {
    public static final String COLLECTION = "audit_trail";

    public record AuditEntry(String eventId, long position, Instant at, String type, String aggregateId, String actor, String role,
                             String clientAddress) {
    }

    private final ChunkedLog trail;

    public AuditProjection(MongoDatabase db) {
        this.trail = new ChunkedLog(db, COLLECTION);
    }

    public static String key(String actor) {
        return "actor:" + actor;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> m, TrackingToken t) {
        Object actor = m.getMetaData().get(Audit.ACTOR);
        String who = actor == null ? "unknown" : actor.toString();
        Object role = m.getMetaData().get(Audit.ROLE);
        Object from = m.getMetaData().get(Audit.CLIENT_ADDRESS);
        String aggregate = m instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        long position = Positions.of(t);
        trail.append(key(who), position, m.getIdentifier(), ReadModelJson.toDocument(new AuditEntry(m.getIdentifier(), position,
                RecordingTime.of(m), m.getPayloadType().getSimpleName(), aggregate, who, role == null ? null : role.toString(),
                from == null ? null : from.toString())));
    }

    public static List<AuditEntry> of(ChunkedLog trail, String actor) {
        return trail.read(key(actor)).stream().map(d -> ReadModelJson.fromDocument(d, AuditEntry.class)).toList();
    }

    @Override
    public void flush() {
        trail.flush();
    }

    @Override
    public void discard() {
        trail.discard();
    }

    @ResetHandler
    void reset() {
        trail.reset();
    }
}
