package cn.duban.kernel.scheme;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators the built-in schemes name, with the words a clerk reads and the unit a figure is
 * in. Most are rates in percent; a few are counts (a supply of rental homes, people trained), which
 * a year-on-year rule compares. An indicator a custom scheme invents is a percent named by its key,
 * as every indicator was before counts existed.
 */
public final class Indicators {
    public enum Unit {
        /** 0–100, two decimals at most; may come with its numerator and denominator. */
        PERCENT,
        /** A whole number of things, 0 to {@link #MAX_COUNT}. */
        COUNT
    }

    /** The largest count a figure may state: far above any district's housing stock or head count. */
    public static final BigDecimal MAX_COUNT = new BigDecimal("1000000000");

    /**
     * @param derived computed by the platform from what it records (抽查准确率 from recheck verdicts),
     *                never reported by a unit
     */
    public record Indicator(String key, String zh, String en, Unit unit, boolean derived) {
        /** "96.5%" or "1,204 套" as a person reads it. */
        public String show(BigDecimal value) {
            return unit == Unit.PERCENT ? value.stripTrailingZeros().toPlainString() + "%" : value.stripTrailingZeros().toPlainString();
        }
    }


    /**
     * 抽查准确率 (seed 003, 方案14): of the unit's sampled records rechecked in the scheme's year, the share
     * borne out. A scheme's {@code THRESHOLD} rule may name it; no unit reports it.
     */
    public static final String SAMPLING_ACCURACY = "sampling_accuracy_rate";

    private static final Map<String, Indicator> KNOWN = new LinkedHashMap<>();

    static {
        percent("registration_rate", "流动人口信息登记率", "Registration rate");
        percent("accuracy_rate", "信息准确率", "Information accuracy rate");
        percent("rental_registration_rate", "出租房屋登记率", "Rental registration rate");
        percent("member_rate", "融合组织会员占比", "Integration-group member rate");
        percent("core_member_rate", "骨干会员占比", "Core member rate");
        percent("crime_rate", "违法犯罪率", "Crime rate");
        percent("suspect_registration_rate", "犯罪嫌疑人信息登记率", "Suspect registration rate");
        percent("labor_dispute_closure_rate", "劳动争议案件年结案率", "Labour-dispute closure rate");
        percent("online_declaration_rate", "网上申报率", "Online declaration rate");
        percent("pregnancy_service_rate", "孕产妇保健服务率", "Maternal care service rate");
        percent("vaccination_rate", "一类疫苗接种率", "Vaccination rate");
        percent("training_coverage_rate", "培训人员占比", "Training coverage rate");
        percent("worker_training_rate", "务工人员培训率", "Worker training rate");
        percent("marriage_certificate_check_rate", "婚育证明查验率", "Marriage certificate check rate");
        percent("childbearing_service_rate", "育龄妇女服务管理率", "Childbearing-age service rate");
        percent("info_feedback_rate", "信息接收反馈率", "Information feedback rate");
        percent("compulsory_education_rate", "义务教育普及率", "Compulsory education rate");
        percent("public_school_rate", "公立学校接纳率", "Public school intake rate");
        percent("rental_filing_rate", "房屋租赁备案登记率", "Rental filing rate");
        percent("community_health_coverage_rate", "社区卫生服务网络覆盖率", "Community health coverage");
        percent("pregnant_management_rate", "怀孕生育对象管理服务率", "Pregnancy management rate");
        count("rental_supply", "合法合规出租房屋供应量（套）", "Lawful rental homes supplied");
        count("labor_cooperation_bases", "劳务合作基地数", "Labour cooperation bases");
        KNOWN.put(SAMPLING_ACCURACY, new Indicator(SAMPLING_ACCURACY, "抽查准确率", "Sampling accuracy rate", Unit.PERCENT, true));
    }


    private Indicators() {
    }

    private static void percent(String key, String zh, String en) {
        KNOWN.put(key, new Indicator(key, zh, en, Unit.PERCENT, false));
    }

    private static void count(String key, String zh, String en) {
        KNOWN.put(key, new Indicator(key, zh, en, Unit.COUNT, false));
    }

    /** The indicator by its key; one no scheme shipped with Duban names is a percent called by its key. */
    public static Indicator of(String key) {
        return Optional.ofNullable(KNOWN.get(key)).orElseGet(() -> new Indicator(key, key, key, Unit.PERCENT, false));
    }

    public static List<Indicator> known() {
        return List.copyOf(KNOWN.values());
    }
}
