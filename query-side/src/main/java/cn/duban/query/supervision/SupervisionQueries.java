package cn.duban.query.supervision;

import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.supervision.SampleDraw;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.query.reporting.RecordOfEvent;
import cn.duban.query.reporting.ReportedRecords;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import cn.duban.query.supervision.RectificationsProjection.RectificationView;
import cn.duban.query.supervision.SamplesProjection.SampleView;
import cn.duban.query.common.Documents;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import cn.duban.kernel.supervision.SamplingPeriod;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.unit.UnitQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Samples and rectifications: what follows an inspection. */
@Service
public class SupervisionQueries {
    private final Documents<SampleView> samples;
    private final Documents<RectificationView> rectifications;
    private final Clock clock;
    private final ReportedRecords records;
    private final RecordOfEvent recordOf;
    private final UnitQueries units;
    private final SchemeQueries schemes;
    private final Documents<SamplingPlansProjection.PlanView> plans;

    public SupervisionQueries(MongoDatabase db, ReportedRecords records, RecordOfEvent recordOf, UnitQueries units,
                              SchemeQueries schemes, Clock dubanClock) {
        this.records = records;
        this.recordOf = recordOf;
        this.units = units;
        this.schemes = schemes;
        this.plans = SamplingPlansProjection.documents(db);
        this.clock = dubanClock;
        this.samples = SamplesProjection.documents(db);
        this.rectifications = RectificationsProjection.documents(db);
    }


    /**
     * A sample as drawn, and whether its recorded draw is what the seed gives: {@code reproduced}
     * is the draw redone from the recorded population, size and seed. {@code contents}: what each
     * drawn record says and the files that prove it, for the supervisor to check, by the id it was
     * drawn as: a step of a campaign's progress as its campaign (whose {@code steps} name it by that id),
     * an indicator figure as the report of it.
     */
    public record Sample(SampleView sample, List<String> reproduced, boolean reproducible, Map<String, RecordView> contents) {
    }

    public Sample sample(String id) {
        SampleView v = samples.find(id);
        if (v == null) {
            throw new NotFoundException("抽查不存在 / sample not found: " + id);
        }
        List<String> redone = SampleDraw.draw(v.population, v.size, v.seed);
        List<String> recorded = v.records.stream().map(r -> r.recordId).toList();
        return new Sample(v, redone, redone.equals(recorded), contents(v.kind, recorded));
    }

    /** What each drawn record is, by the id it was drawn as; a record named by an event is found through the event. */
    private Map<String, RecordView> contents(SampleKind kind, List<String> drawn) {
        if (!kind.identifiedByEvent()) {
            return records.byIds(drawn);
        }
        Map<String, RecordView> out = new LinkedHashMap<>();
        drawn.forEach(id -> recordOf.ofEventId(id).ifPresent(v -> out.put(id, v)));
        return out;
    }

    /**
     * How a unit's sampled records stood up (seed 003, 方案12 and 14): of the records drawn in samples
     * of the period, how many have their final verdict (rechecked: 完整率 = rechecked ÷ drawn) and, of
     * those, how many were borne out (准确率 = verified ÷ rechecked). Percentages to one decimal; none
     * where nothing was drawn or rechecked yet.
     */
    public record SamplingRates(String unitId, int samples, int drawn, int rechecked, int verified, int flagged,
                                BigDecimal accuracyRate, BigDecimal completenessRate) {
    }

    /**
     * A unit's records sampled in one period of the plan, against the plan's quota.
     *
     * @param underWay the period today is in (in the district): not yet due, so neither met nor short
     */
    public record PlanPeriod(String period, int sampled, int quota, boolean met, boolean underWay) {
    }

    public record UnitPlan(String unitId, String name, List<PlanPeriod> periods) {
    }

    public record PlanFulfilment(String schemeId, String period, int recordsPerUnit, List<UnitPlan> units) {
    }

    /**
     * The sampling plan of a scheme against what was sampled: a sample's records count for the month
     * or quarter its period starts in; per unit, per period of the scheme's year up to today.
     */
    public PlanFulfilment plan(String schemeId) {
        SamplingPlansProjection.PlanView plan = plans.find(schemeId);
        if (plan == null) {
            throw new NotFoundException("该方案尚无抽查计划 / no sampling plan for scheme " + schemeId);
        }
        int year = schemes.one(schemeId).year();
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        boolean monthly = plan.period.equals(SamplingPeriod.MONTH.name());
        Function<LocalDate, String> key = d -> monthly ? String.format("%d-%02d", d.getYear(), d.getMonthValue())
                : d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
        String underWay = key.apply(today);
        List<String> periods = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year && !d.isAfter(today); d = d.plusMonths(monthly ? 1 : 3)) {
            periods.add(key.apply(d));
        }
        Map<String, Map<String, Integer>> sampled = new HashMap<>();
        for (SampleView s : samples.all()) {
            if (s.from.getYear() == year) {
                sampled.computeIfAbsent(s.unitId, u -> new HashMap<>()).merge(key.apply(s.from), s.records.size(), Integer::sum);
            }
        }
        List<UnitPlan> out = new ArrayList<>();
        for (var unit : units.all()) {
            if (unit.retiredOn() != null && unit.retiredOn().getYear() < year) {
                continue; // retired before the scheme's year: nothing of it to sample
            }
            Map<String, Integer> counts = sampled.getOrDefault(unit.id(), Map.of());
            out.add(new UnitPlan(unit.id(), unit.name(), periods.stream().map(p -> {
                int n = counts.getOrDefault(p, 0);
                return new PlanPeriod(p, n, plan.recordsPerUnit, n >= plan.recordsPerUnit, p.equals(underWay));
            }).toList()));
        }
        return new PlanFulfilment(schemeId, plan.period, plan.recordsPerUnit, out);
    }

    public List<SamplingRates> rates(String unitId, LocalDate from, LocalDate to) {
        Map<String, List<SampleView>> byUnit = new TreeMap<>();
        for (SampleView s : unitId == null ? samples.all() : samples.where(Filters.eq("unitId", unitId))) {
            if ((from == null || !s.from.isBefore(from)) && (to == null || !s.to.isAfter(to))) {
                byUnit.computeIfAbsent(s.unitId, k -> new ArrayList<>()).add(s);
            }
        }
        List<SamplingRates> out = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            int drawn = 0;
            int verified = 0;
            int flagged = 0;
            for (SampleView s : list) {
                drawn += s.records.size();
                verified += (int) s.records.stream().filter(r -> "VERIFIED".equals(r.status)).count();
                flagged += (int) s.records.stream().filter(r -> "FLAGGED".equals(r.status)).count();
            }
            int rechecked = verified + flagged;
            out.add(new SamplingRates(unit, list.size(), drawn, rechecked, verified, flagged, percent(verified, rechecked), percent(rechecked, drawn)));
        });
        return out;
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public List<SampleView> samples(String unitId) {
        List<SampleView> out = unitId == null ? samples.all() : samples.where(Filters.eq("unitId", unitId));
        return out.stream().sorted(Comparator.comparing((SampleView s) -> s.drawnAt).reversed()).toList();
    }

    /** A rectification as it stands today: {@code overdue} when due and not reported in time. */
    public record Rectification(RectificationView rectification, boolean overdue, long daysOverdue) {
    }

    public Rectification rectification(String id) {
        RectificationView v = rectifications.find(id);
        if (v == null) {
            throw new NotFoundException("整改不存在 / rectification not found: " + id);
        }
        return withToday(v);
    }

    public List<Rectification> rectifications(String unitId, String status, Boolean listed, String roundId) {
        return rectifications.all().stream()
                .filter(r -> unitId == null || unitId.equals(r.unitId))
                .filter(r -> status == null || status.equalsIgnoreCase(r.status))
                .filter(r -> listed == null || listed == r.listed)
                .filter(r -> roundId == null || roundId.equals(r.roundId))
                .sorted(Comparator.comparing((RectificationView r) -> !r.listed).thenComparing(r -> r.dueOn).thenComparing(r -> r.id))
                .map(this::withToday).toList();
    }

    private Rectification withToday(RectificationView v) {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        boolean overdue = "ORDERED".equals(v.status) && today.isAfter(v.dueOn);
        return new Rectification(v, overdue, overdue ? v.dueOn.until(today, ChronoUnit.DAYS) : 0);
    }
}
