package cn.duban.kernel.scoring;

import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.SchemeItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/** The contribution of one rule kind, as API.md defines it, read from a unit's ledger. */
final class RuleEvaluator {
    private RuleEvaluator() {
    }

    /** Null for a rule that contributes nothing by itself ({@code DISCRETIONARY}). */
    static Contribution evaluate(Rule rule, SchemeItem item, UnitLedger ledger, boolean explain) {
        return switch (rule.kind()) {
            case QUOTA -> quota(rule, ledger, explain);
            case DONE -> done(rule, ledger, explain);
            case COUNT_TARGET -> countTarget(rule, ledger, explain);
            case PER_ITEM, TIERED_BONUS -> perItem(rule, ledger, explain);
            case THRESHOLD -> threshold(rule, ledger, explain);
            case PER_POINT -> perPoint(rule, ledger, explain);
            case VS_PREVIOUS_YEAR -> vsPreviousYear(rule, item, ledger, explain);
            case PER_FAILURE -> perFailure(rule, item, ledger, explain);
            case DISCRETIONARY -> null;
            case DEDUCT_PER_FACT -> deductPerFact(rule, ledger, explain);
        };
    }

    private static Contribution quota(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally t = ledger.tally(rule.fact(), rule.levels());
        int missing = Math.max(0, rule.required() - t.count);
        BigDecimal points = rule.perMissing().multiply(BigDecimal.valueOf(missing)).negate();
        if (!explain) {
            return contribution("QUOTA", points, null, null, null);
        }
        return contribution("QUOTA", points,
                zh(rule.fact()) + " " + t.count + "/" + rule.required() + (missing > 0 ? "，少" + missing + "次，每次扣" + Num.plain(rule.perMissing()) + "分" : "，已达标"),
                en(rule.fact()) + " " + t.count + "/" + rule.required() + (missing > 0 ? ", " + missing + " missing at " + Num.plain(rule.perMissing()) + " each" : ", met"),
                t.ids);
    }

    private static Contribution done(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally t = ledger.tally(rule.fact(), rule.levels());
        BigDecimal points = t.count == 0 ? rule.deduct().negate() : BigDecimal.ZERO;
        if (!explain) {
            return contribution("DONE", points, null, null, null);
        }
        return contribution("DONE", points,
                t.count == 0 ? zh(rule.fact()) + "未开展，扣" + Num.plain(rule.deduct()) + "分" : zh(rule.fact()) + "已开展 " + t.count + " 次",
                t.count == 0 ? en(rule.fact()) + " not done" : en(rule.fact()) + " done " + t.count + " time(s)",
                t.ids);
    }

    private static Contribution countTarget(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally t = ledger.tally(rule.fact(), rule.levels());
        BigDecimal quantity = rule.measure() == null ? BigDecimal.valueOf(t.count) : t.sum(rule.measure());
        boolean met = quantity.compareTo(rule.target()) >= 0;
        BigDecimal points = met ? BigDecimal.ZERO : rule.deduct().negate();
        if (!explain) {
            return contribution("COUNT_TARGET", points, null, null, null);
        }
        String what = rule.measure() == null ? zh(rule.fact()) : zh(rule.fact()) + "（" + rule.measure() + "）";
        String whatEn = rule.measure() == null ? en(rule.fact()) : en(rule.fact()) + " (" + rule.measure() + ")";
        List<String> evidence = rule.measure() == null ? t.ids : t.idsOf(rule.measure());
        return contribution("COUNT_TARGET", points,
                what + " " + Num.plain(quantity) + "/" + Num.plain(rule.target()) + (met ? "，已达标" : "，未达标扣" + Num.plain(rule.deduct()) + "分"),
                whatEn + " " + Num.plain(quantity) + "/" + Num.plain(rule.target()) + (met ? ", target met" : ", target missed"),
                evidence);
    }

    private static Contribution perItem(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally t = ledger.tally(rule.fact(), rule.levels());
        BigDecimal points;
        String detail;
        if (rule.measure() != null) {
            // Points per unit of a measure ("每整治一个小区加2分"), not per fact reported.
            BigDecimal quantity = t.sum(rule.measure());
            points = rule.points().flatValue().multiply(quantity);
            if (!explain) {
                return contribution(rule.kind().name(), points, null, null, null);
            }
            String more = rule.accumulatesBeyondMax() ? "（累计加分，不受本项分值限制）" : "";
            return contribution(rule.kind().name(), points,
                    zh(rule.fact()) + "（" + rule.measure() + "）" + Num.plain(quantity) + " × " + Num.plain(rule.points().flatValue()) + "分" + more,
                    en(rule.fact()) + " (" + rule.measure() + ") " + Num.plain(quantity) + " × " + Num.plain(rule.points().flatValue())
                            + (rule.accumulatesBeyondMax() ? " (accumulates beyond the item's max)" : ""),
                    t.idsOf(rule.measure()));
        }
        String detailEn;
        if (rule.points().isFlat()) {
            points = rule.points().flatValue().multiply(BigDecimal.valueOf(t.count));
            detail = t.count + " × " + Num.plain(rule.points().flatValue());
            detailEn = detail;
        } else {
            points = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            List<String> partsEn = new ArrayList<>();
            for (Map.Entry<String, Integer> e : t.byLevel.entrySet()) {
                BigDecimal each = rule.points().forLevel(e.getKey());
                points = points.add(each.multiply(BigDecimal.valueOf(e.getValue())));
                String times = " " + e.getValue() + " × " + Num.plain(each);
                parts.add(level(rule.fact(), e.getKey(), true) + times);
                partsEn.add(level(rule.fact(), e.getKey(), false) + times);
            }
            detail = parts.isEmpty() ? "0" : String.join(" + ", parts);
            detailEn = partsEn.isEmpty() ? "0" : String.join(" + ", partsEn);
        }
        if (!explain) {
            return contribution(rule.kind().name(), points, null, null, null);
        }
        return contribution(rule.kind().name(), points, zh(rule.fact()) + "：" + detail, en(rule.fact()) + ": " + detailEn, t.ids);
    }

    /** A figure not reported while reporting is open: nothing deducted yet, and the item says 待补报. */
    private static Contribution awaiting(String source, Rule rule, boolean explain) {
        return contribution(source, BigDecimal.ZERO,
                explain ? zhName(rule) + " 待补报：报送截止前不扣分，截止后仍未报送按规则扣分" : null,
                explain ? enName(rule) + " awaited: nothing deducted before reporting closes, the rule applies after" : null, List.of());
    }

    private static Contribution threshold(Rule rule, UnitLedger ledger, boolean explain) {
        if (Indicators.SAMPLING_ACCURACY.equals(rule.indicator())) {
            return samplingAccuracy(rule, ledger, explain);
        }
        Fact.IndicatorValue v = ledger.latest(rule.indicator(), ledger.schemeYear());
        if (v == null && ledger.awaitingFigures()) {
            return awaiting("THRESHOLD", rule, explain);
        }
        boolean missed = v == null
                || (rule.min() != null && v.value().compareTo(rule.min()) < 0)
                || (rule.max() != null && v.value().compareTo(rule.max()) > 0);
        BigDecimal points = missed ? rule.deduct().negate() : BigDecimal.ZERO;
        if (!explain) {
            return contribution("THRESHOLD", points, null, null, null);
        }
        String bound = (rule.min() != null ? "≥" + Num.plain(rule.min()) + "%" : "")
                + (rule.max() != null ? (rule.min() != null ? "，" : "") + "≤" + Num.plain(rule.max()) + "%" : "");
        if (v == null) {
            return contribution("THRESHOLD", points, zhName(rule) + " 未报送（要求" + bound + "），扣" + Num.plain(rule.deduct()) + "分",
                    enName(rule) + " never reported (bound " + bound + ")", List.of());
        }
        return contribution("THRESHOLD", points,
                zhName(rule) + " " + Num.plain(v.value()) + "%（要求" + bound + "）" + (missed ? "未达到，扣" + Num.plain(rule.deduct()) + "分" : "已达到"),
                enName(rule) + " " + Num.plain(v.value()) + "% (bound " + bound + ")" + (missed ? " missed" : " met"),
                List.of(v.eventId()));
    }

    /** 抽查准确率 against the rule's bound: borne out ÷ rechecked in the scheme's year; nothing rechecked, nothing to judge. */
    private static Contribution samplingAccuracy(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally confirmed = ledger.tally(FactKind.SAMPLE_CONFIRMED);
        UnitLedger.KindTally flagged = ledger.tally(FactKind.SAMPLE_FLAGGED);
        int rechecked = confirmed.count + flagged.count;
        if (rechecked == 0) {
            return contribution("THRESHOLD", BigDecimal.ZERO, explain ? zhName(rule) + "：本年度尚无抽查复核结果，不扣分" : null,
                    explain ? enName(rule) + ": nothing rechecked this year, nothing deducted" : null, List.of());
        }
        BigDecimal rate = BigDecimal.valueOf(confirmed.count * 100L).divide(BigDecimal.valueOf(rechecked), 1, java.math.RoundingMode.HALF_UP);
        boolean missed = (rule.min() != null && rate.compareTo(rule.min()) < 0) || (rule.max() != null && rate.compareTo(rule.max()) > 0);
        BigDecimal points = missed ? rule.deduct().negate() : BigDecimal.ZERO;
        if (!explain) {
            return contribution("THRESHOLD", points, null, null, null);
        }
        List<String> evidence = new ArrayList<>(confirmed.ids);
        evidence.addAll(flagged.ids);
        String bound = rule.min() != null ? "≥" + Num.plain(rule.min()) + "%" : "≤" + Num.plain(rule.max()) + "%";
        return contribution("THRESHOLD", points,
                zhName(rule) + " " + Num.plain(rate) + "%（复核 " + rechecked + " 条，属实 " + confirmed.count + " 条；要求" + bound + "）"
                        + (missed ? "未达到，扣" + Num.plain(rule.deduct()) + "分" : "已达到"),
                enName(rule) + " " + Num.plain(rate) + "% (" + confirmed.count + " of " + rechecked + " borne out; bound " + bound + ")"
                        + (missed ? " missed" : " met"),
                evidence);
    }

    private static Contribution perPoint(Rule rule, UnitLedger ledger, boolean explain) {
        Fact.IndicatorValue v = ledger.latest(rule.indicator(), ledger.schemeYear());
        if (v == null && ledger.awaitingFigures()) {
            return awaiting("PER_POINT", rule, explain);
        }
        BigDecimal value = v == null ? BigDecimal.ZERO : v.value();
        BigDecimal below = rule.min().subtract(value).max(BigDecimal.ZERO);
        BigDecimal points = rule.perPoint().multiply(below).negate();
        if (!explain) {
            return contribution("PER_POINT", points, null, null, null);
        }
        String shown = v == null ? "未报送（按0计）" : Num.plain(value) + "%";
        String shownEn = v == null ? "never reported (counted as 0)" : Num.plain(value) + "%";
        return contribution("PER_POINT", points,
                zhName(rule) + " " + shown + "，要求" + Num.plain(rule.min()) + "%，低" + Num.plain(below) + "个百分点，每点扣" + Num.plain(rule.perPoint()) + "分",
                enName(rule) + " " + shownEn + ", required " + Num.plain(rule.min()) + "%, " + Num.plain(below) + " point(s) below",
                v == null ? List.of() : List.of(v.eventId()));
    }

    private static Contribution vsPreviousYear(Rule rule, SchemeItem item, UnitLedger ledger, boolean explain) {
        int year = ledger.schemeYear();
        Fact.IndicatorValue now = ledger.latest(rule.indicator(), year);
        Fact.IndicatorValue before = ledger.latest(rule.indicator(), year - 1);
        if ((now == null || before == null) && ledger.awaitingFigures()) {
            if (!explain) {
                return contribution("VS_PREVIOUS_YEAR", BigDecimal.ZERO, null, null, null);
            }
            return contribution("VS_PREVIOUS_YEAR", BigDecimal.ZERO,
                    zhName(rule) + (before == null ? " 缺上年数据" : " 缺本年数据") + "，待补报：报送截止前不扣分",
                    enName(rule) + (before == null ? " last year's figure missing" : " this year's figure missing")
                            + ", awaited: nothing deducted before reporting closes",
                    Stream.of(before, now).filter(java.util.Objects::nonNull).map(Fact.IndicatorValue::eventId).toList());
        }
        if (now == null || before == null) {
            BigDecimal points = item.max().negate();
            if (!explain) {
                return contribution("VS_PREVIOUS_YEAR", points, null, null, null);
            }
            List<String> evidence = new ArrayList<>();
            if (before != null) {
                evidence.add(before.eventId());
            }
            if (now != null) {
                evidence.add(now.eventId());
            }
            return contribution("VS_PREVIOUS_YEAR", points,
                    zhName(rule) + (before == null ? " 缺上年度数据" : " 缺本年度数据") + "，扣除本项全部分值",
                    enName(rule) + (before == null ? " last year's value missing" : " this year's value missing") + ": whole item lost",
                    evidence);
        }
        // How far this year is worse than last year, in the direction the rule calls worse.
        BigDecimal worse = rule.betterOrDefault() == Rule.Better.LOWER
                ? now.value().subtract(before.value())
                : before.value().subtract(now.value());
        worse = worse.max(BigDecimal.ZERO);
        BigDecimal points = BigDecimal.ZERO;
        if (worse.signum() > 0) {
            points = rule.perPoint() != null ? rule.perPoint().multiply(worse).negate() : rule.deduct().negate();
        }
        if (!explain) {
            return contribution("VS_PREVIOUS_YEAR", points, null, null, null);
        }
        return contribution("VS_PREVIOUS_YEAR", points,
                zhName(rule) + " 本年 " + Num.plain(now.value()) + "，上年 " + Num.plain(before.value()) + (worse.signum() > 0 ? "，差于上年 " + Num.plain(worse) : "，不差于上年"),
                enName(rule) + " this year " + Num.plain(now.value()) + ", last year " + Num.plain(before.value()) + (worse.signum() > 0 ? ", worse by " + Num.plain(worse) : ", not worse"),
                List.of(before.eventId(), now.eventId()));
    }

    private static Contribution deductPerFact(Rule rule, UnitLedger ledger, boolean explain) {
        UnitLedger.KindTally t = ledger.tally(rule.fact(), rule.levels());
        BigDecimal deducted = rule.deduct().multiply(BigDecimal.valueOf(t.count));
        boolean capped = rule.cap() != null && deducted.compareTo(rule.cap()) > 0;
        BigDecimal points = (capped ? rule.cap() : deducted).negate();
        if (!explain) {
            return contribution("DEDUCT_PER_FACT", points, null, null, null);
        }
        return contribution("DEDUCT_PER_FACT", points,
                zh(rule.fact()) + " " + t.count + " 次，每次扣" + Num.plain(rule.deduct()) + "分" + (capped ? "，以" + Num.plain(rule.cap()) + "分为限" : ""),
                en(rule.fact()) + ": " + t.count + " at " + Num.plain(rule.deduct()) + " each" + (capped ? ", capped at " + Num.plain(rule.cap()) : ""),
                t.ids);
    }

    private static Contribution perFailure(Rule rule, SchemeItem item, UnitLedger ledger, boolean explain) {
        List<Fact.Failure> fs = ledger.failures(item.code());
        int counted = rule.deductsOnce() ? Math.min(1, fs.size()) : fs.size();
        BigDecimal deducted = rule.perFailure().multiply(BigDecimal.valueOf(counted));
        boolean capped = rule.cap() != null && deducted.compareTo(rule.cap()) > 0;
        BigDecimal points = (capped ? rule.cap() : deducted).negate();
        if (!explain) {
            return contribution("PER_FAILURE", points, null, null, null);
        }
        List<String> evidence = fs.stream().map(Fact.Failure::eventId).toList();
        if (rule.deductsOnce()) {
            return contribution("PER_FAILURE", points,
                    fs.isEmpty() ? "未记录未开展情形" : "未开展（记录 " + fs.size() + " 次），扣" + Num.plain(rule.perFailure()) + "分",
                    fs.isEmpty() ? "no failure recorded" : "not done (" + fs.size() + " failure(s) recorded): " + Num.plain(rule.perFailure()) + " once",
                    evidence);
        }
        String capZh = capped ? "，以" + Num.plain(rule.cap()) + "分为限" : "";
        String capEn = capped ? ", capped at " + Num.plain(rule.cap()) : "";
        return contribution("PER_FAILURE", points,
                "未落实 " + fs.size() + " 次，每次扣" + Num.plain(rule.perFailure()) + "分" + capZh,
                fs.size() + " failure(s) recorded at " + Num.plain(rule.perFailure()) + " each" + capEn,
                evidence);
    }

    /** A fact's level as a person reads it: 典型经验综合类信息 for TYPICAL, 市级 for CITY, 业务培训 for BUSINESS. */
    private static String level(FactKind fact, String key, boolean zh) {
        String group = fact == FactKind.TRAINING ? "trainingKind" : fact.isAchievement() ? "achievementLevel" : "infoLevel";
        cn.duban.kernel.Words.Word w = cn.duban.kernel.Words.all().getOrDefault(group, Map.of()).get(key);
        return w == null ? key : zh ? w.zh() : w.en();
    }

    /** The indicator as a clerk reads it ("出租房屋登记率"), not its key. */
    private static String zhName(Rule rule) {
        return Indicators.of(rule.indicator()).zh();
    }

    private static String enName(Rule rule) {
        return Indicators.of(rule.indicator()).en();
    }

    private static Contribution contribution(String source, BigDecimal points, String zh, String en, List<String> evidence) {
        return new Contribution(source, Num.norm(points), zh, en, evidence == null ? List.of() : List.copyOf(evidence));
    }

    static String zh(FactKind kind) {
        return switch (kind) {
            case TRAINING -> "业务培训";
            case INFO_SUBMITTED -> "信息报送";
            case INFO_ACCEPTED -> "信息录用";
            case INFO_REJECTED -> "信息退回";
            case CAMPAIGN_LAUNCHED -> "专项整治";
            case CAMPAIGN_PROGRESS -> "整治进展";
            case CAMPAIGN_CLOSED -> "专项整治完成";
            case MEDIA_PUBLICATION -> "媒体刊发";
            case LEADER_INSTRUCTION -> "领导批示";
            case PROMOTION -> "经验推广";
            case COPY_NOTICE_ESCALATED -> "抄告单逾期未反馈";
            case SAMPLE_CONFIRMED -> "抽查属实";
            case SAMPLE_FLAGGED -> "抽查不实";
        };
    }

    static String en(FactKind kind) {
        return switch (kind) {
            case TRAINING -> "trainings";
            case INFO_SUBMITTED -> "info reports submitted";
            case INFO_ACCEPTED -> "info reports accepted";
            case INFO_REJECTED -> "info reports rejected";
            case CAMPAIGN_LAUNCHED -> "campaigns launched";
            case CAMPAIGN_PROGRESS -> "campaign progress";
            case CAMPAIGN_CLOSED -> "campaigns closed";
            case MEDIA_PUBLICATION -> "media publications";
            case LEADER_INSTRUCTION -> "leader instructions";
            case PROMOTION -> "promotions";
            case COPY_NOTICE_ESCALATED -> "copy notices escalated unanswered";
            case SAMPLE_CONFIRMED -> "sampled records borne out";
            case SAMPLE_FLAGGED -> "sampled records found untrue";
        };
    }
}
