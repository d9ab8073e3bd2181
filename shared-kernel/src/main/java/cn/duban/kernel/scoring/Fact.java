package cn.duban.kernel.scoring;

import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.scheme.FactKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the scoring engine knows of one recorded event of a unit. {@code recordedAt} is when the
 * platform learnt it (the event's timestamp); effective dates say when it happened.
 */
public sealed interface Fact {
    String eventId();

    Instant recordedAt();

    /**
     * Something the unit did: a training held, a report submitted or accepted, a campaign step,
     * an achievement. {@code quantities} holds measured amounts (attendees, hours, a campaign
     * measure); {@code subjectId} is the training/report/campaign the event is about.
     */
    record Occurrence(String eventId, Instant recordedAt, FactKind kind, String level, LocalDate on,
                      Map<String, BigDecimal> quantities, String subjectId) implements Fact {
        public Occurrence {
            quantities = quantities == null ? Map.of() : Map.copyOf(quantities);
        }
    }

    /** A reported indicator figure in percent; the latest recorded one for a year counts. */
    record IndicatorValue(String eventId, Instant recordedAt, String indicator, int year, BigDecimal value)
            implements Fact {
    }

    /** An assessor's deduction (negative) or bonus (positive) on one item, with its reason. */
    record Adjustment(String eventId, Instant recordedAt, String schemeId, String itemCode, BigDecimal points,
                      String reason) implements Fact {
    }

    /** The unit's own score for one item; the latest recorded one is shown, it never scores. */
    record SelfAssessment(String eventId, Instant recordedAt, String schemeId, String itemCode, BigDecimal score,
                          String note) implements Fact {
    }

    /** An appeal on one item and where it stands; an upheld one corrects the item by {@code points}. */
    record Appeal(String eventId, Instant recordedAt, String appealId, String schemeId, String itemCode, String status,
                  BigDecimal points, String text) implements Fact {
    }

    /** One failure recorded by the assessor against a {@code PER_FAILURE} item. */
    record Failure(String eventId, Instant recordedAt, String schemeId, String itemCode, String reason,
                   LocalDate on) implements Fact {
    }

    /** The unit was retired on {@code on} (撤并): schemes of later years no longer assess it. */
    record Retirement(String eventId, Instant recordedAt, LocalDate on, String reason) implements Fact {
    }

    /**
     * A record that stops counting from this fact on, whichever scheme reads it: a sampled record
     * found untrue on recheck (抽查不实), or one its unit or the lead office withdrew as entered in
     * error (撤回). {@code recordId} identifies it as {@link SampleKind} says.
     */
    record Disqualification(String eventId, Instant recordedAt, SampleKind recordKind, String recordId,
                            String reason, Cause cause) implements Fact {
        /** Why the record stopped counting. Stored before withdrawals existed, a fact has none: it was a sampling's. */
        public enum Cause {
            /** 复核不实: it is also a fact of its own for the rules that count flagged samples. */
            SAMPLING,
            /** 撤回: taken back by who recorded it; nothing else follows from it. */
            WITHDRAWAL
        }

        public Disqualification {
            cause = cause == null ? Cause.SAMPLING : cause;
        }

        /** A sampled record found untrue. */
        public Disqualification(String eventId, Instant recordedAt, SampleKind recordKind, String recordId, String reason) {
            this(eventId, recordedAt, recordKind, recordId, reason, Cause.SAMPLING);
        }
    }
}
