package cn.duban.command.supervision;

import cn.duban.command.common.References;
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
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A random sample (抽查) of one unit's records of one kind in one period. Its id is the scope, so a
 * scope is drawn once and a second draw is refused rather than quietly re-rolled. Each drawn record
 * is checked (核查) and then rechecked (复核) by a different supervisor; the recheck is final.
 */
@Aggregate(cache = "aggregateCache")
class Sample {
    static final int MAX_SIZE = 200;
    private static final Set<String> UNNAMED = Set.of("anonymous", "system");
    private static final SecureRandom SEEDS = new SecureRandom();

    @AggregateIdentifier
    private String sampleId;
    private String unitId;
    private SampleKind kind;
    private Set<String> drawn;
    private final Map<String, SampledRecordChecked> checks = new HashMap<>();
    private final Set<String> rechecked = new java.util.HashSet<>();

    protected Sample() {
    }

    @CommandHandler
    public Sample(DrawSample c, References references, SamplingFrame frame, Clock dubanClock,
                  @MetaDataValue(Audit.ACTOR) String actor) {
        references.requireUnit(c.unitId());
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "必填 / required");
        }
        if (c.from() == null) {
            throw new InvalidInputException("from", "必填 / required");
        }
        if (c.to() == null) {
            throw new InvalidInputException("to", "必填 / required");
        }
        if (c.to().isBefore(c.from())) {
            throw new InvalidInputException("to", "结束日期不能早于开始日期 / the period ends before it starts");
        }
        if (c.from().isAfter(LocalDate.now(dubanClock.withZone(cn.duban.kernel.calendar.DistrictTime.ZONE)))) {
            throw new InvalidInputException("from", "抽查期间不能在将来 / the period cannot start in the future");
        }
        if (c.size() < 1 || c.size() > MAX_SIZE) {
            throw new InvalidInputException("size", "须在1到" + MAX_SIZE + "之间 / must be between 1 and " + MAX_SIZE);
        }
        String supervisor = named(actor);
        List<String> population = frame.records(c.unitId(), c.kind(), c.from(), c.to());
        if (population.isEmpty()) {
            throw new ConflictException("该期间没有可抽查的记录 / the unit has no records of that kind in the period");
        }
        long seed = c.seed() != null ? c.seed() : SEEDS.nextLong();
        apply(new SampleDrawn(c.sampleId(), c.unitId(), c.kind(), c.from(), c.to(), c.size(), seed, population,
                SampleDraw.draw(population, c.size(), seed), supervisor));
    }

    @CommandHandler
    void handle(CheckSampledRecord c, @MetaDataValue(Audit.ACTOR) String actor) {
        requireDrawn(c.recordId());
        String supervisor = named(actor);
        if (checks.containsKey(c.recordId())) {
            throw new ConflictException("该记录已核查 / this record has been checked already");
        }
        apply(new SampledRecordChecked(sampleId, unitId, c.recordId(), verdict(c.verdict()), reasonFor(c.verdict(), c.note()), supervisor));
    }

    @CommandHandler
    void handle(RecheckSampledRecord c, @MetaDataValue(Audit.ACTOR) String actor) {
        requireDrawn(c.recordId());
        String supervisor = named(actor);
        SampledRecordChecked check = checks.get(c.recordId());
        if (check == null) {
            throw new ConflictException("须先核查再复核 / check the record before rechecking it");
        }
        if (rechecked.contains(c.recordId())) {
            throw new ConflictException("该记录已复核 / this record has been rechecked already");
        }
        if (check.checkedBy().equals(supervisor)) {
            throw new ConflictException("核查与复核须由不同督查人员完成 / the recheck must be done by another supervisor than the check");
        }
        String note = reasonFor(c.verdict(), c.note());
        if (c.verdict() != check.verdict() && note == null) {
            throw new InvalidInputException("note", "复核结论与核查不同，须说明理由 / a recheck that overturns the check needs its reason");
        }
        if (c.verdict() == Verdict.FLAGGED) {
            apply(new SampledRecordDisqualified(sampleId, unitId, kind, c.recordId(), check.verdict(), note, check.checkedBy(), supervisor));
        } else {
            apply(new SampledRecordConfirmed(sampleId, unitId, c.recordId(), check.verdict(), note, check.checkedBy(), supervisor));
        }
    }

    private void requireDrawn(String recordId) {
        if (recordId == null || !drawn.contains(recordId)) {
            throw new InvalidInputException("recordId", "不是本次抽中的记录 / not a record of this sample");
        }
    }

    private static Verdict verdict(Verdict v) {
        if (v == null) {
            throw new InvalidInputException("verdict", "必填 / required");
        }
        return v;
    }

    /** A flagged record needs the reason; it is what the score's evidence will say. */
    private static String reasonFor(Verdict verdict, String note) {
        verdict(verdict);
        String n = note == null || note.isBlank() ? null : note.strip();
        if (verdict == Verdict.FLAGGED && n == null) {
            throw new InvalidInputException("note", "认定不实须说明理由 / a flagged record needs the reason");
        }
        return n;
    }

    /** Check and recheck are told apart by who did them, so both must be named people. */
    private static String named(String actor) {
        if (actor == null || actor.isBlank() || UNNAMED.contains(actor)) {
            throw new InvalidInputException("actor", "抽查须由具名督查人员进行 / sampling must be done by a named supervisor");
        }
        return actor;
    }

    @EventSourcingHandler
    void on(SampleDrawn e) {
        sampleId = e.sampleId();
        unitId = e.unitId();
        kind = e.kind();
        drawn = Set.copyOf(e.drawn());
    }

    @EventSourcingHandler
    void on(SampledRecordChecked e) {
        checks.put(e.recordId(), e);
    }

    @EventSourcingHandler
    void on(SampledRecordConfirmed e) {
        rechecked.add(e.recordId());
    }

    @EventSourcingHandler
    void on(SampledRecordDisqualified e) {
        rechecked.add(e.recordId());
    }
}
