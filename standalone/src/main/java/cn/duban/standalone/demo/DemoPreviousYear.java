package cn.duban.standalone.demo;

import cn.duban.kernel.assessment.RecordFailure;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.beilun.Beilun2022;
import cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.unit.UnitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Beilun's 2022 under seed 000's method, lighter than the 2023 year: the scheme published, the units
 * its tables name that 2023 no longer has registered, and for every unit the figures its 2022 items
 * read — so 2022 can be scored and ranked, and 2023's year-on-year items (rental supply, crime rate)
 * compare with a real previous year.
 */
final class DemoPreviousYear {
    private static final String SCHEME = "beilun-2022";
    private final DemoYear year;
    private final DemoMaterials materials;
    private final Random random = new Random(2022_02_14L);

    DemoPreviousYear(DemoYear year, DemoMaterials materials) {
        this.year = year;
        this.materials = materials;
    }

    /** The 2022 supply of lawful rental homes of a sub-district, which its 2023 figure is compared with (S2.1). */
    static long rentalSupply2022(String unit) {
        return 800 + Math.floorMod(unit.hashCode(), 1400);
    }

    void load(List<RosterUnit> registered) {
        SchemeDocument seed = Beilun2022.scheme();
        SchemeDocument scheme = new SchemeDocument(seed.id(), seed.year(), seed.title(), seed.supervisionWeight(), seed.items(),
                LocalDate.of(2023, 1, 15), seed.note());
        year.on(LocalDate.of(2022, 1, 10), DemoYear.LEAD_OFFICE, new DraftScheme(scheme));
        year.on(LocalDate.of(2022, 1, 20), DemoYear.LEAD_OFFICE, new PublishScheme(SCHEME));
        Set<String> known = new HashSet<>(registered.stream().map(RosterUnit::id).toList());
        for (RosterUnit u : Beilun2022.roster().units()) {
            if (known.add(u.id())) {
                year.on(LocalDate.of(2021, 12, 20), DemoYear.LEAD_OFFICE, new RegisterUnit(u.id(), u.name(), u.type()));
            }
        }
        for (RosterUnit u : Beilun2022.roster().units()) {
            double d = 0.4 + random.nextDouble() * 0.6;
            if (u.type() == UnitType.STREET) {
                street(u.id(), d);
            } else {
                department(u.id(), d);
            }
        }
        // The 2023 reform: the bodies 2023's roster no longer has were merged at the end of 2022.
        for (RosterUnit u : Beilun2022.roster().units()) {
            if (u.retiredOn() != null) {
                year.on(LocalDate.of(2023, 1, 5), DemoYear.LEAD_OFFICE, new cn.duban.kernel.unit.RetireUnit(u.id(), u.retiredOn(), u.retiredBecause()));
            }
        }
        // The same reform renamed four bodies (区卫生计划生育局 → 区卫生健康局 …): the same units, 2022 read under the old names.
        java.util.Map<String, String> named2023 = new java.util.HashMap<>();
        registered.forEach(u -> named2023.put(u.id(), u.name()));
        for (RosterUnit u : Beilun2022.roster().units()) {
            String now = named2023.get(u.id());
            if (now != null && !now.equals(u.name())) {
                year.onAt(LocalDate.of(2023, 1, 5), java.time.LocalTime.of(10, 30), DemoYear.LEAD_OFFICE,
                        new cn.duban.kernel.unit.RenameUnit(u.id(), now, LocalDate.of(2023, 1, 1), "机构改革更名"));
            }
        }
    }

    private LocalDate day(int fromMonth, int toMonth) {
        LocalDate from = LocalDate.of(2022, fromMonth, 1);
        LocalDate to = LocalDate.of(2022, toMonth, 1).plusMonths(1).minusDays(1);
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private BigDecimal rate(double low, double high) {
        return BigDecimal.valueOf(Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0).min(BigDecimal.valueOf(100));
    }

    /** A figure, reported in the year's last weeks (a previous year's, for year-on-year rules, with it). */
    private void figure(String unit, String indicator, int figureYear, BigDecimal value) {
        year.on(LocalDate.of(2022, 12, 5).plusDays(random.nextInt(20)), unit, new ReportIndicator(year.id("ind"), unit, indicator, figureYear, value, null, null));
    }

    private void infoReports(String unit, int count) {
        for (int i = 0; i < count; i++) {
            String report = year.id("info");
            String[] what = DemoYear.INFO[random.nextInt(DemoYear.INFO.length)];
            LocalDate submitted = day(1, 12);
            year.on(submitted, unit, new SubmitInfoReport(report, unit, what[0] + "（2022-" + (i + 1) + "）", submitted,
                    String.format(what[2], 10 + random.nextInt(150), 5 + random.nextInt(50)), what[1], List.of()));
            if (random.nextDouble() < 0.7) {
                year.on(submitted.plusDays(3), DemoYear.LEAD_OFFICE, new AcceptInfoReport(report, InfoLevel.GENERAL));
            } else {
                // 2022 is long closed: the lead office decided every report, these in the next week's batch (at a
                // fixed time, drawing nothing from the demo's randomness, so every later act keeps its own).
                year.onAt(submitted.plusDays(8), java.time.LocalTime.of(16, 30), DemoYear.LEAD_OFFICE, new AcceptInfoReport(report, InfoLevel.GENERAL));
            }
        }
    }

    private void street(String unit, double d) {
        if (d > 0.5) {
            String id = year.id("training");
            LocalDate heldOn = day(3, 10);
            year.on(heldOn, unit, new RecordTraining(id, unit, heldOn, "积分窗口人员、专管员业务培训", 40 + random.nextInt(40), BigDecimal.valueOf(2),
                    TrainingKind.BUSINESS, "积分窗口人员、流动人口专管员", List.of()));
        }
        infoReports(unit, 6 + (int) Math.round(d * 10));
        if (d > 0.55) {
            String campaign = year.id("campaign");
            year.on(LocalDate.of(2022, 4, 1), unit, new LaunchCampaign(campaign, unit, "GROUP_RENTAL", "车库车棚出租和“群租群居”专项整治", LocalDate.of(2022, 4, 1)));
            BigDecimal communities = BigDecimal.valueOf(1 + random.nextInt(4));
            year.at(LocalDate.of(2022, 9, 30), 16, () -> year.send(unit, new RecordCampaignProgress(campaign, "communities_rectified", communities,
                    LocalDate.of(2022, 9, 30), List.of(materials.photo(unit, "整治后小区-2022-09.png").sha256()))));
        }
        figure(unit, "registration_rate", 2022, rate(86 + d * 5, 92 + d * 7));
        figure(unit, "accuracy_rate", 2022, rate(85 + d * 5, 90 + d * 8));
        figure(unit, "suspect_registration_rate", 2022, rate(40 + d * 5, 50 + d * 10));
        figure(unit, "marriage_certificate_check_rate", 2022, rate(87, 98));
        figure(unit, "childbearing_service_rate", 2022, rate(87, 98));
        figure(unit, "pregnant_management_rate", 2022, rate(86, 97));
        figure(unit, "info_feedback_rate", 2022, rate(88, 99));
        figure(unit, "compulsory_education_rate", 2022, random.nextDouble() < d ? BigDecimal.valueOf(100) : rate(97, 99.9));
        figure(unit, "training_coverage_rate", 2022, rate(9 + d * 3, 13 + d * 4));
        figure(unit, "pregnancy_service_rate", 2022, rate(85, 98));
        figure(unit, "vaccination_rate", 2022, rate(86, 99));
        figure(unit, "rental_supply", 2022, BigDecimal.valueOf(rentalSupply2022(unit)));
        if (d < 0.6) {
            year.on(LocalDate.of(2022, 10, 10), DemoYear.LEAD_OFFICE, new RecordFailure(year.id("failure"), unit, SCHEME, "S1.1", "三季度未分析研究流动人口服务管理工作",
                    LocalDate.of(2022, 9, 30)));
        }
        if (random.nextDouble() < 0.2) {
            LocalDate promoted = day(6, 11);
            year.on(promoted.plusDays(5), unit, new RecordAchievement(year.id("promotion"), unit, FactKind.PROMOTION, "DISTRICT", "“一街一品”特色工作在全区推广", promoted));
        }
    }

    private void department(String unit, double d) {
        infoReports(unit, 3 + (int) Math.round(d * 5));
        if (d < 0.55) {
            year.on(LocalDate.of(2022, 12, 28), DemoYear.LEAD_OFFICE, new RecordFailure(year.id("failure"), unit, SCHEME, "D0.1", "年终未报送工作总结", LocalDate.of(2022, 12, 20)));
        }
        switch (unit) {
            case "gafj" -> {
                figure(unit, "rental_registration_rate", 2022, rate(92, 97));
                figure(unit, "suspect_registration_rate", 2022, rate(44, 55));
                figure(unit, "crime_rate", 2021, new BigDecimal("2.1"));
                figure(unit, "crime_rate", 2022, new BigDecimal("1.9"));
                figure(unit, "registration_rate", 2022, rate(90, 96));
                figure(unit, "accuracy_rate", 2022, rate(89, 95));
                year.on(LocalDate.of(2022, 5, 18), unit, new RecordTraining(year.id("training"), unit, LocalDate.of(2022, 5, 18), "流动人口专管员和出租房屋登记点负责人业务培训",
                        110, BigDecimal.valueOf(3)));
            }
            case "zjj" -> {
                figure(unit, "rental_filing_rate", 2022, rate(86, 94));
                year.on(LocalDate.of(2022, 6, 9), unit, new RecordTraining(year.id("training"), unit, LocalDate.of(2022, 6, 9), "房屋租赁登记备案业务培训", 80, BigDecimal.valueOf(2)));
            }
            case "wjj" -> {
                figure(unit, "marriage_certificate_check_rate", 2022, rate(88, 96));
                figure(unit, "childbearing_service_rate", 2022, rate(88, 96));
                figure(unit, "info_feedback_rate", 2022, rate(87, 95));
                figure(unit, "community_health_coverage_rate", 2022, BigDecimal.valueOf(100));
                figure(unit, "pregnancy_service_rate", 2022, rate(70, 85));
                figure(unit, "vaccination_rate", 2022, rate(88, 97));
            }
            case "rsj" -> {
                figure(unit, "labor_cooperation_bases", 2021, BigDecimal.valueOf(12));
                figure(unit, "labor_cooperation_bases", 2022, BigDecimal.valueOf(14));
                figure(unit, "labor_dispute_closure_rate", 2022, rate(90, 96));
                for (int i = 0; i < 10; i++) {
                    LocalDate heldOn = day(2, 11);
                    year.on(heldOn, unit, new RecordTraining(year.id("training"), unit, heldOn, "职业技能培训", 900 + random.nextInt(700), BigDecimal.valueOf(8),
                            TrainingKind.SKILLS, "务工人员", List.of()));
                }
            }
            case "jyj" -> {
                figure(unit, "compulsory_education_rate", 2022, BigDecimal.valueOf(100));
                figure(unit, "public_school_rate", 2022, rate(78, 86));
            }
            case "scjgj" -> {
                String campaign = year.id("campaign");
                year.on(LocalDate.of(2022, 3, 1), unit, new LaunchCampaign(campaign, unit, "UNLICENSED", "无证照餐饮和无证食品小作坊整治", LocalDate.of(2022, 3, 1)));
                year.on(LocalDate.of(2022, 11, 30), unit, new RecordCampaignProgress(campaign, "unlicensed_eateries", BigDecimal.valueOf(90 + random.nextInt(40)), LocalDate.of(2022, 11, 30)));
                year.on(LocalDate.of(2022, 11, 30), unit, new RecordCampaignProgress(campaign, "unlicensed_workshops", BigDecimal.valueOf(180 + random.nextInt(60)), LocalDate.of(2022, 11, 30)));
            }
            case "zhzfj" -> {
                String campaign = year.id("campaign");
                year.on(LocalDate.of(2022, 3, 1), unit, new LaunchCampaign(campaign, unit, "STALLS", "流动摊贩无证经营整治", LocalDate.of(2022, 3, 1)));
                year.on(LocalDate.of(2022, 12, 15), unit, new RecordCampaignProgress(campaign, "stalls_banned", BigDecimal.valueOf(1400 + random.nextInt(300)), LocalDate.of(2022, 12, 15)));
            }
            default -> {
            }
        }
    }
}
