package cn.duban.query.reporting;

import cn.duban.kernel.FormerEventNames;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.platform.json.Json;
import cn.duban.query.common.Documents;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A campaign recorded before its record listed its steps (stop 50) has its totals but no steps: the
 * workbench lists none and offers no 撤回 for them, and a step withdrawn since through the API was not
 * taken out of the totals, having no listed step to be taken from. Once, as the application starts
 * and before the processors do, each campaign whose listed steps do not account for its totals has
 * its steps and totals made again from the steps' events it has already taken in (their ids are kept
 * with the record), by the projection's own code, as a replay lists them; its files and the rest of
 * it stay as they are. Events it has not taken in yet are the processor's, later, as for any record.
 * Several query-side processes starting at once may each list the same campaigns, to the same
 * result; one whose processor already runs could write a record another is still listing (untested:
 * the distributed form is tested with one query side started apart).
 */
@Component
public class EarlierCampaignSteps {
    private static final Logger log = LoggerFactory.getLogger(EarlierCampaignSteps.class);
    /** Marks of one-time upgrades of the read models, each a document by name. */
    static final String UPGRADES = "read_model_upgrades";
    static final String MARK = "campaign-steps";

    @Autowired
    EarlierCampaignSteps(MongoDatabase db, SequencedMongoEventStorageEngine engine, ReportedRecordsProjection projection) {
        // The projection (a parameter only so that it is made first) writes the mark at a reset.
        int listed = listOnce(db, id -> engine.eventById(id).map(EarlierCampaignSteps::message));
        if (listed > 0) {
            log.info("已补全 {} 项专项整治的整治进展 / listed the steps of {} campaigns recorded before their steps were listed", listed, listed);
        }
    }

    /**
     * Unless marked done, lists again the steps of each campaign whose steps do not account for its
     * totals, from the events its record has taken in ({@code eventById}), then marks it done.
     * Answers how many campaigns were listed again.
     */
    static int listOnce(MongoDatabase db, Function<String, Optional<EventMessage<?>>> eventById) {
        MongoCollection<Document> upgrades = db.getCollection(UPGRADES);
        if (upgrades.find(Filters.eq("_id", MARK)).first() != null) {
            return 0;
        }
        Documents<RecordView> records = ReportedRecordsProjection.documents(db);
        int listed = 0;
        for (RecordView v : records.where(Filters.eq("kind", "CAMPAIGN"))) {
            if (stepsAccountForTotals(v)) {
                continue;
            }
            v.steps = new ArrayList<>();
            v.totals = new LinkedHashMap<>();
            // The record's event ids are in the order it took them in, which is the store's.
            for (String id : v.eventIds) {
                Optional<EventMessage<?>> m = eventById.apply(id);
                if (m.isEmpty()) {
                    throw new IllegalStateException("Campaign " + v.id + " took in event " + id + ", which the store does not have");
                }
                if (m.get().getPayload() instanceof CampaignProgressRecorded e) {
                    ReportedRecordsProjection.listStep(v, e, m.get());
                } else if (m.get().getPayload() instanceof CampaignProgressWithdrawn e) {
                    ReportedRecordsProjection.withdrawStep(v, e, m.get());
                }
            }
            records.save(v);
            listed++;
        }
        listed(upgrades);
        return listed;
    }

    /** Marks the listing done: after it, or when a replay lists every step from its event. */
    static void listed(MongoCollection<Document> upgrades) {
        upgrades.replaceOne(Filters.eq("_id", MARK), new Document("_id", MARK), new ReplaceOptions().upsert(true));
    }

    /** Whether the listed steps, less those withdrawn, add up to the campaign's totals, measure by measure. */
    static boolean stepsAccountForTotals(RecordView v) {
        Map<String, BigDecimal> fromSteps = new HashMap<>();
        for (var step : v.steps) {
            fromSteps.merge(step.measure, step.withdrawnAt == null ? step.quantity : BigDecimal.ZERO, BigDecimal::add);
        }
        for (var measure : v.totals.keySet()) {
            fromSteps.putIfAbsent(measure, BigDecimal.ZERO);
        }
        return fromSteps.entrySet().stream()
                .allMatch(t -> t.getValue().compareTo(v.totals.getOrDefault(t.getKey(), BigDecimal.ZERO)) == 0);
    }

    private static final Set<String> STEP_RECORDED = FormerEventNames.storedNamesOf(CampaignProgressRecorded.class);
    private static final Set<String> STEP_WITHDRAWN = FormerEventNames.storedNamesOf(CampaignProgressWithdrawn.class);

    /**
     * A stored event as the processor hands it on: its id, its metadata and recording time, and, for
     * a step's events, its payload as its class now reads it (any other's as stored: it is skipped).
     */
    static EventMessage<?> message(StoredEvent e) {
        Object payload = STEP_RECORDED.contains(e.payloadType()) ? Json.mapper().convertValue(e.payload(), CampaignProgressRecorded.class)
                : STEP_WITHDRAWN.contains(e.payloadType()) ? Json.mapper().convertValue(e.payload(), CampaignProgressWithdrawn.class)
                : e.payload();
        return new GenericEventMessage<>(e.eventId(), payload, MetaData.from(e.metaDataWithRecordingTime()), e.timestamp());
    }
}
