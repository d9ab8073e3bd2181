package cn.duban.query.assessment;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.platform.security.UnitReading;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** From a point of a score down to the stored event. */
@RestController
@RequestMapping("/api")
@Tag(name = "证据 Evidence")
public class EvidenceController {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private final ScoreQueries scores;
    private final SequencedMongoEventStorageEngine engine;
    private final UnitReading reading;

    public EvidenceController(ScoreQueries scores, SequencedMongoEventStorageEngine engine, UnitReading reading) {
        this.scores = scores;
        this.engine = engine;
        this.reading = reading;
    }

    @GetMapping(path = "/units/{unitId}/events/{eventId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "证据事件 / one event behind a unit's score, as stored: payload, metadata (actor, role, address), times, position",
            description = "Unit staff read their own unit's (and, in an open 互查 round, the units they inspect).")
    public ResponseEntity<String> event(@PathVariable String unitId, @PathVariable String eventId) {
        scores.unit(unitId);
        reading.requireMayRead(unitId);
        // The event by its id, then the unit's fact of it by its position: neither reads the unit's whole log.
        java.util.function.Supplier<NotFoundException> none = () -> new NotFoundException("该单位没有此事件 / no such event of unit " + unitId + ": " + eventId);
        StoredEvent event = engine.eventById(eventId).orElseThrow(none);
        FactEntry entry = scores.fact(unitId, event.position(), eventId).orElseThrow(none);
        Document out = new Document("eventId", eventId).append("position", entry.position())
                .append("aggregateId", event.aggregateId()).append("aggregateType", event.aggregateType())
                .append("sequence", event.sequence()).append("type", event.payloadType())
                .append("revision", event.payloadRevision()).append("recordedAt", event.recordedAt().toString())
                .append("timestamp", event.timestamp().toString())
                .append("payload", event.payload()).append("metaData", event.metaData());
        return ResponseEntity.ok(out.toJson(JSON));
    }
}
