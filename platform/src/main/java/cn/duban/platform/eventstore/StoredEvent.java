package cn.duban.platform.eventstore;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.time.Instant;

/**
 * One stored event as an auditor or a command-side reader sees it: its own global position, the
 * payload as stored (no upcasting), and both times: {@code timestamp} is the event message's own
 * (when the aggregate applied it), {@code recordedAt} when the store accepted its commit.
 * {@code aggregateId} and {@code sequence} are null for an event that belongs to no aggregate.
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, Long sequence,
                          String payloadType, String payloadRevision, Document payload, String payloadJson,
                          Document metaData, String metaDataJson, Instant timestamp, Instant recordedAt) {
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    public boolean belongsToAggregate() {
        return aggregateId != null;
    }

    /** The payload as JSON text, whatever its shape (an object, or a bare string or number). */
    public String payloadText() {
        return payload != null ? payload.toJson(JSON) : payloadJson;
    }

    /** The metadata as stored, plus the recording time under {@link RecordingTime#METADATA_KEY}: what a processor is handed. */
    public Document metaDataWithRecordingTime() {
        Document meta = metaData != null ? new Document(metaData) : (metaDataJson == null ? new Document() : Document.parse(metaDataJson));
        meta.put(RecordingTime.METADATA_KEY, recordedAt.toString());
        return meta;
    }

    /** {@link #metaDataWithRecordingTime()} as JSON text. */
    public String metaDataTextWithRecordingTime() {
        return metaDataWithRecordingTime().toJson(JSON);
    }
}
