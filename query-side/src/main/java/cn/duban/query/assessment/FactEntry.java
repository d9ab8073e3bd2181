package cn.duban.query.assessment;

import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One line of a unit's fact log: the scoring fact of an event plus who recorded it and where it
 * stands in the event store. Flat, so an auditor reads it in any MongoDB client.
 */
public record FactEntry(String eventId, long position, Instant recordedAt, String eventType, String actor,
                        String factType, FactKind kind, String level, LocalDate on, Map<String, BigDecimal> quantities,
                        String subjectId, String indicator, Integer year, BigDecimal value, String schemeId,
                        String itemCode, BigDecimal points, String reason, SampleKind recordKind) {

    public static FactEntry of(Fact fact, long position, String eventType, String actor) {
        if (fact instanceof Fact.Occurrence o) {
            return new FactEntry(o.eventId(), position, o.recordedAt(), eventType, actor, "OCCURRENCE", o.kind(), o.level(),
                    o.on(), o.quantities().isEmpty() ? null : o.quantities(), o.subjectId(), null, null, null, null, null, null, null, null);
        }
        if (fact instanceof Fact.IndicatorValue v) {
            return new FactEntry(v.eventId(), position, v.recordedAt(), eventType, actor, "INDICATOR", null, null, null, null,
                    null, v.indicator(), v.year(), v.value(), null, null, null, null, null);
        }
        if (fact instanceof Fact.Adjustment a) {
            return new FactEntry(a.eventId(), position, a.recordedAt(), eventType, actor, "ADJUSTMENT", null, null, null, null,
                    null, null, null, null, a.schemeId(), a.itemCode(), a.points(), a.reason(), null);
        }
        if (fact instanceof Fact.Appeal a) {
            return new FactEntry(a.eventId(), position, a.recordedAt(), eventType, actor, "APPEAL", null, a.status(), null, null,
                    a.appealId(), null, null, null, a.schemeId(), a.itemCode(), a.points(), a.text(), null);
        }
        if (fact instanceof Fact.SelfAssessment s) {
            return new FactEntry(s.eventId(), position, s.recordedAt(), eventType, actor, "SELF_ASSESSMENT", null, null, null, null,
                    null, null, null, null, s.schemeId(), s.itemCode(), s.score(), s.note(), null);
        }
        if (fact instanceof Fact.Disqualification d) {
            // A withdrawal is a fact type of its own in the log, so a log written before withdrawals existed reads unchanged.
            return new FactEntry(d.eventId(), position, d.recordedAt(), eventType, actor,
                    d.cause() == Fact.Disqualification.Cause.WITHDRAWAL ? "WITHDRAWAL" : "DISQUALIFICATION", null, null, null, null,
                    d.recordId(), null, null, null, null, null, null, d.reason(), d.recordKind());
        }
        if (fact instanceof Fact.Retirement r) {
            return new FactEntry(r.eventId(), position, r.recordedAt(), eventType, actor, "RETIREMENT", null, null, r.on(), null,
                    null, null, null, null, null, null, null, r.reason(), null);
        }
        Fact.Failure f = (Fact.Failure) fact;
        return new FactEntry(f.eventId(), position, f.recordedAt(), eventType, actor, "FAILURE", null, null, f.on(), null,
                null, null, null, null, f.schemeId(), f.itemCode(), null, f.reason(), null);
    }

    /**
     * The stored document, field by field, exactly as {@code ReadModelJson.toDocument} writes it
     * (nulls left out, decimals and instants as text): every
     * fact of a rebuild is written this way, and Jackson's general path was 6 % of the projections'
     * thread (issue 14). {@code FactEntryDocumentTest} checks it against Jackson's for every kind of fact.
     */
    public org.bson.Document toDocument() {
        org.bson.Document d = new org.bson.Document();
        put(d, "eventId", eventId);
        d.put("position", position);
        putText(d, "recordedAt", recordedAt);
        put(d, "eventType", eventType);
        put(d, "actor", actor);
        put(d, "factType", factType);
        put(d, "kind", kind == null ? null : kind.name());
        put(d, "level", level);
        putText(d, "on", on);
        if (quantities != null) {
            org.bson.Document q = new org.bson.Document();
            quantities.forEach((k, v) -> q.put(k, v == null ? null : v.toString()));
            d.put("quantities", q);
        }
        put(d, "subjectId", subjectId);
        put(d, "indicator", indicator);
        put(d, "year", year);
        putText(d, "value", value);
        put(d, "schemeId", schemeId);
        put(d, "itemCode", itemCode);
        putText(d, "points", points);
        put(d, "reason", reason);
        put(d, "recordKind", recordKind == null ? null : recordKind.name());
        return d;
    }

    /** A field as {@code ReadModelJson} writes it: left out when null. */
    static void put(org.bson.Document d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    /** A decimal, instant or date as {@code ReadModelJson} writes it: its text, left out when null. */
    static void putText(org.bson.Document d, String key, Object value) {
        put(d, key, value == null ? null : value.toString());
    }

    /**
     * Read from its stored document field by field, as {@code ReadModelJson} wrote it (decimals and
     * instants as text): a unit's whole log is read this way when a projection or a reader meets it
     * first after a start, and Jackson's general path took most of that time (issue 14).
     * {@code FactEntryDocumentTest} checks it against Jackson's reading for every kind of fact.
     */
    public static FactEntry fromDocument(org.bson.Document d) {
        Map<String, BigDecimal> quantities = null;
        Object q = d.get("quantities");
        if (q instanceof Map<?, ?> stored) {
            quantities = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : stored.entrySet()) {
                quantities.put((String) e.getKey(), decimal(e.getValue()));
            }
        }
        String kind = d.getString("kind");
        String on = d.getString("on");
        String recordKind = d.getString("recordKind");
        Object year = d.get("year");
        return new FactEntry(d.getString("eventId"), ((Number) d.get("position")).longValue(), instantOf(d.get("recordedAt")),
                d.getString("eventType"), d.getString("actor"), d.getString("factType"), kind == null ? null : FactKind.valueOf(kind),
                d.getString("level"), on == null ? null : LocalDate.parse(on), quantities, d.getString("subjectId"), d.getString("indicator"),
                year == null ? null : ((Number) year).intValue(), decimal(d.get("value")), d.getString("schemeId"), d.getString("itemCode"),
                decimal(d.get("points")), d.getString("reason"), recordKind == null ? null : SampleKind.valueOf(recordKind));
    }

    /** An instant as a read-model document stores it: text, as {@code ReadModelJson} writes instants, or a BSON date. */
    static Instant instantOf(Object stored) {
        return stored instanceof java.util.Date date ? date.toInstant() : Instant.parse((String) stored);
    }

    private static BigDecimal decimal(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof String text) {
            return new BigDecimal(text);
        }
        if (stored instanceof org.bson.types.Decimal128 d) {
            return d.bigDecimalValue();
        }
        return new BigDecimal(stored.toString());
    }

    /** Whether this entry is a {@link Fact.Disqualification}: a record found untrue, or withdrawn. */
    public boolean takesARecordOut() {
        return "DISQUALIFICATION".equals(factType) || "WITHDRAWAL".equals(factType);
    }

    public Fact toFact() {
        return switch (factType) {
            case "OCCURRENCE" -> new Fact.Occurrence(eventId, recordedAt, kind, level, on, quantities, subjectId);
            case "INDICATOR" -> new Fact.IndicatorValue(eventId, recordedAt, indicator, year, value);
            case "ADJUSTMENT" -> new Fact.Adjustment(eventId, recordedAt, schemeId, itemCode, points, reason);
            case "FAILURE" -> new Fact.Failure(eventId, recordedAt, schemeId, itemCode, reason, on);
            case "SELF_ASSESSMENT" -> new Fact.SelfAssessment(eventId, recordedAt, schemeId, itemCode, points, reason);
            case "APPEAL" -> new Fact.Appeal(eventId, recordedAt, subjectId, schemeId, itemCode, level, points, reason);
            case "DISQUALIFICATION" -> new Fact.Disqualification(eventId, recordedAt, recordKind, subjectId, reason);
            case "WITHDRAWAL" -> new Fact.Disqualification(eventId, recordedAt, recordKind, subjectId, reason,
                    Fact.Disqualification.Cause.WITHDRAWAL);
            case "RETIREMENT" -> new Fact.Retirement(eventId, recordedAt, on, reason);
            default -> throw new IllegalStateException("Unknown fact type " + factType);
        };
    }
}
