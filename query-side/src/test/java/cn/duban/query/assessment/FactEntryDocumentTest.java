package cn.duban.query.assessment;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.common.ReadModelJson;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fact-log line read field by field is the line that was written, for every kind of fact, as Jackson reads it too. */
class FactEntryDocumentTest extends ProjectionTestBase {
    static final Instant AT = Instant.parse("2023-05-04T03:02:01.123456Z");
    static final LocalDate ON = LocalDate.of(2023, 5, 4);

    static List<Fact> everyKind() {
        return List.of(
                new Fact.Occurrence("e1", AT, FactKind.TRAINING, "BUSINESS", ON, Map.of("attendees", new BigDecimal("30"), "hours", new BigDecimal("1.5")), "t1"),
                new Fact.Occurrence("e2", AT, FactKind.INFO_ACCEPTED, null, ON, Map.of(), null),
                new Fact.IndicatorValue("e3", AT, "registration_rate", 2023, new BigDecimal("97.125")),
                new Fact.Adjustment("e4", AT, "beilun-2023", "S1.1", new BigDecimal("-0.5"), "考核组调整"),
                new Fact.Failure("e5", AT, "beilun-2023", "S2.3", "未落实", ON),
                new Fact.SelfAssessment("e6", AT, "beilun-2023", "S1.3", new BigDecimal("8"), "自评"),
                new Fact.Appeal("e7", AT, "a1", "beilun-2023", "S1.1", "UPHELD", new BigDecimal("1.00"), "申诉成立"),
                new Fact.Disqualification("e8", AT, SampleKind.TRAINING, "t1", "不实"),
                new Fact.Retirement("e9", AT, ON, "撤并"),
                new Fact.Disqualification("f1", AT, SampleKind.INFO_REPORT, "r1", "发错了", Fact.Disqualification.Cause.WITHDRAWAL));
    }

    @Test
    void readFieldByFieldAfterAStoreRoundTrip() {
        var collection = harness.db.getCollection("fact_entry_test");
        List<FactEntry> written = new ArrayList<>();
        long position = 1L << 33;
        for (Fact fact : everyKind()) {
            FactEntry entry = FactEntry.of(fact, position++, fact.getClass().getSimpleName(), "xinqi-staff");
            written.add(entry);
            collection.insertOne(ReadModelJson.toDocument(entry).append("_id", entry.eventId()));
        }
        List<Document> stored = collection.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(stored).hasSize(written.size());
        for (int i = 0; i < stored.size(); i++) {
            Document d = stored.get(i);
            FactEntry read = FactEntry.fromDocument(d);
            assertThat(read).isEqualTo(written.get(i)).isEqualTo(ReadModelJson.fromDocument(d, FactEntry.class));
            assertThat(read.toFact()).isEqualTo(everyKind().get(i));
        }
    }

    /**
     * A saved ledger (TotalsState) keeps its disqualifications as read-model JSON: each reads back with
     * its cause, and one saved before causes existed reads as a sampling's verdict.
     */
    @Test
    void aDisqualificationReadsBackWithItsCauseAndOneSavedBeforeCausesAsASamplingVerdict() {
        for (Fact.Disqualification d : List.of(new Fact.Disqualification("e8", AT, SampleKind.TRAINING, "t1", "不实"),
                new Fact.Disqualification("f1", AT, SampleKind.INFO_REPORT, "r1", "发错了", Fact.Disqualification.Cause.WITHDRAWAL))) {
            Document saved = ReadModelJson.toDocument(d);
            assertThat(saved.getString("cause")).isEqualTo(d.cause().name());
            assertThat(ReadModelJson.fromDocument(saved, Fact.Disqualification.class)).isEqualTo(d);
        }
        Document before = ReadModelJson.toDocument(new Fact.Disqualification("e8", AT, SampleKind.TRAINING, "t1", "不实"));
        before.remove("cause");
        assertThat(ReadModelJson.fromDocument(before, Fact.Disqualification.class).cause()).isEqualTo(Fact.Disqualification.Cause.SAMPLING);
    }

    @Test
    void writtenFieldByFieldAsJacksonWritesIt() {
        for (long position : new long[]{7, 1L << 33}) {
            for (Fact fact : everyKind()) {
                FactEntry entry = FactEntry.of(fact, position, fact.getClass().getSimpleName(), fact.eventId().equals("e2") ? null : "xinqi-staff");
                assertThat(entry.toDocument()).as("%s at %d", fact, position)
                        .isEqualTo(ReadModelJson.toDocument(entry))
                        .containsExactlyEntriesOf(ReadModelJson.toDocument(entry));
            }
            for (ScoreProjection.TimelinePoint point : List.of(
                    new ScoreProjection.TimelinePoint(AT, position, new BigDecimal("97.50"), new BigDecimal("96"), new BigDecimal("1E+1"), 2,
                            new ScoreProjection.EventRef("TrainingRecorded", "e1")),
                    new ScoreProjection.TimelinePoint(AT, position, new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, 1, null))) {
                assertThat(point.toDocument()).as("%s", point)
                        .isEqualTo(ReadModelJson.toDocument(point))
                        .containsExactlyEntriesOf(ReadModelJson.toDocument(point));
            }
        }
    }
}
