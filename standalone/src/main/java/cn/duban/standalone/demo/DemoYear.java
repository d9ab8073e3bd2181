package cn.duban.standalone.demo;

import cn.duban.kernel.assignment.FactLink;
import cn.duban.kernel.assignment.Phase;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.scheme.beilun.Beilun2023;
import cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit;
import cn.duban.kernel.assignment.AcceptAssignmentCompletion;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.assignment.AcknowledgeAssignment;
import cn.duban.kernel.assessment.AdjustScore;
import cn.duban.kernel.reporting.CloseCampaign;
import cn.duban.kernel.assignment.DenyAssignmentExtension;
import cn.duban.kernel.scheme.DraftScheme;
import cn.duban.kernel.assignment.GrantAssignmentExtension;
import cn.duban.kernel.assignment.IssueAssignment;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.scheme.PublishScheme;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.assessment.RecordFailure;
import cn.duban.kernel.assessment.RecordSelfAssessment;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.assignment.ReportAssignmentProgress;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.assignment.RequestAssignmentExtension;
import cn.duban.kernel.assignment.ReturnAssignmentCompletion;
import cn.duban.kernel.assignment.SubmitAssignmentCompletion;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.assignment.UrgeAssignment;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.unit.UnitType;
import cn.duban.platform.DubanClock;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import cn.duban.command.people.InitialLeadOffice;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.reporting.WithdrawTraining;
import cn.duban.kernel.scheme.beilun.Beilun2022;
import cn.duban.kernel.people.SystemActors;
import cn.duban.kernel.supervision.AnswerCopyNotice;
import cn.duban.kernel.supervision.CheckSampledRecord;
import cn.duban.kernel.supervision.DrawSample;
import cn.duban.kernel.supervision.OpenInspectionRound;
import cn.duban.kernel.supervision.CheckRectificationDeadline;
import cn.duban.kernel.supervision.OrderRectification;
import cn.duban.kernel.supervision.RecheckSampledRecord;
import cn.duban.kernel.supervision.RecordFinding;
import cn.duban.kernel.supervision.ReportRectification;
import cn.duban.kernel.supervision.VerifyRectification;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.SamplingPeriod;
import cn.duban.kernel.supervision.SendCopyNotice;
import cn.duban.kernel.supervision.SetInspectionScore;
import cn.duban.kernel.supervision.SetSamplingPlan;
import cn.duban.kernel.supervision.Severity;
import cn.duban.kernel.supervision.Verdict;
import cn.duban.platform.materials.MaterialStore;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.function.Function;

/**
 * A deterministic year of Beilun 2023, sent as the commands people would send: the lead office
 * publishes the scheme and registers the roster; units report trainings, information, campaigns,
 * indicators and achievements; the lead office decides, urges and closes; assessors deduct.
 * Units differ as they would in life: some diligent, some behind.
 */
public final class DemoYear {
    private static final String SCHEME = "beilun-2023";
    /**
     * Who the lead office's acts (and its assessors' deductions) are recorded by: the lead office's own
     * account, so screens name a person (流管中心管理员) rather than a made-up actor. A unit's acts
     * are recorded in the unit's name (its id), which screens show as the unit.
     */
    static final String LEAD_OFFICE = InitialLeadOffice.USERNAME;
    private final CommandGateway gateway;
    private final Random random = new Random(2023_02_13L);
    /** Each street's campaign, which its assignment progress reports link to. */
    private final Map<String, String> campaigns = new HashMap<>();
    private int commands;
    private int counter;

    private final Clock clock;

    private final DemoMaterials materials;

    /** The records a sample drew, read back from its event, so the demo can check and recheck them. */
    private final Function<String, List<String>> sampledRecords;

    public DemoYear(CommandGateway gateway, Clock clock, MaterialStore store,
                    Function<String, List<String>> sampledRecords) {
        this.gateway = gateway;
        this.clock = clock;
        this.materials = new DemoMaterials(store);
        this.sampledRecords = sampledRecords;
    }

    void send(String actor, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Audit.ACTOR, actor, Audit.ROLE, "demo")));
        commands++;
    }

    /** One act of the demo and the instant it is recorded at; {@code at} null: at the real now, after the simulated year. */
    private record Step(Instant at, int seq, Runnable act) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** Schedules an act at a time of day (Beijing) on a day; acts run in time order, ties in the order scheduled. */
    void at(LocalDate day, int hour, Runnable act) {
        Instant at = day.atTime(hour, random.nextInt(60)).atZone(DistrictTime.ZONE).toInstant();
        steps.add(new Step(at, steps.size(), act));
    }

    /** Schedules sending a command on a day, in office hours. */
    void on(LocalDate day, String actor, Object command) {
        at(day, 9 + random.nextInt(8), () -> send(actor, command));
    }

    /**
     * Schedules sending a command at a fixed time of a day (Beijing), drawing nothing from the demo's
     * seeded randomness: an act added to the demo leaves every other act's day, time and figures as they were.
     */
    void onAt(LocalDate day, LocalTime time, String actor, Object command) {
        Instant at = day.atTime(time).atZone(DistrictTime.ZONE).toInstant();
        steps.add(new Step(at, steps.size(), () -> send(actor, command)));
    }

    /** Schedules an act for the real now, once the simulated year is recorded: today's assignments. */
    private void now(Runnable act) {
        steps.add(new Step(null, steps.size(), act));
    }

    /**
     * Runs every scheduled act in time order. With a {@link DubanClock}, each is recorded at its own
     * instant (so the store reads like a district that used Duban through 2022 and 2023); otherwise
     * (a test's fixed clock) all are recorded now, in the same order.
     */
    private void run() {
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing((Step s) -> s.at() == null ? Instant.MAX : s.at()).thenComparingInt(Step::seq));
        DubanClock simulated = clock instanceof DubanClock c ? c : null;
        try {
            for (Step step : ordered) {
                if (simulated != null) {
                    if (step.at() == null) {
                        simulated.stopSimulating();
                    } else {
                        simulated.simulate(step.at());
                    }
                }
                step.act().run();
            }
        } finally {
            if (simulated != null) {
                simulated.stopSimulating();
            }
        }
    }

    String id(String prefix) {
        return String.format("demo-%s-%04d", prefix, ++counter);
    }

    private LocalDate day(int fromMonth, int toMonth) {
        LocalDate from = LocalDate.of(2023, fromMonth, 1);
        LocalDate to = LocalDate.of(2023, toMonth, 1).plusMonths(1).minusDays(1);
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private BigDecimal rate(double low, double high) {
        return BigDecimal.valueOf(Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0);
    }

    /** @return the number of commands sent */
    public int load() {
        // The district names the last day of reporting (the seed gives none), so through the year a
        // figure not reported yet is 待补报 rather than deducted; the deadline checker closes reporting.
        SchemeDocument seed = Beilun2023.scheme();
        SchemeDocument scheme = new SchemeDocument(seed.id(), seed.year(), seed.title(), seed.supervisionWeight(), seed.items(),
                LocalDate.of(2024, 1, 15), seed.note());
        List<RosterUnit> roster = Beilun2023.roster().units();
        // Registered as the bodies were named then: four took their 2023 names in the reform (DemoPreviousYear renames them).
        Map<String, String> named2022 = new HashMap<>();
        Beilun2022.roster().units().forEach(u -> named2022.put(u.id(), u.name()));
        for (RosterUnit u : roster) {
            on(LocalDate.of(2021, 12, 20), LEAD_OFFICE, new RegisterUnit(u.id(), named2022.getOrDefault(u.id(), u.name()), u.type()));
        }
        // 仑流管中心〔2023〕2号: drafted in February, published on 13 February.
        on(LocalDate.of(2023, 2, 8), LEAD_OFFICE, new DraftScheme(scheme));
        on(LocalDate.of(2023, 2, 13), LEAD_OFFICE, new PublishScheme(SCHEME));
        // The year before, under seed 000's method, so 2023's year-on-year items read real 2022 figures.
        new DemoPreviousYear(this, materials).load(roster);
        for (RosterUnit u : roster) {
            // Diligence decides how much a unit does: 0.3 (behind) … 1.0 (exemplary).
            double diligence = 0.3 + random.nextDouble() * 0.7;
            if (u.type() == UnitType.STREET) {
                street(u.id(), diligence);
            } else {
                department(u.id(), diligence, scheme);
            }
        }
        assignments(roster);
        currentAssignments(roster);
        supervision();
        aTrainingEnteredTwice();
        run();
        return commands;
    }

    /**
     * 新碶's clerk enters an autumn training twice and withdraws the second entry the next morning (撤回),
     * so 填报记录 shows a withdrawn record. Scheduled at fixed times with an id of its own: drawing
     * from the seeded randomness or the id counter would shift every later act of the demo.
     */
    private void aTrainingEnteredTwice() {
        String twice = "demo-training-entered-twice";
        LocalDate heldOn = LocalDate.of(2023, 10, 16);
        onAt(heldOn, LocalTime.of(17, 12), "xinqi", new RecordTraining(twice, "xinqi", heldOn, "专管员、积分窗口人员业务培训",
                56, BigDecimal.valueOf(2), TrainingKind.BUSINESS, "社区专管员、积分窗口人员", List.of()));
        onAt(heldOn.plusDays(1), LocalTime.of(9, 5), "xinqi", new WithdrawTraining(twice, "重复录入，同一场培训已于当日报送"));
    }

    /**
     * An open mid-year round with findings, an inspection score changed with its reason,
     * rectifications (one already reported), and a sample of 新碶's first-half trainings waiting to be
     * checked and rechecked (by {@code supervisor} and {@code supervisor2}): something for every
     * supervision screen.
     */
    private void supervision() {
        String round = "demo-round-2023-mid";
        // The cutoff is the instant the round opens: read from the clock when the act runs.
        at(LocalDate.of(2023, 7, 10), 9, () -> send("supervisor", new OpenInspectionRound(round, SCHEME,
                RoundKind.MID_YEAR, "2023年年中督查", clock.instant())));
        // Each finding with what became of its rectification in 2023, so that a store read years later
        // shows none of them open and over a thousand days overdue: 新碶 rectified in time and a second
        // supervisor verified it; 大碶 reported and waits for verification; 柴桥 missed its deadline, was
        // put under listed supervision (挂牌督办) by the next day's deadline check, then reported late and
        // waits too. Later acts at fixed times of day, so that every other act keeps its draw of the
        // demo's randomness.
        List<DemoFinding> findings = List.of(
                new DemoFinding("xinqi", "S1.4", "培训签到表与照片不全", Severity.MAJOR, rectification -> {
                    onAt(LocalDate.of(2023, 8, 7), LocalTime.of(16, 30), "xinqi", new ReportRectification(rectification,
                            "已补齐培训签到表和现场照片，并建立培训台账归档制度", List.of()));
                    onAt(LocalDate.of(2023, 8, 14), LocalTime.of(10, 0), "supervisor2", new VerifyRectification(rectification, "现场核实，台账已补齐"));
                }),
                new DemoFinding("daqi", "S1.1", "二季度工作总结未按时报送", Severity.MINOR, rectification ->
                        on(LocalDate.of(2023, 7, 28), "daqi", new ReportRectification(rectification, "已补报二季度工作总结，并建立报送提醒", List.of()))),
                new DemoFinding("chaiqiao", "S2.3", "出租房屋登记信息与实地不符", Severity.SERIOUS, rectification -> {
                    onAt(LocalDate.of(2023, 8, 11), LocalTime.of(0, 5), SystemActors.DEADLINES,
                            new CheckRectificationDeadline(rectification, LocalDate.of(2023, 8, 11)));
                    onAt(LocalDate.of(2023, 8, 28), LocalTime.of(17, 0), "chaiqiao", new ReportRectification(rectification,
                            "已逐户核对出租房屋登记信息，更正不符信息43条", List.of()));
                }));
        for (DemoFinding f : findings) {
            String finding = id("finding");
            on(LocalDate.of(2023, 7, 12), "supervisor", new RecordFinding(round, finding, f.unit(), f.item(), f.text(), f.severity(), List.of()));
            String rectification = AggregateIds.rectification(finding);
            on(LocalDate.of(2023, 7, 13), "supervisor", new OrderRectification(rectification, round, finding,
                    "限期补齐台账并报送整改情况", null, null));
            f.afterwards().accept(rectification);
        }
        on(LocalDate.of(2023, 7, 14), "supervisor", new SetInspectionScore(round, "chaiqiao", BigDecimal.valueOf(72),
                "实地核查登记信息不符，酌情扣分"));
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 6, 30);
        String sample = AggregateIds.sample("xinqi", SampleKind.TRAINING, from, to);
        on(LocalDate.of(2023, 7, 15), "supervisor", new DrawSample(sample, "xinqi",
                SampleKind.TRAINING, from, to, 2, 20230701L));
        sampledAndRechecked();
        // 抄告 (seed 004): the police tell 大碶 of group rentals its inspectors found; 大碶 answers. The
        // lead office tells 柴桥 of fire hazards; 柴桥 never answers, so the deadline checker escalates it.
        String notice = id("copy-notice");
        on(LocalDate.of(2023, 9, 5), "gafj", new SendCopyNotice(notice, "gafj", "daqi", "出租房屋群租隐患",
                "检查发现大碶街道某小区3处出租房屋存在群租现象，请核查整改并反馈。"));
        on(LocalDate.of(2023, 9, 20), "daqi", new AnswerCopyNotice(notice, "已会同社区逐户核查，3处群租房已全部整改，房东已签订承诺书。"));
        on(LocalDate.of(2023, 10, 9), LEAD_OFFICE, new SendCopyNotice(id("copy-notice"), null, "chaiqiao", "出租房屋消防安全隐患",
                "督查发现柴桥街道部分出租房屋未配备灭火器、电动车室内充电，请于20个工作日内整改并反馈。"));
        // The year's sampling plan (seed 003, 方案12): two records of each unit a quarter.
        on(LocalDate.of(2023, 3, 1), LEAD_OFFICE, new SetSamplingPlan(SCHEME, SamplingPeriod.QUARTER, 2));
    }

    /**
     * A sample of 大碶's information reports checked and rechecked by two supervisors: one borne out,
     * one found untrue — so 准确率 and 完整率 have figures and the notice has a 通报批评.
     */
    private void sampledAndRechecked() {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        String sample = AggregateIds.sample("daqi", SampleKind.INFO_REPORT, from, to);
        on(LocalDate.of(2023, 12, 15), "supervisor", new DrawSample(sample, "daqi",
                SampleKind.INFO_REPORT, from, to, 2, 20231215L));
        // What was drawn is known once the draw is recorded: the checks read it when they run.
        at(LocalDate.of(2023, 12, 18), 10, () -> {
            List<String> drawn = sampledRecords.apply(sample);
            send("supervisor", new CheckSampledRecord(sample, drawn.get(0), Verdict.VERIFIED, "与原始台账一致"));
            send("supervisor", new CheckSampledRecord(sample, drawn.get(1), Verdict.FLAGGED, "所报数据无原始台账支撑"));
        });
        at(LocalDate.of(2023, 12, 20), 15, () -> {
            List<String> drawn = sampledRecords.apply(sample);
            send("supervisor2", new RecheckSampledRecord(sample, drawn.get(0), Verdict.VERIFIED, "复核属实"));
            send("supervisor2", new RecheckSampledRecord(sample, drawn.get(1), Verdict.FLAGGED,
                    "经核实，所报核查人数系估算，无原始记录"));
        });
    }

    /** Reports submitted from this day on still wait for the lead office's decision (信息待审核). */
    public static final LocalDate STILL_IN_REVIEW_FROM = LocalDate.of(2023, 11, 1);

    /** What units write about (信息材料): a title, its text, its category; every third filed with its original. */
    static final String[][] INFO = {
            {"新居民积分制管理工作动态", "工作动态", "本月共受理新居民积分申请%d件，审核通过%d件，积分入学、积分落户等服务事项全部按时办结，窗口实行“一次办”。"},
            {"出租房屋“以房管人”做法", "经验做法", "依托网格员对辖区出租房屋开展逐户走访，新登记出租房屋%d套、核销%d套，建立房东、二房东责任清单，信息登记率稳步提升。"},
            {"融合组织开展关爱“小候鸟”活动", "工作动态", "暑期组织新居民子女开展“小候鸟”夏令营%d场，参与家庭%d户，志愿者全程参与服务。"},
            {"群租房整治中存在的问题和建议", "问题建议", "整治中发现部分群租房反复回潮，建议建立部门联合巡查机制，本月联合执法%d次，整改隐患%d处。"},
            {"流动人口信息登记核查进展", "工作动态", "组织专管员开展信息核查，核查流动人口%d人，更正错误信息%d条，信息准确率进一步提高。"}};

    private void infoReports(String unit, int count, double acceptRate) {
        for (int i = 0; i < count; i++) {
            String report = id("info");
            String[] what = INFO[random.nextInt(INFO.length)];
            String text = String.format(what[2], 10 + random.nextInt(190), 5 + random.nextInt(60));
            boolean filed = i % 3 == 0;
            String title = what[0] + "（" + (i + 1) + "）";
            LocalDate submitted = day(1, 12);
            at(submitted, 10, () -> send(unit, new SubmitInfoReport(report, unit, title, submitted, text, what[1],
                    filed ? List.of(materials.document(unit, what[0] + ".pdf", "Information report  " + report, 12)) : List.of())));
            double r = random.nextDouble();
            LocalDate reviewed = submitted.plusDays(2 + random.nextInt(5));
            if (r < acceptRate) {
                on(reviewed, LEAD_OFFICE, new AcceptInfoReport(report, random.nextInt(4) == 0 ? InfoLevel.TYPICAL : InfoLevel.GENERAL));
            } else if (r < acceptRate + 0.15) {
                on(reviewed, LEAD_OFFICE, new RejectInfoReport(report, "内容与已录用信息重复"));
            } else if (submitted.isBefore(STILL_IN_REVIEW_FROM)) {
                // Reviewed in its turn, as a lead office works: the queue holds the last weeks' reports, not the year's.
                // At a fixed time, drawing nothing from the demo's randomness: every later act keeps its own.
                onAt(reviewed, LocalTime.of(16, 30), LEAD_OFFICE, new AcceptInfoReport(report, InfoLevel.GENERAL));
            }
        }
    }

    private void street(String unit, double d) {
        int trainings = (int) Math.round(d * 3);
        for (int i = 0; i < trainings; i++) {
            String id = id("training");
            LocalDate heldOn = day(2, 11);
            int attendees = 30 + random.nextInt(60);
            // The first training of each sub-district has its sign-in sheet and a photo filed, as seed 003 asks.
            boolean filed = i == 0;
            at(heldOn, 17, () -> send(unit, new RecordTraining(id, unit, heldOn, "专管员、积分窗口人员业务培训", attendees, BigDecimal.valueOf(2),
                    TrainingKind.BUSINESS, "社区专管员、积分窗口人员", filed ? materials.forTraining(unit, id, heldOn.toString(), attendees) : List.of())));
        }
        infoReports(unit, 2 + (int) Math.round(d * 12), 0.5 + d * 0.4);
        if (d > 0.4) {
            String campaign = id("campaign");
            on(LocalDate.of(2023, 3, 15), unit, new LaunchCampaign(campaign, unit, "GROUP_RENTAL", "出租房屋“群租群居”专项整治", LocalDate.of(2023, 3, 15)));
            campaigns.put(unit, campaign);
            BigDecimal communities = BigDecimal.valueOf(2 + random.nextInt(6));
            at(LocalDate.of(2023, 6, 30), 16, () -> send(unit, new RecordCampaignProgress(campaign, "communities_rectified", communities, LocalDate.of(2023, 6, 30),
                    List.of(materials.document(unit, "整治台账-2023-06.pdf", "Campaign ledger  " + campaign, 15).sha256(),
                            materials.photo(unit, "整治后现场-2023-06.png").sha256()))));
            if (d > 0.7) {
                on(LocalDate.of(2023, 11, 30), unit, new CloseCampaign(campaign, LocalDate.of(2023, 11, 30), "整治完成，巩固成果"));
            }
        }
        indicator(unit, "registration_rate", rate(88 + d * 5, 93 + d * 7));
        indicator(unit, "accuracy_rate", rate(85 + d * 5, 90 + d * 9));
        indicator(unit, "rental_registration_rate", rate(88 + d * 5, 93 + d * 7));
        indicator(unit, "member_rate", rate(6 + d * 4, 10 + d * 6));
        indicator(unit, "core_member_rate", rate(20 + d * 10, 30 + d * 15));
        indicator(unit, "pregnancy_service_rate", rate(85, 99));
        indicator(unit, "training_coverage_rate", rate(20 + d * 10, 30 + d * 15));
        indicator(unit, "vaccination_rate", rate(82, 99));
        // S2.1 reads this year's supply of lawful rental homes against 2022's (DemoPreviousYear): the
        // less diligent let it fall.
        on(yearEndReporting(), unit, new ReportIndicator(id("ind"), unit, "rental_supply", 2023,
                BigDecimal.valueOf(Math.round(DemoPreviousYear.rentalSupply2022(unit) * (0.94 + d * 0.14))), null, null));
        int failures = (int) Math.round((1 - d) * 3);
        for (int q = 1; q <= failures; q++) {
            on(LocalDate.of(2023, q * 3 + 1, 5), LEAD_OFFICE, new RecordFailure(id("failure"), unit, SCHEME, "S1.1", "第" + q + "季度无工作总结",
                    LocalDate.of(2023, q * 3, 28)));
        }
        if (random.nextDouble() < d - 0.3) {
            LocalDate published = day(4, 11);
            on(published.plusDays(3), unit, new RecordAchievement(id("media"), unit, FactKind.MEDIA_PUBLICATION, random.nextBoolean() ? "CITY" : "PROVINCE",
                    "新居民融合服务经验被主流媒体报道", published));
        }
        if (d < 0.5) {
            on(LocalDate.of(2023, 12, 27), LEAD_OFFICE, new AdjustScore(id("adj"), unit, SCHEME, "S2.3", BigDecimal.valueOf(-2), "企业主体责任落实检查发现不到位"));
        }
        on(LocalDate.of(2023, 12, 22), unit, new RecordSelfAssessment(id("self"), unit, SCHEME, "S1.4", BigDecimal.valueOf(6), "按要求开展业务培训"));
        on(LocalDate.of(2023, 12, 22), unit, new RecordSelfAssessment(id("self"), unit, SCHEME, "S1.3", BigDecimal.valueOf(8), "积极报送信息"));
    }

    private void department(String unit, double d, SchemeDocument scheme) {
        infoReports(unit, (int) Math.round(d * 6), 0.6 + d * 0.3);
        int failures = (int) Math.round((1 - d) * 2);
        for (int i = 0; i < failures; i++) {
            LocalDate failedOn = day(3, 11);
            on(failedOn.plusDays(3), LEAD_OFFICE, new RecordFailure(id("failure"), unit, SCHEME, i == 0 ? "D0.1" : "D0.2",
                    i == 0 ? "年初无工作计划" : "未参加领导小组会议", failedOn));
        }
        List<SchemeItem> own = scheme.items().stream()
                .filter(i -> i.appliesToOrDefault().units() != null && i.appliesToOrDefault().units().contains(unit))
                .filter(i -> i.rulesOrEmpty().stream().anyMatch(r -> r.kind() == RuleKind.DISCRETIONARY))
                .toList();
        if (!own.isEmpty() && random.nextDouble() > d) {
            SchemeItem item = own.get(random.nextInt(own.size()));
            on(LocalDate.of(2023, 12, 27), LEAD_OFFICE, new AdjustScore(id("adj"), unit, SCHEME, item.code(), BigDecimal.valueOf(-(1 + random.nextInt(5))),
                    "督查发现：" + item.title() + "落实不到位"));
        }
        if (unit.equals("gafj")) {
            indicator(unit, "rental_registration_rate", rate(92, 97));
            indicator(unit, "registration_rate", rate(93, 98));
            indicator(unit, "accuracy_rate", rate(89, 96));
            indicator(unit, "online_declaration_rate", rate(45, 60));
            indicator(unit, "crime_rate", new BigDecimal("1.6"));
            on(LocalDate.of(2023, 4, 12), unit, new RecordTraining(id("training"), unit, LocalDate.of(2023, 4, 12), "流动人口专管员和出租房屋登记点负责人业务培训",
                    120, BigDecimal.valueOf(3)));
        }
        if (unit.equals("rsj")) {
            for (int i = 0; i < 8; i++) {
                LocalDate heldOn = day(2, 11);
                on(heldOn, unit, new RecordTraining(id("training"), unit, heldOn, "职业技能培训", 600 + random.nextInt(900), BigDecimal.valueOf(8),
                        TrainingKind.SKILLS, "务工人员", List.of()));
            }
            indicator(unit, "labor_dispute_closure_rate", rate(88, 97));
            indicator(unit, "worker_training_rate", rate(25, 40));
        }
        if (unit.equals("zjj")) {
            indicator(unit, "rental_registration_rate", rate(87, 95));
        }
        if (random.nextDouble() < 0.1) {
            LocalDate promoted = day(5, 11);
            on(promoted.plusDays(5), unit, new RecordAchievement(id("promotion"), unit, FactKind.PROMOTION, "CITY", "工作经验在全市推广", promoted));
        }
    }

    private void indicator(String unit, String name, BigDecimal value) {
        on(yearEndReporting(), unit, new ReportIndicator(id("ind"), unit, name, 2023, value.min(BigDecimal.valueOf(100)), null, null));
    }

    /** Units report the year's figures in its last weeks. */
    private LocalDate yearEndReporting() {
        return LocalDate.of(2023, 12, 11).plusDays(random.nextInt(14));
    }

    /**
     * This year's assignments, dated around today so the board shows every light: due in two days
     * (BLUE), a monthly report missed by units that have not reported (YELLOW), on track (GREEN),
     * past due (RED), and one done early, its completion waiting for the lead office.
     */
    private void currentAssignments(List<RosterUnit> roster) {
        now(() -> currentAssignmentsToday(roster));
    }

    private void currentAssignmentsToday(List<RosterUnit> roster) {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        List<String> streets = roster.stream().filter(u -> u.type() == UnitType.STREET).map(RosterUnit::id).toList();
        String dueSoon = id("assignment");
        send(LEAD_OFFICE, new IssueAssignment(dueSoon, "年末流动人口信息核查", "逐户核查，确保信息准确", null, null, "gafj",
                streets.subList(0, 4), "核查率100%", today.plusDays(2), List.of(), ReportingFrequency.NONE, today.minusDays(20)));
        String monthly = id("assignment");
        send(LEAD_OFFICE, new IssueAssignment(monthly, "返岗务工人员服务保障", "每月报送服务保障情况", null, null, "rsj",
                streets.subList(4, 9), "服务保障全覆盖", today.plusDays(40), List.of(), ReportingFrequency.MONTHLY, today.minusDays(45)));
        for (String u : streets.subList(4, 7)) {
            send(u, new AcknowledgeAssignment(monthly, u));
        }
        String onTrack = id("assignment");
        send(LEAD_OFFICE, new IssueAssignment(onTrack, "出租房屋消防安全检查", null, null, null, "zhzfj",
                List.of("yjglj", streets.get(9)), "检查全覆盖", today.plusDays(60), List.of(), ReportingFrequency.NONE, today));
        String late = id("assignment");
        send(LEAD_OFFICE, new IssueAssignment(late, "重点人员动态管控", null, null, null, "gafj", List.of("shzlzx"),
                "动态管控到位", today.minusDays(5), List.of(), ReportingFrequency.NONE, today.minusDays(30)));
        send("gafj", new AcknowledgeAssignment(late, "gafj"));
        // Done early, waiting for the lead office to accept it or send it back (办结待审核).
        String done = id("assignment");
        send(LEAD_OFFICE, new IssueAssignment(done, "流动人口服务站点规范化自查", "对照标准逐项自查，报送自查报告", null, null, "gafj",
                List.of(), "自查全覆盖", today.plusDays(10), List.of(), ReportingFrequency.NONE, today.minusDays(40)));
        send("gafj", new AcknowledgeAssignment(done, "gafj"));
        send("gafj", new SubmitAssignmentCompletion(done, "gafj", "已对照标准完成全部站点自查，问题已整改，报送自查报告及整改台账。",
                List.of(materials.document("gafj", "服务站点自查报告.pdf", "Self-inspection report  " + done, 12).sha256(),
                        materials.photo("gafj", "站点整改后.png").sha256())));
    }

    /**
     * An assignment finished after its deadline: submitted on {@code submittedOn}, accepted two days
     * later. The demo's store is read years after 2023; an assignment of that year left open would
     * read as over a thousand days late in every statistic, which no district's board shows. At fixed
     * times of day, so that every other act keeps its draw of the demo's randomness.
     */
    private void completedLate(String assignment, String lead, LocalDate submittedOn, String summary) {
        onAt(submittedOn, LocalTime.of(15, 20), lead, new SubmitAssignmentCompletion(assignment, lead, summary));
        onAt(submittedOn.plusDays(2), LocalTime.of(10, 10), LEAD_OFFICE, new AcceptAssignmentCompletion(assignment, "同意办结，逾期情况已记录"));
    }

    /**
     * The year's assignments (交办), phased as in seed 002, each finished by the year's end, some late
     * (today's assignments, {@link #currentAssignments}, show the lights of work still open).
     */
    private void assignments(List<RosterUnit> roster) {
        List<String> streets = roster.stream().filter(u -> u.type() == UnitType.STREET).map(RosterUnit::id).toList();
        List<Phase> phases = List.of(new Phase("动员部署", LocalDate.of(2023, 3, 31)), new Phase("任务攻坚", LocalDate.of(2023, 8, 31)),
                new Phase("稳步推进", LocalDate.of(2023, 11, 30)));
        record Plan(String title, String lead, List<String> responsible, String item, LocalDate deadline, List<Phase> phases,
                    ReportingFrequency frequency, String target, String outcome) {
        }
        List<Plan> plans = List.of(
                new Plan("出租房屋“群租群居”专项整治", "gafj", streets.subList(0, 5), "S2.4", LocalDate.of(2023, 11, 30), phases,
                        ReportingFrequency.PER_PHASE, "整治群租房100家以上", "completed"),
                new Plan("流动人口信息登记率提升行动", "gafj", streets.subList(5, 10), "S2.5", LocalDate.of(2023, 9, 30), List.of(),
                        ReportingFrequency.MONTHLY, "信息登记率95%以上", "returned-then-completed"),
                new Plan("法治安全文明宣教培训进企业", "sfj", List.of("rsj", "yjglj"), null, LocalDate.of(2023, 10, 31), List.of(),
                        ReportingFrequency.MONTHLY, "轮训外来务工人员30%以上", "extended-then-completed"),
                new Plan("流动人口子女积分入学保障", "jyj", List.of("fgj"), null, LocalDate.of(2023, 8, 31), List.of(),
                        ReportingFrequency.NONE, "符合条件子女入学率100%", "completed"),
                new Plan("居住房屋租赁登记点规范化建设", "zjj", streets.subList(0, 3), null, LocalDate.of(2023, 12, 15), List.of(),
                        ReportingFrequency.MONTHLY, "登记点全部规范", "urged-then-completed-late"),
                new Plan("融合性社会组织标准化建设", "mzj", streets.subList(3, 8), "S2.2", LocalDate.of(2023, 10, 15), List.of(),
                        ReportingFrequency.MONTHLY, "会员数达10%以上", "extension-denied-then-completed-late"),
                new Plan("企业厂房违规居住整治", "yjglj", List.of("jxj", "scjgj"), null, LocalDate.of(2023, 7, 31), List.of(),
                        ReportingFrequency.WEEKLY, "排查整改全覆盖", "urged-after-deadline-then-completed-late"),
                new Plan("“浙里新市民”平台数据共享", "dsjzx", List.of("gafj"), null, LocalDate.of(2023, 12, 31), List.of(),
                        ReportingFrequency.NONE, "系统集成上线", "completed"));
        for (Plan p : plans) {
            String a = id("assignment");
            LocalDate issued = p.deadline().minusMonths(5).isBefore(LocalDate.of(2023, 2, 20)) ? LocalDate.of(2023, 2, 20) : p.deadline().minusMonths(5);
            on(issued, LEAD_OFFICE, new IssueAssignment(a, p.title(), "依据《北仑区2023年度流动人口服务管理目标责任制考核办法》交办。", p.item() == null ? null : SCHEME,
                    p.item(), p.lead(), p.responsible(), p.target(), p.deadline(), p.phases(), p.frequency(), null));
            List<String> units = new ArrayList<>();
            units.add(p.lead());
            units.addAll(p.responsible());
            for (String u : units) {
                if (random.nextDouble() < 0.85) {
                    on(issued.plusDays(1 + random.nextInt(3)), u, new AcknowledgeAssignment(a, u));
                    on(issued.plusDays(20 + random.nextInt(20)), u, new ReportAssignmentProgress(a, u, "已部署落实，按计划推进", Map.of("completed", BigDecimal.valueOf(5 + random.nextInt(30))),
                            campaigns.containsKey(u) ? List.of(new FactLink(FactLink.Kind.CAMPAIGN, campaigns.get(u))) : List.of()));
                }
            }
            switch (p.outcome()) {
                case "completed" -> {
                    on(p.deadline().minusDays(6), p.lead(), new SubmitAssignmentCompletion(a, p.lead(), "已完成交办任务，台账齐全",
                            List.of(materials.document(p.lead(), "办结报告.pdf", "Completion report  " + a, 10).sha256())));
                    on(p.deadline().minusDays(3), LEAD_OFFICE, new AcceptAssignmentCompletion(a, "同意办结"));
                }
                case "returned-then-completed" -> {
                    on(p.deadline().minusDays(15), p.lead(), new SubmitAssignmentCompletion(a, p.lead(), "已完成"));
                    on(p.deadline().minusDays(12), LEAD_OFFICE, new ReturnAssignmentCompletion(a, "缺少各街道登记率台账，请补充"));
                    on(p.deadline().minusDays(6), p.lead(), new SubmitAssignmentCompletion(a, p.lead(), "已补充台账",
                            List.of(materials.document(p.lead(), "各街道登记率台账.pdf", "Registration rates by street  " + a, 10).sha256())));
                    on(p.deadline().minusDays(4), LEAD_OFFICE, new AcceptAssignmentCompletion(a, "同意办结"));
                }
                case "extended-then-completed" -> {
                    on(p.deadline().minusDays(12), p.lead(), new RequestAssignmentExtension(a, p.lead(), p.deadline().plusMonths(1), "培训师资调整"));
                    on(p.deadline().minusDays(10), LEAD_OFFICE, new GrantAssignmentExtension(a));
                    on(p.deadline().plusMonths(1).minusDays(4), p.lead(), new SubmitAssignmentCompletion(a, p.lead(), "已完成全部培训"));
                    on(p.deadline().plusMonths(1).minusDays(2), LEAD_OFFICE, new AcceptAssignmentCompletion(a, "同意办结"));
                }
                case "extension-denied-then-completed-late" -> {
                    on(p.deadline().minusDays(14), p.lead(), new RequestAssignmentExtension(a, p.lead(), p.deadline().plusMonths(2), "部分社区推进较慢"));
                    on(p.deadline().minusDays(12), LEAD_OFFICE, new DenyAssignmentExtension(a, "年度考核节点不能推迟，请加快推进"));
                    on(p.deadline().minusDays(11), LEAD_OFFICE, new UrgeAssignment(a, List.of(), "请于本月底前完成并报送进展"));
                    completedLate(a, p.lead(), p.deadline().plusDays(9), "已完成全部社区标准化建设，逾期原因：部分社区会员发展滞后");
                }
                case "urged-then-completed-late" -> {
                    on(p.deadline().minusDays(20), LEAD_OFFICE, new UrgeAssignment(a, List.of(), "请加快登记点规范化建设进度"));
                    completedLate(a, p.lead(), p.deadline().plusDays(12), "登记点已全部完成规范化建设，逾期原因：场地调整");
                }
                case "urged-after-deadline-then-completed-late" -> {
                    onAt(p.deadline().plusDays(5), LocalTime.of(9, 40), LEAD_OFFICE, new UrgeAssignment(a, List.of(), "已超过办理期限，请尽快完成整治并报送"));
                    completedLate(a, p.lead(), p.deadline().plusDays(24), "排查发现的违规居住点已全部整改到位");
                }
                default -> throw new IllegalStateException("no such outcome: " + p.outcome());
            }
        }
    }

    /** A finding of the mid-year round, and what its unit and the supervisors did about its rectification afterwards. */
    private record DemoFinding(String unit, String item, String text, Severity severity, java.util.function.Consumer<String> afterwards) {
    }
}
