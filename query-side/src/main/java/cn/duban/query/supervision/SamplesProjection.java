package cn.duban.query.supervision;

import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.kernel.supervision.SampledRecordChecked;
import cn.duban.kernel.supervision.SampledRecordConfirmed;
import cn.duban.kernel.supervision.SampledRecordDisqualified;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.query.common.Documents;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code samples}: each 抽查 with its population, seed, drawn records and their check and recheck. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class SamplesProjection {
    public static final String COLLECTION = "samples";

    public static final class SampleView {
        public String id;
        public String unitId;
        public SampleKind kind;
        public LocalDate from;
        public LocalDate to;
        public int size;
        public long seed;
        public List<String> population = new ArrayList<>();
        public String drawnBy;
        public Instant drawnAt;
        public String drawEventId;
        public List<SampledRecord> records = new ArrayList<>();
        public List<String> eventIds = new ArrayList<>();

        SampledRecord record(String recordId) {
            return records.stream().filter(r -> r.recordId.equals(recordId)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Record " + recordId + " is not in sample " + id));
        }
    }

    /** {@code status}: DRAWN, CHECKED, then VERIFIED or FLAGGED once rechecked. */
    public static final class SampledRecord {
        public String recordId;
        public String status = "DRAWN";
        public SampleVerdict check;
        public SampleVerdict recheck;
        /** The event that took a flagged record out of the scores. */
        public String disqualificationEventId;
    }

    public record SampleVerdict(String verdict, String note, String by, Instant at, String eventId) {
    }

    private final Documents<SampleView> samples;

    public SamplesProjection(MongoDatabase db) {
        this.samples = documents(db);
    }

    public static Documents<SampleView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), SampleView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(SampleDrawn e, EventMessage<?> m) {
        SampleView v = new SampleView();
        v.id = e.sampleId();
        v.unitId = e.unitId();
        v.kind = e.kind();
        v.from = e.from();
        v.to = e.to();
        v.size = e.size();
        v.seed = e.seed();
        v.population = new ArrayList<>(e.population());
        v.drawnBy = e.drawnBy();
        v.drawnAt = RecordingTime.of(m);
        v.drawEventId = m.getIdentifier();
        for (String id : e.drawn()) {
            SampledRecord r = new SampledRecord();
            r.recordId = id;
            v.records.add(r);
        }
        samples.create(m.getIdentifier(), v);
    }

    @EventHandler
    void on(SampledRecordChecked e, EventMessage<?> m) {
        samples.update(e.sampleId(), m.getIdentifier(), v -> {
            SampledRecord r = v.record(e.recordId());
            r.check = new SampleVerdict(e.verdict().name(), e.note(), e.checkedBy(), RecordingTime.of(m), m.getIdentifier());
            r.status = "CHECKED";
        });
    }

    @EventHandler
    void on(SampledRecordConfirmed e, EventMessage<?> m) {
        samples.update(e.sampleId(), m.getIdentifier(), v -> {
            SampledRecord r = v.record(e.recordId());
            r.recheck = new SampleVerdict("VERIFIED", e.note(), e.recheckedBy(), RecordingTime.of(m), m.getIdentifier());
            r.status = "VERIFIED";
        });
    }

    @EventHandler
    void on(SampledRecordDisqualified e, EventMessage<?> m) {
        samples.update(e.sampleId(), m.getIdentifier(), v -> {
            SampledRecord r = v.record(e.recordId());
            r.recheck = new SampleVerdict("FLAGGED", e.reason(), e.recheckedBy(), RecordingTime.of(m), m.getIdentifier());
            r.status = "FLAGGED";
            r.disqualificationEventId = m.getIdentifier();
        });
    }

    @ResetHandler
    void reset() {
        samples.drop();
    }
}
