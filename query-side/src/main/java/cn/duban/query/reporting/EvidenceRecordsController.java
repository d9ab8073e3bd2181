package cn.duban.query.reporting;

import cn.duban.platform.security.UnitReading;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.material.Material;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.query.assessment.FactEntry;
import cn.duban.query.assessment.ScoreQueries;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The events behind a score's reasons as a clerk or supervisor reads them: the act, when and by
 * whom, and the record it concerns (its kind, title, day and files), where the score page listed
 * "raw event 1, 2, 3". The raw event stays one link away ({@code /api/units/{unitId}/events/{eventId}}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "证据 Evidence")
public class EvidenceRecordsController {
    private final SequencedMongoEventStorageEngine engine;
    private final ScoreQueries scores;
    private final RecordOfEvent recordOf;
    private final UnitReading reading;

    public EvidenceRecordsController(SequencedMongoEventStorageEngine engine, ScoreQueries scores, RecordOfEvent recordOf,
                                     UnitReading reading) {
        this.reading = reading;
        this.engine = engine;
        this.scores = scores;
        this.recordOf = recordOf;
    }

    /**
     * One event behind a score. {@code type} is the event's type (its words in the dictionary's
     * {@code eventType}); {@code record} the reported record it concerns, or null (an adjustment, a
     * failure, a verdict's own fact); {@code reason} what the person who acted wrote, if anything;
     * {@code withdrawn} whether what it reported has been withdrawn since: its record (a whole campaign
     * with every step of it), or, for a step of a campaign's progress, that step alone.
     */
    public record Evidence(String eventId, String type, Instant recordedAt, String actor, LocalDate on, String reason, Record record,
                           boolean withdrawn) {
    }

    /** The record an evidence event concerns: its id, kind (the dictionary's {@code recordKind}), title, day and files. */
    public record Record(String id, String kind, String title, LocalDate on, List<Material> materials, String status) {
    }

    @GetMapping("/units/{unitId}/evidence")
    @Operation(summary = "证据（可读）/ the events behind a unit's score in words: the act, when, by whom, and the record with its files",
            description = "ids: 1–50 event ids from a score's evidence, each its own parameter (ids=a&ids=b; a query value holds at most "
                    + "200 characters, so at most five ids comma-separated); an id that is no fact of this unit → 404. "
                    + "Unit staff read their own unit's (and, in an open 互查 round, the units they inspect).")
    public List<Evidence> evidence(@PathVariable String unitId,
                                   @RequestParam @Size(min = 1, max = 50, message = "须为1至50个事件 / 1 to 50 event ids") List<@Size(max = 64) String> ids) {
        scores.unit(unitId);
        reading.requireMayRead(unitId);
        List<Evidence> out = new ArrayList<>();
        for (String id : ids) {
            // The event by its id, then the unit's fact of it by its position: as the raw event's answer, no log read whole.
            Supplier<NotFoundException> none = () -> new NotFoundException("该单位没有此事件 / no such event of unit " + unitId + ": " + id);
            StoredEvent event = engine.eventById(id).orElseThrow(none);
            FactEntry fact = scores.fact(unitId, event.position(), id).orElseThrow(none);
            RecordView v = recordOf.of(event).orElse(null);
            out.add(new Evidence(id, fact.eventType(), fact.recordedAt(), fact.actor(), fact.on(), fact.reason(),
                    v == null ? null : new Record(v.id, v.kind, v.title, v.on, v.materials, v.status), v != null && withdrawn(v, id)));
        }
        return out;
    }

    /** The record withdrawn, or the campaign's step this event recorded withdrawn. */
    private static boolean withdrawn(RecordView v, String eventId) {
        return "WITHDRAWN".equals(v.status) || v.steps.stream().anyMatch(step -> step.eventId.equals(eventId) && step.withdrawnAt != null);
    }
}
