package cn.duban.query.assessment;

import cn.duban.query.supervision.RoundQueries;
import cn.duban.kernel.assessment.NoticeTemplate;
import cn.duban.kernel.scoring.NoticeHonours;
import cn.duban.kernel.scoring.Num;
import cn.duban.kernel.scoring.YearEnd;
import cn.duban.query.supervision.RoundsProjection.RoundView;
import cn.duban.query.supervision.VetoesProjection;
import cn.duban.query.supervision.VetoesProjection.VetoView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The year-end result of every unit as of an instant: its assessed score and its inspection scores
 * in the scheme's rounds closed by then, weighed by the kernel ({@link YearEnd}); a vetoed unit
 * (一票否决) ranks last and is marked, whatever its score.
 */
@Service
public class YearEndQueries {
    private final ScoreQueries scores;
    private final RoundQueries rounds;
    private final MongoCollection<Document> vetoes;
    private final MongoDatabase db;

    private final java.time.Clock clock;

    public YearEndQueries(MongoDatabase db, ScoreQueries scores, RoundQueries rounds, java.time.Clock dubanClock) {
        this.clock = dubanClock;
        this.scores = scores;
        this.rounds = rounds;
        this.vetoes = db.getCollection(VetoesProjection.COLLECTION);
        this.db = db;
    }

    public record Row(String unitId, String name, BigDecimal assessed, List<BigDecimal> inspectionScores, BigDecimal inspectionMean,
                      BigDecimal weight, BigDecimal yearEnd, boolean vetoed, String vetoReason, int rank) {
    }

    /** The unit's grade by the kernel's rule ({@link YearEnd.Grade}), as the notice words it. */
    public static String grade(Row row) {
        return YearEnd.Grade.of(row.yearEnd(), row.vetoed()).label();
    }

    /** {@code grade} as the notice words it (优秀 …); {@code gradeCode} the dictionary's key for it, for a screen in another language. */
    public record Graded(int rank, String unitId, String name, BigDecimal yearEnd, String grade, YearEnd.Grade gradeCode) {
    }

    /** @param honours 表彰 and 通报批评; null in a notice published in {@link NoticeTemplate#GRADES} */
    public record Notice(String schemeId, String title, List<Graded> results, NoticeHonours.Honours honours, String text) {
    }

    /** The 通报 as it would be published now: ranking, grades, 表彰 and 通报批评, and its text. */
    public Notice notice(String schemeId, Instant asOf) {
        return notice(schemeId, asOf, NoticeTemplate.CURRENT);
    }

    /** The 通报 in the given wording, from the year-end result as of {@code asOf}. */
    public Notice notice(String schemeId, Instant asOf, NoticeTemplate template) {
        var scheme = scores.scheme(schemeId);
        Instant at = asOf == null ? clock.instant() : asOf;
        List<Row> rows = rows(schemeId, at, asOf == null);
        List<Graded> graded = rows.stream()
                .map(r -> new Graded(r.rank(), r.unitId(), r.name(), r.yearEnd(), grade(r), YearEnd.Grade.of(r.yearEnd(), r.vetoed()))).toList();
        StringBuilder text = new StringBuilder();
        text.append("关于").append(scheme.year()).append("年度流动人口服务管理目标责任制考核结果的通报\n\n");
        text.append("根据《").append(scheme.title()).append("》，经年终考核并结合督查情况，现将考核结果通报如下：\n");
        for (String grade : java.util.Arrays.stream(YearEnd.Grade.values()).map(YearEnd.Grade::label).toList()) {
            List<String> names = graded.stream().filter(g -> g.grade().equals(grade)).map(Graded::name).toList();
            if (!names.isEmpty()) {
                text.append(grade).append("（").append(names.size()).append("个）：").append(String.join("、", names)).append("\n");
            }
        }
        NoticeHonours.Honours honours = null;
        if (template == NoticeTemplate.GRADES_HONOURS) {
            Map<String, List<FactEntry>> marks = NoticeMarks.byUnit(db);
            Map<String, cn.duban.kernel.unit.UnitType> types = scores.units().stream()
                    .collect(java.util.stream.Collectors.toMap(u -> u.id(), u -> u.type()));
            honours = NoticeHonours.of(rows.stream()
                    .map(r -> standing(r, types.get(r.unitId()), marks.getOrDefault(r.unitId(), List.of()), scheme.year(), at)).toList());
            List<NoticeHonours.Standing> commended = new ArrayList<>(honours.commendedStreets());
            commended.addAll(honours.commendedDepartments());
            if (!commended.isEmpty()) {
                text.append("\n一、表彰\n经研究，对考核成绩优秀、工作成效突出的以下单位予以表彰，评为先进单位：")
                        .append(String.join("、", commended.stream().map(NoticeHonours.Standing::name).toList())).append("。\n");
            }
            if (!honours.criticised().isEmpty()) {
                text.append(commended.isEmpty() ? "\n一、" : "\n二、").append("通报批评\n对以下单位予以通报批评，责成加大工作力度、限期整改：\n");
                for (NoticeHonours.Criticism c : honours.criticised()) {
                    text.append(c.name()).append("：").append(String.join("；", c.reasons())).append("。\n");
                }
            }
        }
        text.append("\n希望各单位对照考核中发现的问题认真整改，进一步提升流动人口服务管理水平。");
        return new Notice(schemeId, scheme.year() + "年度考核结果通报", graded, honours, text.toString());
    }

    /**
     * What the honours rule reads of a unit, known at {@code at}: its result; its records found untrue
     * on recheck from the start of the scheme's year up to {@code at} (a notice published in January
     * still names December's rechecks); its 抄告单 escalated in the scheme's year. From its log's
     * entries of those two kinds ({@link NoticeMarks}), not its whole log.
     */
    private static NoticeHonours.Standing standing(Row r, cn.duban.kernel.unit.UnitType type, List<FactEntry> marks, int year, Instant at) {
        Instant yearStart = java.time.LocalDate.of(year, 1, 1).atStartOfDay(cn.duban.kernel.calendar.DistrictTime.ZONE).toInstant();
        java.util.Set<String> untrue = new java.util.HashSet<>();
        int escalated = 0;
        for (FactEntry f : marks) {
            if (f.recordedAt().isAfter(at)) {
                continue;
            }
            if ("DISQUALIFICATION".equals(f.factType()) && !f.recordedAt().isBefore(yearStart)) {
                untrue.add(f.eventId());
            } else if (f.kind() == cn.duban.kernel.scheme.FactKind.COPY_NOTICE_ESCALATED && f.on() != null && f.on().getYear() == year) {
                escalated++;
            }
        }
        return new NoticeHonours.Standing(r.unitId(), r.name(), type, r.yearEnd(),
                YearEnd.Grade.of(r.yearEnd(), r.vetoed()), untrue.size(), escalated);
    }

    public List<Row> result(String schemeId, Instant asOf) {
        return rows(schemeId, asOf == null ? clock.instant() : asOf, asOf == null);
    }

    /** The result as of {@code at}; {@code now}: {@code at} is the present, whose totals are maintained. */
    private List<Row> rows(String schemeId, Instant at, boolean now) {
        var scheme = scores.scheme(schemeId);
        var version = scheme.versionAt(at).orElseThrow(() -> new cn.duban.kernel.error.NotFoundException(
                "该时间考核方案尚未起草 / scheme " + schemeId + " did not exist at " + at));
        BigDecimal w = version.document().supervisionWeight() == null ? BigDecimal.ZERO : version.document().supervisionWeight();
        // Only what was on record at `at`: rounds closed by then, vetoes recorded by then. A closed
        // round changes no more, so a published notice is reproduced exactly from its recording time.
        List<RoundView> closed = rounds.all().stream()
                .filter(r -> r.schemeId.equals(schemeId) && r.closedAt != null && !r.closedAt.isAfter(at)).toList();
        List<VetoView> vetoed = VetoesProjection.of(vetoes, schemeId).stream().filter(v -> !v.at().isAfter(at)).toList();
        // Each closed round's result once: it scores every unit's baseline.
        List<RoundQueries.RoundResult> closedResults = closed.stream().map(r -> rounds.result(r.id)).toList();
        // Each unit's assessed score is its total in the ranking then: the maintained totals now, each
        // unit's folded ledger for an earlier instant; units not yet registered, or not assessed, are not in it.
        List<Row> rows = new ArrayList<>();
        for (ScoreQueries.RankingEntry unit : scores.ranking(schemeId, now ? null : at)) {
            BigDecimal assessed = unit.total();
            List<BigDecimal> inspections = new ArrayList<>();
            for (RoundQueries.RoundResult result : closedResults) {
                result.units().stream().filter(u -> u.unitId().equals(unit.unitId())).forEach(u -> inspections.add(u.inspectionScore()));
            }
            YearEnd.Weighed weighed = YearEnd.weigh(assessed, inspections, w);
            var veto = vetoed.stream().filter(v -> v.unitId().equals(unit.unitId())).findFirst();
            rows.add(new Row(unit.unitId(), unit.name(), assessed, inspections, weighed.inspectionMean(),
                    Num.norm(w), weighed.yearEnd(), veto.isPresent(), veto.map(VetoView::reason).orElse(null), 0));
        }
        rows.sort(Comparator.comparing(Row::vetoed).thenComparing(Row::yearEnd, Comparator.reverseOrder()).thenComparing(Row::unitId));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Row prev = i == 0 ? null : ranked.get(i - 1);
            int rank = prev != null && prev.vetoed() == r.vetoed() && prev.yearEnd().compareTo(r.yearEnd()) == 0 ? prev.rank() : i + 1;
            ranked.add(new Row(r.unitId(), r.name(), r.assessed(), r.inspectionScores(), r.inspectionMean(), r.weight(), r.yearEnd(),
                    r.vetoed(), r.vetoReason(), rank));
        }
        return ranked;
    }
}
