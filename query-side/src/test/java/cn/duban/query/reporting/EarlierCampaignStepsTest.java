package cn.duban.query.reporting;

import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose campaigns were recorded before their records listed their steps (stop 50) has them
 * listed once, as a replay lists them, from the events each record took in; a campaign whose steps
 * are listed already is left as it is, and neither a second start nor a replayed store lists again.
 */
class EarlierCampaignStepsTest extends ProjectionTestBase {
    static final LocalDate ON = LocalDate.of(2023, 3, 15);
    final Map<String, EventMessage<?>> stored = new HashMap<>();

    static CampaignProgressRecorded step(String campaign, String quantity) {
        return new CampaignProgressRecorded(campaign, "xinqi", "GROUP_RENTAL", "communities_rectified", new BigDecimal(quantity), ON.plusMonths(1), List.of());
    }

    List<EventMessage<?>> given(ReportedRecordsProjection projection, Object... payloads) throws Exception {
        List<EventMessage<?>> out = new ArrayList<>(harness.given(projection, payloads));
        out.forEach(m -> stored.put(m.getIdentifier(), m));
        projection.flush();
        return out;
    }

    MongoCollection<Document> records() {
        return harness.db.getCollection(ReportedRecordsProjection.COLLECTION);
    }

    Document record(String id) {
        return records().find(Filters.eq("_id", id)).first();
    }

    /** The record as the projection wrote it before stop 50: the same totals and files, no steps, and a step withdrawn since not taken out. */
    void asBeforeStepsWereListed(String id, String total) {
        var documents = ReportedRecordsProjection.documents(harness.db);
        RecordView v = documents.find(id);
        v.steps = new ArrayList<>();
        v.totals = new LinkedHashMap<>(Map.of("communities_rectified", new BigDecimal(total)));
        documents.save(v);
    }

    int listOnce() {
        return EarlierCampaignSteps.listOnce(harness.db, id -> Optional.ofNullable(stored.get(id)));
    }

    @Test
    void aCampaignRecordedBeforeItsStepsWereListedHasThemListedAsAReplayListsThem() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        given(projection, new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON),
                new CampaignLaunched("c2", "xinqi", "GROUP_RENTAL", "车库整治", ON),
                new CampaignLaunched("c3", "xinqi", "GROUP_RENTAL", "未有进展", ON));
        String first = given(projection, step("c1", "2")).get(0).getIdentifier();
        given(projection, step("c1", "3"), step("c2", "4"));
        given(projection, new CampaignProgressWithdrawn("c1", "xinqi", first, "录重了"));
        Document replayed = record("c1");
        Document listedSince = record("c2");
        Document noSteps = record("c3");
        assertThat(replayed.getList("steps", Document.class)).hasSize(2);

        asBeforeStepsWereListed("c1", "5");
        assertThat(record("c1")).isNotEqualTo(replayed);

        assertThat(listOnce()).as("only the campaign whose steps do not make its totals").isEqualTo(1);
        assertThat(record("c1")).isEqualTo(replayed);
        assertThat(ReportedRecordsProjection.documents(harness.db).find("c1").totals.get("communities_rectified")).as("the withdrawn step taken out")
                .isEqualByComparingTo("3");
        assertThat(record("c2")).isEqualTo(listedSince);
        assertThat(record("c3")).isEqualTo(noSteps);

        asBeforeStepsWereListed("c1", "5");
        assertThat(listOnce()).as("once only").isZero();
    }

    @Test
    void aStoreReplayedListsEveryStepFromItsEventAndIsNeverListedAgain() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        projection.reset();
        given(projection, new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON), step("c1", "2"));
        asBeforeStepsWereListed("c1", "2");
        assertThat(listOnce()).isZero();
    }

    /** A step's event as the store gives it is read as the processor hands it on: payload, id, recording time and actor. */
    @Test
    void aStoredStepIsReadAsTheProcessorHandsItOn() {
        CampaignProgressRecorded step = step("c1", "2.5");
        java.time.Instant recordedAt = java.time.Instant.parse("2023-04-15T08:00:00Z");
        var stored = new cn.duban.platform.eventstore.StoredEvent(7, "event-7", "Campaign", "c1", 1L, CampaignProgressRecorded.class.getName(), null,
                new Document(cn.duban.platform.json.Json.mapper().convertValue(step, Map.class)), null,
                new Document("actor", "xinqi-staff"), null, recordedAt.minusMillis(3), recordedAt);
        EventMessage<?> m = EarlierCampaignSteps.message(stored);
        assertThat(m.getPayload()).isEqualTo(step);
        assertThat(m.getIdentifier()).isEqualTo("event-7");
        assertThat(cn.duban.platform.eventstore.RecordingTime.of(m)).isEqualTo(recordedAt);
        assertThat(cn.duban.query.common.Actors.of(m)).isEqualTo("xinqi-staff");
        var launched = new cn.duban.platform.eventstore.StoredEvent(6, "event-6", "Campaign", "c1", 0L, CampaignLaunched.class.getName(), null,
                new Document("campaignId", "c1"), null, new Document(), null, recordedAt, recordedAt);
        assertThat(EarlierCampaignSteps.message(launched).getPayload()).as("any other event, as stored").isInstanceOf(Document.class);
    }
}
