package cn.duban.query.projection;

import cn.duban.kernel.event.FindingRecorded;
import cn.duban.kernel.event.InspectionRoundClosed;
import cn.duban.kernel.event.InspectionRoundOpened;
import cn.duban.kernel.event.InspectionRoundPublished;
import cn.duban.kernel.event.InspectionScoreSet;
import cn.duban.kernel.inspection.RoundKind;
import cn.duban.query.readmodel.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Read model {@code rounds}: each inspection round, its frozen baseline position, findings and inspection scores. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class RoundsProjection {
    public static final String COLLECTION = "rounds";

    public static final class RoundView {
        public String id;
        public String schemeId;
        public RoundKind kind;
        public String title;
        public Instant cutoff;
        public long baselinePosition;
        public String status;
        public Instant openedAt;
        public Instant closedAt;
        public Instant publishedAt;
        public List<Finding> findings = new ArrayList<>();
        public List<ScoreChange> scores = new ArrayList<>();
        public List<String> eventIds = new ArrayList<>();
    }

    public record Finding(String findingId, String unitId, String itemCode, String text, String severity, List<String> evidence,
                          String actor, Instant at) {
    }

    public record ScoreChange(String unitId, BigDecimal score, String reason, String actor, Instant at) {
    }

    private final MongoCollection<Document> rounds;

    public RoundsProjection(MongoDatabase db) {
        this.rounds = db.getCollection(COLLECTION);
    }

    public static RoundView find(MongoCollection<Document> rounds, String id) {
        Document d = rounds.find(Filters.eq("_id", id)).first();
        return d == null ? null : ReadModelJson.fromDocument(d, RoundView.class);
    }

    @EventHandler
    void on(InspectionRoundOpened e, EventMessage<?> m) {
        if (find(rounds, e.roundId()) != null) {
            return;
        }
        RoundView v = new RoundView();
        v.id = e.roundId();
        v.schemeId = e.schemeId();
        v.kind = e.kind();
        v.title = e.title();
        v.cutoff = e.cutoff();
        v.baselinePosition = e.baselinePosition();
        v.status = "OPEN";
        v.openedAt = m.getTimestamp();
        v.eventIds.add(m.getIdentifier());
        save(v);
    }

    @EventHandler
    void on(FindingRecorded e, EventMessage<?> m) {
        update(e.roundId(), m, v -> v.findings.add(new Finding(e.findingId(), e.unitId(), e.itemCode(), e.text(), e.severity().name(),
                e.evidence(), actor(m), m.getTimestamp())));
    }

    @EventHandler
    void on(InspectionScoreSet e, EventMessage<?> m) {
        update(e.roundId(), m, v -> v.scores.add(new ScoreChange(e.unitId(), e.score(), e.reason(), actor(m), m.getTimestamp())));
    }

    @EventHandler
    void on(InspectionRoundClosed e, EventMessage<?> m) {
        update(e.roundId(), m, v -> {
            v.status = "CLOSED";
            v.closedAt = m.getTimestamp();
        });
    }

    @EventHandler
    void on(InspectionRoundPublished e, EventMessage<?> m) {
        update(e.roundId(), m, v -> {
            v.status = "PUBLISHED";
            v.publishedAt = m.getTimestamp();
        });
    }

    private static String actor(EventMessage<?> m) {
        Object a = m.getMetaData().get(cn.duban.platform.axon.Audit.ACTOR);
        return a == null ? null : a.toString();
    }

    private void update(String id, EventMessage<?> m, Consumer<RoundView> change) {
        RoundView v = find(rounds, id);
        if (v == null) {
            throw new IllegalStateException("Event for unknown round " + id);
        }
        if (v.eventIds.contains(m.getIdentifier())) {
            return;
        }
        change.accept(v);
        v.eventIds.add(m.getIdentifier());
        save(v);
    }

    private void save(RoundView v) {
        Document d = ReadModelJson.toDocument(v);
        d.put("_id", v.id);
        rounds.replaceOne(Filters.eq("_id", v.id), d, new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        rounds.drop();
    }
}
