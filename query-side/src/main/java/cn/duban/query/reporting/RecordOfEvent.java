package cn.duban.query.reporting;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The reported record an event is about, read from the event's own payload: what a score's evidence
 * and a sample of records named by their events (整治进展, 指标数据) are shown as. A record's id is not
 * its events' ids, and no read model is keyed by those, so the event itself names its record.
 */
@Service
public class RecordOfEvent {
    /** The payload fields that name the reported record an event is about, in the order they are looked for. */
    private static final List<String> RECORD_FIELDS = List.of("trainingId", "achievementId", "campaignId", "appealId", "reportId", "recordId");

    private final SequencedMongoEventStorageEngine engine;
    private final ReportedRecords records;

    public RecordOfEvent(SequencedMongoEventStorageEngine engine, ReportedRecords records) {
        this.engine = engine;
        this.records = records;
    }

    /** The record of the event with this id, if the store has the event and the event is about a record. */
    public Optional<RecordView> ofEventId(String eventId) {
        return engine.eventById(eventId).flatMap(this::of);
    }

    public Optional<RecordView> of(StoredEvent event) {
        if (event.payload() == null) {
            return Optional.empty();
        }
        for (String field : RECORD_FIELDS) {
            if (event.payload().get(field) instanceof String id) {
                Optional<RecordView> v = records.find(id);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }
}
