package cn.duban.kernel.scheme;

import cn.duban.kernel.error.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole scheme document before anything is stored: every item, every rule, with the
 * JSON path of each fault, so the lead office can fix all of them in one go.
 */
public final class SchemeValidator {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Levels, indicators and measures become field names in stored documents: no dots or dollars. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SchemeValidator() {
    }

    public static List<Violation> validate(SchemeDocument doc) {
        List<Violation> out = new ArrayList<>();
        if (doc == null) {
            out.add(new Violation("", "缺少方案文档 / scheme document is missing"));
            return out;
        }
        if (doc.id() == null || !ID.matcher(doc.id()).matches()) {
            out.add(new Violation("id", "须为小写字母、数字、点、横线或下划线，最长64位 / must be 1-64 of a-z 0-9 . _ -"));
        }
        if (doc.year() == null || doc.year() < 2000 || doc.year() > 2100) {
            out.add(new Violation("year", "年度须在2000至2100之间 / year must be between 2000 and 2100"));
        }
        if (blank(doc.title())) {
            out.add(new Violation("title", "必填 / required"));
        }
        if (doc.note() != null && doc.note().length() > 4000) {
            out.add(new Violation("note", "说明最长4000字 / at most 4000 characters"));
        }
        if (doc.supervisionWeight() != null
                && (doc.supervisionWeight().signum() < 0 || doc.supervisionWeight().compareTo(BigDecimal.ONE) > 0)) {
            out.add(new Violation("supervisionWeight", "须在0到1之间 / must be between 0 and 1"));
        }
        if (doc.reportingDeadline() != null && doc.year() != null
                && (doc.reportingDeadline().getYear() < doc.year() || doc.reportingDeadline().getYear() > doc.year() + 1)) {
            out.add(new Violation("reportingDeadline", "须在考核年度或次年内 / must fall in the scheme's year or the next"));
        }
        if (doc.items() == null || doc.items().isEmpty()) {
            out.add(new Violation("items", "至少需要一个考核项目 / at least one item is required"));
            return out;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < doc.items().size(); i++) {
            validateItem(doc.items().get(i), "items[" + i + "]", codes, out);
        }
        return out;
    }

    private static void validateItem(SchemeItem item, String path, Set<String> codes, List<Violation> out) {
        if (item == null) {
            out.add(new Violation(path, "不能为空 / must not be null"));
            return;
        }
        if (blank(item.code())) {
            out.add(new Violation(path + ".code", "必填 / required"));
        } else if (!codes.add(item.code())) {
            out.add(new Violation(path + ".code", "项目编号重复 / duplicate item code " + item.code()));
        }
        if (blank(item.title())) {
            out.add(new Violation(path + ".title", "必填 / required"));
        }
        if (item.max() == null) {
            if (!item.isBonus()) {
                out.add(new Violation(path + ".max", "常规项目须有分值 / a regular item needs its max points"));
            }
        } else if (item.max().signum() <= 0) {
            out.add(new Violation(path + ".max", "分值须大于0 / max must be positive"));
        }
        if (item.baseOrDefault() == Base.FULL && item.max() == null) {
            out.add(new Violation(path + ".base", "满分起算的项目须有分值 / a FULL item needs max"));
        }
        AppliesTo a = item.appliesTo();
        if (a != null) {
            int forms = (a.unitType() != null ? 1 : 0) + (a.units() != null ? 1 : 0) + (a.all() != null ? 1 : 0);
            if (forms != 1) {
                out.add(new Violation(path + ".appliesTo", "须且只能指定 unitType、units 或 all 之一 / exactly one of unitType, units, all"));
            } else if (a.all() != null && !a.all()) {
                out.add(new Violation(path + ".appliesTo.all", "只能为 true / must be true"));
            } else if (a.units() != null && (a.units().isEmpty() || a.units().stream().anyMatch(SchemeValidator::blank))) {
                out.add(new Violation(path + ".appliesTo.units", "须列出至少一个单位编号 / list at least one unit id"));
            }
        }
        List<Rule> rules = item.rulesOrEmpty();
        for (int r = 0; r < rules.size(); r++) {
            validateRule(rules.get(r), item, path + ".rules[" + r + "]", out);
        }
    }

    private static void validateRule(Rule rule, SchemeItem item, String path, List<Violation> out) {
        if (rule == null || rule.kind() == null) {
            out.add(new Violation(path + ".kind", "必填 / required"));
            return;
        }
        boolean counts = rule.kind() == RuleKind.QUOTA || rule.kind() == RuleKind.DONE || rule.kind() == RuleKind.COUNT_TARGET
                || rule.kind() == RuleKind.PER_ITEM || rule.kind() == RuleKind.DEDUCT_PER_FACT;
        if (rule.levels() != null) {
            if (!counts) {
                out.add(new Violation(path + ".levels", "只有计次规则（QUOTA、DONE、COUNT_TARGET、PER_ITEM）可限定级别 / only rules that count facts name levels"));
            } else if (rule.levels().isEmpty() || rule.levels().stream().anyMatch(l -> l == null || !NAME.matcher(l).matches())) {
                out.add(new Violation(path + ".levels", "须列出至少一个级别，只含字母、数字、下划线或横线 / at least one level of letters, digits, _ or -"));
            }
        }
        if (rule.once() != null && rule.kind() != RuleKind.PER_FAILURE) {
            out.add(new Violation(path + ".once", "只有按次扣分规则（PER_FAILURE）可设一次性扣分 / only PER_FAILURE deducts once"));
        }
        if (rule.cap() != null && rule.kind() != RuleKind.PER_FAILURE && rule.kind() != RuleKind.DEDUCT_PER_FACT) {
            out.add(new Violation(path + ".cap", "只有按次扣分规则（PER_FAILURE、DEDUCT_PER_FACT）可设上限 / only PER_FAILURE and DEDUCT_PER_FACT have a cap"));
        }
        if (rule.cap() != null) {
            positive(rule.cap(), path + ".cap", out);
        }
        // "uncapped": false says what every rule already is; only true asks for what PER_ITEM alone may do.
        if (Boolean.TRUE.equals(rule.uncapped()) && rule.kind() != RuleKind.PER_ITEM) {
            out.add(new Violation(path + ".uncapped", "只有按件加分规则（PER_ITEM）可累计超出分值 / only PER_ITEM points may accumulate beyond the max"));
        }
        switch (rule.kind()) {
            case QUOTA -> {
                fact(rule, path, out);
                if (rule.required() == null || rule.required() <= 0) {
                    out.add(new Violation(path + ".required", "须为正整数 / must be a positive whole number"));
                }
                positive(rule.perMissing(), path + ".perMissing", out);
            }
            case DONE -> {
                fact(rule, path, out);
                positive(rule.deduct(), path + ".deduct", out);
            }
            case COUNT_TARGET -> {
                fact(rule, path, out);
                positive(rule.target(), path + ".target", out);
                positive(rule.deduct(), path + ".deduct", out);
                if (rule.measure() != null && !NAME.matcher(rule.measure()).matches()) {
                    out.add(new Violation(path + ".measure", "计量名称只能含字母、数字、下划线或横线 / letters, digits, _ or -"));
                }
            }
            case PER_ITEM, TIERED_BONUS -> {
                fact(rule, path, out);
                if (rule.measure() != null) {
                    if (rule.kind() != RuleKind.PER_ITEM || !NAME.matcher(rule.measure()).matches()) {
                        out.add(new Violation(path + ".measure", "按件加分可按计量给分，计量名称只含字母、数字、下划线或横线 / PER_ITEM only; letters, digits, _ or -"));
                    } else if (rule.points() != null && !rule.points().isFlat()) {
                        out.add(new Violation(path + ".points", "按计量给分须为单一分值 / points per unit of a measure are one number"));
                    }
                }
                if (rule.points() == null) {
                    out.add(new Violation(path + ".points", "必填 / required"));
                } else if (rule.points().isFlat()) {
                    if (rule.kind() == RuleKind.TIERED_BONUS) {
                        out.add(new Violation(path + ".points", "分级加分须按级别给分 / give points per level"));
                    } else {
                        positive(rule.points().flatValue(), path + ".points", out);
                    }
                } else if (rule.points().levels().isEmpty()) {
                    out.add(new Violation(path + ".points", "至少一个级别 / at least one level"));
                } else {
                    rule.points().levels().forEach((level, v) -> {
                        if (!NAME.matcher(level).matches()) {
                            out.add(new Violation(path + ".points", "级别名称只能含字母、数字、下划线或横线 / level names are letters, digits, _ or -"));
                        } else if (rule.fact() != null && rule.fact().isAchievement()
                                && !cn.duban.kernel.scheme.AchievementLevels.of(rule.fact()).contains(level)) {
                            out.add(new Violation(path + ".points." + level, "成果级别须为 "
                                    + String.join("、", cn.duban.kernel.scheme.AchievementLevels.of(rule.fact())) + " 之一 / not a level of " + rule.fact()));
                        } else {
                            positive(v, path + ".points." + level, out);
                        }
                    });
                }
            }
            case THRESHOLD -> {
                indicator(rule, path, out);
                if (rule.min() == null && rule.max() == null) {
                    out.add(new Violation(path + ".min", "须给出 min 或 max / min or max is required"));
                }
                percent(rule.min(), path + ".min", out);
                percent(rule.max(), path + ".max", out);
                positive(rule.deduct(), path + ".deduct", out);
            }
            case PER_POINT -> {
                indicator(rule, path, out);
                if (rule.min() == null) {
                    out.add(new Violation(path + ".min", "必填 / required"));
                }
                percent(rule.min(), path + ".min", out);
                positive(rule.perPoint(), path + ".perPoint", out);
            }
            case VS_PREVIOUS_YEAR -> {
                indicator(rule, path, out);
                if (rule.perPoint() == null && rule.deduct() == null) {
                    out.add(new Violation(path + ".perPoint", "须给出 perPoint 或 deduct / perPoint or deduct is required"));
                }
                if (rule.perPoint() != null) {
                    positive(rule.perPoint(), path + ".perPoint", out);
                }
                if (rule.deduct() != null) {
                    positive(rule.deduct(), path + ".deduct", out);
                }
                if (item.max() == null) {
                    out.add(new Violation(path + ".kind", "与上年比较的项目须有分值 / VS_PREVIOUS_YEAR needs the item's max"));
                }
            }
            case PER_FAILURE -> positive(rule.perFailure(), path + ".perFailure", out);
            case DEDUCT_PER_FACT -> {
                fact(rule, path, out);
                positive(rule.deduct(), path + ".deduct", out);
            }
            case DISCRETIONARY -> {
            }
        }
    }

    private static void fact(Rule rule, String path, List<Violation> out) {
        if (rule.fact() == null) {
            out.add(new Violation(path + ".fact", "必填 / required"));
        } else if (!rule.fact().countable()) {
            out.add(new Violation(path + ".fact", "该事实不计分 / this fact cannot be counted"));
        }
    }

    private static void indicator(Rule rule, String path, List<Violation> out) {
        if (blank(rule.indicator())) {
            out.add(new Violation(path + ".indicator", "必填 / required"));
        } else if (!NAME.matcher(rule.indicator()).matches()) {
            out.add(new Violation(path + ".indicator", "指标名称只能含字母、数字、下划线或横线 / letters, digits, _ or -"));
        } else if (cn.duban.kernel.scheme.Indicators.of(rule.indicator()).derived() && rule.kind() != RuleKind.THRESHOLD) {
            out.add(new Violation(path + ".indicator", "抽查准确率只能用于达标规则（THRESHOLD）/ a computed rate is read by THRESHOLD rules only"));
        }
    }

    private static void positive(BigDecimal v, String field, List<Violation> out) {
        if (v == null) {
            out.add(new Violation(field, "必填 / required"));
        } else if (v.signum() <= 0) {
            out.add(new Violation(field, "须大于0 / must be positive"));
        }
    }

    private static void percent(BigDecimal v, String field, List<Violation> out) {
        if (v != null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0)) {
            out.add(new Violation(field, "百分比须在0到100之间 / a percentage must be between 0 and 100"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
