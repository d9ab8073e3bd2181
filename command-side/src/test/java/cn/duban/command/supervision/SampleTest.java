package cn.duban.command.supervision;

import cn.duban.command.common.AggregateFixtures;
import cn.duban.kernel.supervision.CheckSampledRecord;
import cn.duban.kernel.supervision.DrawSample;
import cn.duban.kernel.supervision.RecheckSampledRecord;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.kernel.supervision.SampledRecordChecked;
import cn.duban.kernel.supervision.SampledRecordConfirmed;
import cn.duban.kernel.supervision.SampledRecordDisqualified;
import cn.duban.kernel.supervision.SampleDraw;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.Verdict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleTest {
    static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate TO = LocalDate.of(2023, 6, 30);
    static final List<String> TRAININGS = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7");
    static final Map<String, String> LI = Map.of("actor", "li.supervisor");
    static final Map<String, String> WANG = Map.of("actor", "wang.supervisor");
    static final List<String> DRAWN = SampleDraw.draw(TRAININGS, 3, 99L);
    static final SampleDrawn DRAWN_EVENT = new SampleDrawn("s1", "xinqi", SampleKind.TRAINING, FROM, TO, 3, 99L, TRAININGS, DRAWN, "li.supervisor");

    FixtureConfiguration<Sample> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sample.class);
        fixture.registerInjectableResource(AggregateFixtures.REFERENCES);
        fixture.registerInjectableResource((SamplingFrame) (unit, kind, from, to) ->
                kind == SampleKind.TRAINING && from.equals(FROM) ? TRAININGS : List.of());
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2023-07-10T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aDrawRecordsItsPopulationSeedAndTheRecordsTheSeedPicks() {
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.TRAINING, FROM, TO, 3, 99L), LI)
                .expectEvents(DRAWN_EVENT);
    }

    @Test
    void withoutASeedOneIsGeneratedAndRecordedSoTheDrawCanBeRedone() {
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.TRAINING, FROM, TO, 3, null), LI)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches((SampleDrawn e) ->
                                        e.drawn().equals(SampleDraw.draw(e.population(), 3, e.seed())) && e.drawn().size() == 3),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void refusedWithNothingStored() {
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.TRAINING, FROM, TO, 3, 1L))
                .expectException(InvalidInputException.class).expectNoEvents(); // no named supervisor
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.TRAINING, TO, FROM, 3, 1L), LI)
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.TRAINING, FROM, TO, 0, 1L), LI)
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new DrawSample("s1", "xinqi", SampleKind.INFO_REPORT, FROM, TO, 3, 1L), LI)
                .expectException(ConflictException.class).expectNoEvents(); // nothing to sample
    }

    @Test
    void checkThenRecheckByAnotherSupervisorFlagsTheRecord() {
        String record = DRAWN.get(0);
        fixture.given(DRAWN_EVENT).when(new CheckSampledRecord("s1", record, Verdict.FLAGGED, " 签到表系补签 "), LI)
                .expectEvents(new SampledRecordChecked("s1", "xinqi", record, Verdict.FLAGGED, "签到表系补签", "li.supervisor"));
        fixture.given(DRAWN_EVENT, new SampledRecordChecked("s1", "xinqi", record, Verdict.FLAGGED, "签到表系补签", "li.supervisor"))
                .when(new RecheckSampledRecord("s1", record, Verdict.FLAGGED, "签到表系补签，照片为往年"), WANG)
                .expectEvents(new SampledRecordDisqualified("s1", "xinqi", SampleKind.TRAINING, record, Verdict.FLAGGED,
                        "签到表系补签，照片为往年", "li.supervisor", "wang.supervisor"));
    }

    @Test
    void theSamePersonCannotRecheckTheirOwnCheck() {
        String record = DRAWN.get(1);
        fixture.given(DRAWN_EVENT, new SampledRecordChecked("s1", "xinqi", record, Verdict.VERIFIED, null, "li.supervisor"))
                .when(new RecheckSampledRecord("s1", record, Verdict.VERIFIED, null), LI)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aRecheckThatOverturnsTheCheckNeedsItsReasonAndIsFinal() {
        String record = DRAWN.get(1);
        SampledRecordChecked checked = new SampledRecordChecked("s1", "xinqi", record, Verdict.FLAGGED, "无签到表", "li.supervisor");
        fixture.given(DRAWN_EVENT, checked).when(new RecheckSampledRecord("s1", record, Verdict.VERIFIED, null), WANG)
                .expectException(InvalidInputException.class).expectNoEvents();
        SampledRecordConfirmed confirmed = new SampledRecordConfirmed("s1", "xinqi", record, Verdict.FLAGGED, "签到表在档案室找到", "li.supervisor", "wang.supervisor");
        fixture.given(DRAWN_EVENT, checked).when(new RecheckSampledRecord("s1", record, Verdict.VERIFIED, "签到表在档案室找到"), WANG)
                .expectEvents(confirmed);
        fixture.given(DRAWN_EVENT, checked, confirmed).when(new RecheckSampledRecord("s1", record, Verdict.FLAGGED, "再议"), Map.of("actor", "zhao"))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void onlyDrawnRecordsAreChecked_onlyOnce_andRecheckedOnlyAfterACheck() {
        String notDrawn = TRAININGS.stream().filter(t -> !DRAWN.contains(t)).findFirst().orElseThrow();
        assertThat(notDrawn).isNotNull();
        fixture.given(DRAWN_EVENT).when(new CheckSampledRecord("s1", notDrawn, Verdict.VERIFIED, null), LI)
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(DRAWN_EVENT).when(new CheckSampledRecord("s1", DRAWN.get(0), Verdict.FLAGGED, " "), LI)
                .expectException(InvalidInputException.class).expectNoEvents(); // a flag needs its reason
        fixture.given(DRAWN_EVENT).when(new RecheckSampledRecord("s1", DRAWN.get(0), Verdict.VERIFIED, null), WANG)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(DRAWN_EVENT, new SampledRecordChecked("s1", "xinqi", DRAWN.get(0), Verdict.VERIFIED, null, "li.supervisor"))
                .when(new CheckSampledRecord("s1", DRAWN.get(0), Verdict.VERIFIED, null), WANG)
                .expectException(ConflictException.class).expectNoEvents();
    }
}
