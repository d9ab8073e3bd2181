package cn.duban.standalone;

import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.assessment.AdjustScore;
import cn.duban.kernel.reporting.CloseCampaign;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.scheme.DraftSchemeVersion;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.assessment.RecordFailure;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.unit.UnitType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic year of a small district, sent as commands: units register, the scheme is
 * drafted, published and amended halfway, units report every kind of fact, the lead office
 * decides, the assessor records adjustments and failures.
 */
final class Workload {
    static final String SCHEME_JSON = """
            { "id": "beilun-2023", "year": 2023, "title": "北仑区2023年度考核", "supervisionWeight": 0.3,
              "items": [
                { "code": "S1.1", "category": "基础工作", "title": "季度工作", "max": 6, "appliesTo": {"all": true}, "rules": [ {"kind": "PER_FAILURE", "perFailure": 1} ] },
                { "code": "S1.3", "category": "基础工作", "title": "信息报送", "max": 10, "base": "ZERO", "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "PER_ITEM", "fact": "INFO_ACCEPTED", "points": {"GENERAL": 0.5, "TYPICAL": 1}} ] },
                { "code": "S1.4", "category": "基础工作", "title": "业务培训", "max": 6, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "QUOTA", "fact": "TRAINING", "required": 2, "perMissing": 2} ] },
                { "code": "S2.4", "category": "管理工作", "title": "执法检查", "max": 8, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "COUNT_TARGET", "fact": "CAMPAIGN_PROGRESS", "measure": "inspections", "target": 100, "deduct": 2},
                             {"kind": "DONE", "fact": "CAMPAIGN_LAUNCHED", "deduct": 2} ] },
                { "code": "S2.5", "category": "管理工作", "title": "登记率", "max": 7, "appliesTo": {"unitType": "STREET"},
                  "rules": [ {"kind": "THRESHOLD", "indicator": "registration_rate", "min": 95, "deduct": 4},
                             {"kind": "PER_POINT", "indicator": "accuracy_rate", "min": 90, "perPoint": 1} ] },
                { "code": "D1", "category": "部门职责", "title": "部门工作", "max": 64, "appliesTo": {"unitType": "DEPARTMENT"},
                  "rules": [ {"kind": "DISCRETIONARY"} ] },
                { "code": "D2", "category": "部门职责", "title": "违法犯罪率", "max": 30, "appliesTo": {"units": ["police"]},
                  "rules": [ {"kind": "VS_PREVIOUS_YEAR", "indicator": "crime_rate", "perPoint": 5} ] },
                { "code": "BONUS", "category": "创新工作", "title": "创新工作加分", "bonus": true, "appliesTo": {"all": true},
                  "rules": [ {"kind": "TIERED_BONUS", "fact": "MEDIA_PUBLICATION", "points": {"CITY": 2, "PROVINCE": 5, "NATIONAL": 8}},
                             {"kind": "TIERED_BONUS", "fact": "PROMOTION", "points": {"DISTRICT": 10, "CITY": 20}} ] }
              ] }
            """;

    static final List<String[]> UNITS = List.of(
            new String[]{"xinqi", "新碶街道", "STREET"}, new String[]{"daqi", "大碶街道", "STREET"},
            new String[]{"xiaogang", "小港街道", "STREET"}, new String[]{"police", "公安分局", "DEPARTMENT"},
            new String[]{"edu", "区教育局", "DEPARTMENT"});

    private final CommandGateway gateway;
    private final Random random;
    private int counter;

    Workload(CommandGateway gateway, long seed) {
        this.gateway = gateway;
        this.random = new Random(seed);
    }

    static SchemeDocument scheme(String json) {
        try {
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(json, SchemeDocument.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String id(String prefix) {
        return prefix + "-" + (++counter);
    }

    private LocalDate day() {
        return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
    }

    /** Training ids per unit, all held in 2023: the sampling frame of each unit's trainings. */
    private final java.util.Map<String, List<String>> trainings = new java.util.HashMap<>();

    /** A command the lead office gives in its role (a withdrawal checks who withdraws). */
    private void asLeadOffice(Object command) {
        gateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                .andMetaData(java.util.Map.of(cn.duban.platform.axon.Audit.ACTOR, "admin", cn.duban.platform.axon.Audit.ROLE, "LEAD_OFFICE")));
    }

    private void as(String actor, Object command) {
        gateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                .andMetaData(java.util.Map.of(cn.duban.platform.axon.Audit.ACTOR, actor)));
    }

    /**
     * What supervisors do after a year of facts: a sample of each street's trainings with one record
     * found untrue, a round with findings, rectifications (one reported and rejected), a notice.
     */
    int supervision() {
        int commands = 0;
        as("supervisor", new cn.duban.kernel.supervision.OpenInspectionRound("round-1", "beilun-2023",
                cn.duban.kernel.supervision.RoundKind.MID_YEAR, "上半年督查", java.time.Instant.now()));
        commands++;
        for (String[] u : UNITS) {
            if (!u[2].equals("STREET")) {
                continue;
            }
            String unit = u[0];
            cn.duban.kernel.supervision.SampleKind kind = cn.duban.kernel.supervision.SampleKind.TRAINING;
            LocalDate from = LocalDate.of(2023, 1, 1);
            LocalDate to = LocalDate.of(2023, 12, 31);
            String sample = cn.duban.kernel.AggregateIds.sample(unit, kind, from, to);
            List<String> population = trainings.getOrDefault(unit, List.of()).stream().sorted().toList();
            if (population.isEmpty()) {
                continue;
            }
            long seed = random.nextLong();
            as("li", new cn.duban.kernel.supervision.DrawSample(sample, unit, kind, from, to, 2, seed));
            String record = cn.duban.kernel.supervision.SampleDraw.draw(population, 2, seed).get(0);
            as("li", new cn.duban.kernel.supervision.CheckSampledRecord(sample, record, cn.duban.kernel.supervision.Verdict.FLAGGED, "无签到表"));
            as("wang", new cn.duban.kernel.supervision.RecheckSampledRecord(sample, record, cn.duban.kernel.supervision.Verdict.FLAGGED, "无签到表"));
            commands += 3;
            String finding = id("finding");
            as("li", new cn.duban.kernel.supervision.RecordFinding("round-1", finding, unit, "S1.4", "培训台账不全",
                    cn.duban.kernel.supervision.Severity.MAJOR, List.of()));
            String rect = cn.duban.kernel.AggregateIds.rectification(finding);
            as("li", new cn.duban.kernel.supervision.OrderRectification(rect, "round-1", finding, "补齐台账", null, null));
            as(unit, new cn.duban.kernel.supervision.ReportRectification(rect, "已补齐", List.of()));
            as("wang", new cn.duban.kernel.supervision.RejectRectification(rect, "仍不完整"));
            commands += 4;
        }
        as("lead", new cn.duban.kernel.assessment.PublishResults("notice-1", "beilun-2023", null));
        return commands + 1;
    }

    /** Registers the units and the scheme, then {@code rounds} rounds of facts for every unit. */
    int year(int rounds) {
        int commands = 0;
        for (String[] u : UNITS) {
            gateway.sendAndWait(new RegisterUnit(u[0], u[1], UnitType.valueOf(u[2])));
            commands++;
        }
        gateway.sendAndWait(new DraftScheme(scheme(SCHEME_JSON)));
        gateway.sendAndWait(new PublishScheme("beilun-2023"));
        commands += 2;
        gateway.sendAndWait(new ReportIndicator(id("ind"), "police", "crime_rate", 2022, new BigDecimal("1.8"), null, null));
        commands++;
        List<String> campaigns = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round == rounds / 2) {
                // An amendment halfway through the year: training now needs three sessions.
                gateway.sendAndWait(new DraftSchemeVersion("beilun-2023",
                        scheme(SCHEME_JSON.replace("\"required\": 2, \"perMissing\": 2", "\"required\": 3, \"perMissing\": 2"))));
                gateway.sendAndWait(new PublishScheme("beilun-2023"));
                commands += 2;
            }
            for (String[] u : UNITS) {
                String unit = u[0];
                commands += oneFact(unit, campaigns);
            }
        }
        return commands;
    }

    /** An assignment led by the unit: issued, acknowledged, reported on, maybe extended and closed. */
    private void commandsOnAnAssignment(String unit) {
        String other = UNITS.stream().map(u -> u[0]).filter(u -> !u.equals(unit)).toList().get(random.nextInt(UNITS.size() - 1));
        String id = id("as");
        gateway.sendAndWait(new cn.duban.kernel.assignment.IssueAssignment(id, "专项任务" + counter, null, "beilun-2023", "S2.4", unit,
                List.of(other), "完成整治", LocalDate.of(2023, 6, 30), List.of(), cn.duban.kernel.assignment.ReportingFrequency.MONTHLY, null));
        gateway.sendAndWait(new cn.duban.kernel.assignment.AcknowledgeAssignment(id, other));
        gateway.sendAndWait(new cn.duban.kernel.assignment.ReportAssignmentProgress(id, other, "进展", java.util.Map.of("shops", BigDecimal.TEN), List.of()));
        if (random.nextBoolean()) {
            gateway.sendAndWait(new cn.duban.kernel.assignment.RequestAssignmentExtension(id, other, LocalDate.of(2023, 8, 31), "需要更多时间"));
            gateway.sendAndWait(new cn.duban.kernel.assignment.GrantAssignmentExtension(id));
        }
        if (random.nextBoolean()) {
            gateway.sendAndWait(new cn.duban.kernel.assignment.SubmitAssignmentCompletion(id, unit, "完成"));
            gateway.sendAndWait(new cn.duban.kernel.assignment.AcceptAssignmentCompletion(id, "办结"));
        }
    }

    private int oneFact(String unit, List<String> campaigns) {
        int kind = random.nextInt(10);
        switch (kind) {
            case 0 -> {
                String training = id("tr");
                gateway.sendAndWait(new RecordTraining(training, unit, day(), "业务培训", 20 + random.nextInt(60), BigDecimal.valueOf(1 + random.nextInt(3))));
                trainings.computeIfAbsent(unit, k -> new ArrayList<>()).add(training);
            }
            case 1 -> {
                String report = id("ir");
                gateway.sendAndWait(new SubmitInfoReport(report, unit, "信息" + counter, day()));
                int decision = random.nextInt(10);
                if (decision < 6) {
                    gateway.sendAndWait(new AcceptInfoReport(report, random.nextInt(4) == 0 ? InfoLevel.TYPICAL : InfoLevel.GENERAL));
                } else if (decision < 8) {
                    gateway.sendAndWait(new RejectInfoReport(report, "不符合要求"));
                } else if (decision == 8) {
                    asLeadOffice(new cn.duban.kernel.reporting.WithdrawInfoReport(report, "重复报送"));
                }
            }
            case 2 -> {
                String c = id("cp");
                gateway.sendAndWait(new LaunchCampaign(c, unit, "GROUP_RENTAL", "群租整治", LocalDate.of(2023, 3, 1)));
                campaigns.add(c + ":" + unit);
            }
            case 3 -> {
                String open = campaigns.stream().filter(c -> c.endsWith(":" + unit)).findFirst().orElse(null);
                if (open != null) {
                    String c = open.substring(0, open.indexOf(':'));
                    gateway.sendAndWait(new RecordCampaignProgress(c, "inspections", BigDecimal.valueOf(10 + random.nextInt(50)), LocalDate.of(2023, 6, 1)));
                    int next = random.nextInt(8);
                    if (next < 2) {
                        gateway.sendAndWait(new CloseCampaign(c, LocalDate.of(2023, 9, 1), "完成"));
                        campaigns.remove(open);
                    } else if (next == 2) {
                        // Now and then a campaign launched in error: withdrawn whole, its steps with it.
                        asLeadOffice(new cn.duban.kernel.reporting.WithdrawCampaign(c, "重复启动"));
                        campaigns.remove(open);
                    }
                }
            }
            case 4 -> gateway.sendAndWait(new ReportIndicator(id("ind"), unit, random.nextBoolean() ? "registration_rate" : "accuracy_rate",
                    2023, BigDecimal.valueOf(85 + random.nextInt(150) / 10.0), null, null));
            case 5 -> gateway.sendAndWait(new RecordAchievement(id("ac"), unit, random.nextBoolean() ? FactKind.MEDIA_PUBLICATION : FactKind.PROMOTION,
                    random.nextBoolean() ? "CITY" : "PROVINCE", "成果", day()));
            case 6 -> {
                String item = unit.equals("police") || unit.equals("edu") ? "D1" : "S1.3";
                gateway.sendAndWait(new AdjustScore(id("adj"), unit, "beilun-2023", item, BigDecimal.valueOf(-(1 + random.nextInt(4)) / 2.0), "检查发现问题"));
                // Now and then the unit appeals the deduction: upheld, rejected, withdrawn or left waiting.
                if (random.nextInt(3) == 0) {
                    String appeal = id("ap");
                    gateway.sendAndWait(new cn.duban.kernel.assessment.FileAppeal(appeal, unit, "beilun-2023", item, "已整改，请复核"));
                    switch (random.nextInt(4)) {
                        case 0 -> gateway.sendAndWait(new cn.duban.kernel.assessment.DecideAppeal(appeal, true, BigDecimal.ONE, "属实"));
                        case 1 -> gateway.sendAndWait(new cn.duban.kernel.assessment.DecideAppeal(appeal, false, null, "不属实"));
                        case 2 -> asLeadOffice(new cn.duban.kernel.assessment.WithdrawAppeal(appeal, "单位撤回"));
                        default -> { }
                    }
                }
            }
            case 7 -> gateway.sendAndWait(new RecordFailure(id("f"), unit, "beilun-2023", "S1.1", "季度无总结", day()));
            case 9 -> commandsOnAnAssignment(unit);
            default -> gateway.sendAndWait(new ReportIndicator(id("ind"), unit, "crime_rate", 2023, BigDecimal.valueOf(random.nextInt(40) / 10.0), null, null));
        }
        return 1;
    }
}
