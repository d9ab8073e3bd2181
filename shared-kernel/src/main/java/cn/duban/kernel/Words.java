package cn.duban.kernel;

import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.SystemActors;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.scheme.AchievementLevels;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scoring.YearEnd;
import cn.duban.kernel.supervision.InspectionMethod;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.SamplingPeriod;
import cn.duban.kernel.supervision.Severity;
import cn.duban.kernel.supervision.Verdict;
import cn.duban.kernel.unit.UnitType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words a person reads for every code the API answers with: statuses, kinds, levels, lights,
 * indicators, in Chinese first and in English. The API keeps its codes (a client computes with
 * them); the web app shows these words, read once from {@code GET /api/dictionary}. One place, so a
 * screen never shows {@code COMPLETION_SUBMITTED} or {@code gafj}; a test checks every constant of
 * every enum listed here has its words.
 */
public final class Words {
    public record Word(String zh, String en) {
    }

    private static final Map<String, Map<String, Word>> GROUPS = new LinkedHashMap<>();

    static {
        group("unitType", UnitType.STREET, "街道", "Sub-district", UnitType.DEPARTMENT, "部门", "Department");
        group("role", Role.LEAD_OFFICE, "流管中心", "Lead office", Role.UNIT_STAFF, "单位人员", "Unit staff",
                Role.SUPERVISOR, "督查组", "Supervisor", Role.LEADER, "领导查看", "Leader (read only)");
        group("assignmentStatus", AssignmentStatus.OPEN, "办理中", "Open", AssignmentStatus.COMPLETION_SUBMITTED, "待审核办结", "Completion submitted",
                AssignmentStatus.COMPLETED, "已办结", "Completed", AssignmentStatus.CANCELLED, "已撤销", "Cancelled");
        group("light", Light.GREEN, "正常推进", "On track", Light.BLUE, "临近期限", "Due soon", Light.YELLOW, "未按时报送", "Report missed",
                Light.RED, "已逾期", "Overdue", Light.NONE, "已结束", "Closed");
        group("reportingFrequency", ReportingFrequency.NONE, "办结时报送", "At completion", ReportingFrequency.WEEKLY, "每周报送", "Weekly",
                ReportingFrequency.MONTHLY, "每月报送", "Monthly", ReportingFrequency.PER_PHASE, "每阶段报送", "Each phase");
        group("infoLevel", InfoLevel.GENERAL, "一般信息", "General", InfoLevel.TYPICAL, "典型经验综合类信息", "Typical experience");
        Map<String, Word> kinds = new LinkedHashMap<>();
        for (TrainingKind k : TrainingKind.values()) {
            kinds.put(k.name(), new Word(k.label(), k.name().charAt(0) + k.name().substring(1).toLowerCase()));
        }
        GROUPS.put("trainingKind", kinds);
        group("factKind", FactKind.TRAINING, "培训", "Training", FactKind.INFO_SUBMITTED, "信息报送", "Information report submitted",
                FactKind.INFO_ACCEPTED, "信息录用", "Information report accepted", FactKind.INFO_REJECTED, "信息退回", "Information report rejected",
                FactKind.CAMPAIGN_LAUNCHED, "启动专项整治", "Campaign launched", FactKind.CAMPAIGN_PROGRESS, "整治进展", "Campaign progress",
                FactKind.CAMPAIGN_CLOSED, "专项整治完成", "Campaign closed", FactKind.MEDIA_PUBLICATION, "媒体刊发", "Media publication",
                FactKind.LEADER_INSTRUCTION, "领导批示", "Leader's instruction", FactKind.PROMOTION, "经验推广", "Promotion",
                FactKind.COPY_NOTICE_ESCALATED, "抄告单逾期未反馈", "Copy notice unanswered", FactKind.SAMPLE_CONFIRMED, "抽查属实", "Sample borne out",
                FactKind.SAMPLE_FLAGGED, "抽查不实", "Sample found untrue");
        Map<String, Word> levels = new LinkedHashMap<>();
        for (String level : new String[]{"DISTRICT", "CITY", "PROVINCE", "NATIONAL", "CENTRAL"}) {
            levels.put(level, new Word(AchievementLevels.zh(level), level.charAt(0) + level.substring(1).toLowerCase()));
        }
        GROUPS.put("achievementLevel", levels);
        Map<String, Word> indicators = new LinkedHashMap<>();
        Indicators.known().forEach(i -> indicators.put(i.key(), new Word(i.zh(), i.en())));
        GROUPS.put("indicator", indicators);
        // Indicators reported as whole counts rather than percents (a form asks for a number, not a rate).
        Map<String, Word> counts = new LinkedHashMap<>();
        Indicators.known().stream().filter(i -> i.unit() == Indicators.Unit.COUNT).forEach(i -> counts.put(i.key(), new Word("数量", "Count")));
        GROUPS.put("countIndicator", counts);
        group("ruleKind", RuleKind.QUOTA, "次数要求", "Quota", RuleKind.DONE, "是否开展", "Done or not", RuleKind.COUNT_TARGET, "数量目标", "Count target",
                RuleKind.PER_ITEM, "按件计分", "Points per item", RuleKind.THRESHOLD, "达标要求", "Threshold", RuleKind.PER_POINT, "按百分点扣分", "Per point",
                RuleKind.VS_PREVIOUS_YEAR, "与上年比较", "Against last year", RuleKind.PER_FAILURE, "按次扣分", "Per failure",
                RuleKind.DISCRETIONARY, "酌情扣分", "Discretionary", RuleKind.TIERED_BONUS, "分级加分", "Tiered bonus",
                RuleKind.DEDUCT_PER_FACT, "按平台记录扣分", "Per recorded fact");
        Map<String, Word> sources = new LinkedHashMap<>(GROUPS.get("ruleKind"));
        sources.put("ADJUSTMENT", new Word("考核组调整", "Assessor adjustment"));
        sources.put("APPEAL", new Word("申诉", "Appeal"));
        sources.put("SAMPLING", new Word("抽查核实", "Sampling"));
        sources.put("WITHDRAWAL", new Word("记录撤回", "Withdrawn"));
        sources.put("CLAMP", new Word("分值限制", "Held to the item's range"));
        GROUPS.put("contributionSource", sources);
        group("roundKind", RoundKind.MID_YEAR, "年中督查", "Mid-year", RoundKind.YEAR_END, "年终督查", "Year-end", RoundKind.SPECIAL, "专项督查", "Special");
        Map<String, Word> methods = new LinkedHashMap<>();
        for (InspectionMethod m : InspectionMethod.values()) {
            methods.put(m.name(), new Word(m.label(), m == InspectionMethod.ANNOUNCED ? "Announced" : "Unannounced"));
        }
        GROUPS.put("inspectionMethod", methods);
        group("severity", Severity.MINOR, "一般", "Minor", Severity.MAJOR, "较重", "Major", Severity.SERIOUS, "严重", "Serious");
        group("verdict", Verdict.VERIFIED, "属实", "Borne out", Verdict.FLAGGED, "不实", "Untrue");
        group("sampleKind", SampleKind.TRAINING, "培训", "Trainings", SampleKind.INFO_REPORT, "信息", "Information reports",
                SampleKind.INDICATOR_REPORT, "指标数据", "Indicator figures", SampleKind.CAMPAIGN_PROGRESS, "整治进展", "Campaign progress",
                SampleKind.CAMPAIGN, "专项整治", "Campaigns", SampleKind.ACHIEVEMENT, "工作成果", "Achievements");
        Map<String, Word> periods = new LinkedHashMap<>();
        for (SamplingPeriod p : SamplingPeriod.values()) {
            periods.put(p.name(), new Word(p.label(), p == SamplingPeriod.MONTH ? "Monthly" : "Quarterly"));
        }
        GROUPS.put("samplingPeriod", periods);
        Map<String, Word> grades = new LinkedHashMap<>();
        for (YearEnd.Grade g : YearEnd.Grade.values()) {
            grades.put(g.name(), new Word(g.label(), g.name().charAt(0) + g.name().substring(1).toLowerCase()));
        }
        GROUPS.put("grade", grades);
        // Statuses of read models that are words, not enums.
        strings("infoReportStatus", "SUBMITTED", "待审核", "Awaiting review", "ACCEPTED", "已录用", "Accepted", "REJECTED", "已退回", "Rejected",
                "WITHDRAWN", "已撤回", "Withdrawn");
        // A training's, an achievement's or an indicator figure's: none, or withdrawn.
        strings("recordStatus", "WITHDRAWN", "已撤回", "Withdrawn");
        strings("appealStatus", "FILED", "待处理", "Filed", "UPHELD", "申诉成立", "Upheld", "REJECTED", "已驳回", "Rejected",
                "WITHDRAWN", "已撤回", "Withdrawn");
        strings("rectificationStatus", "ORDERED", "待整改", "To rectify", "REPORTED", "待核实", "To verify", "VERIFIED", "已核实", "Verified");
        strings("rectificationEvent", "ORDERED", "下达整改", "Ordered", "REPORTED", "报送整改", "Reported", "REJECTED", "退回重改", "Returned",
                "VERIFIED", "核实通过", "Verified", "LISTED", "挂牌督办", "Listed");
        strings("recordKind", "TRAINING", "培训", "Training", "INFO_REPORT", "信息", "Information report", "INDICATOR", "指标数据", "Indicator figure",
                "ACHIEVEMENT", "工作成果", "Achievement", "APPEAL", "申诉", "Appeal", "CAMPAIGN", "专项整治", "Campaign");
        strings("copyNoticeStatus", "SENT", "待反馈", "Awaiting answer", "ANSWERED", "已反馈", "Answered", "ESCALATED", "逾期已督办", "Escalated");
        strings("sampledRecordStatus", "DRAWN", "待核查", "To check", "CHECKED", "待复核", "To recheck", "VERIFIED", "属实", "Borne out",
                "FLAGGED", "不实", "Untrue");
        strings("findingStatus", "STANDS", "成立", "Stands", "PROPOSED", "待确认", "To confirm", "CONFIRMED", "已确认", "Confirmed",
                "DISMISSED", "已驳回", "Dismissed");
        // A campaign's kind and its measures are codes a scheme's rules may name; these are the ones the seeds' campaigns use.
        strings("campaignKind", "GROUP_RENTAL", "出租房屋“群租群居”整治", "Group rentals", "UNLICENSED", "无证照餐饮和食品小作坊整治",
                "Unlicensed eateries and workshops", "STALLS", "流动摊贩无证经营整治", "Unlicensed street stalls", "OTHER", "其他专项整治", "Other campaign");
        strings("measure", "communities_rectified", "整治小区（个）", "Communities rectified", "stalls_banned", "取缔流动摊贩（处）", "Stalls banned",
                "unlicensed_eateries", "整治无证餐饮（家）", "Unlicensed eateries dealt with", "unlicensed_workshops", "整治无证食品小作坊（家）",
                "Unlicensed workshops dealt with", "households_visited", "走访出租户（户）", "Households visited");
        strings("campaignStatus", "OPEN", "进行中", "Under way", "CLOSED", "已完成", "Closed", "WITHDRAWN", "已撤回", "Withdrawn");
        strings("roundStatus", "OPEN", "进行中", "Open", "CLOSED", "已关闭", "Closed", "PUBLISHED", "已通报", "Published");
        strings("schemeStatus", "DRAFT", "草稿", "Draft", "PUBLISHED", "已发布", "Published");
        strings("notificationKind", "ASSIGNMENT_ISSUED", "新交办任务", "New assignment", "DEADLINE_NEAR", "临期提醒", "Deadline near",
                "OVERDUE", "任务逾期", "Overdue", "URGED", "催办", "Urged", "COMPLETION_RETURNED", "办结被退回", "Completion returned",
                "REPORT_MISSED", "未按时报送", "Report missed", "INFO_REPORT_REJECTED", "信息被退回", "Information report rejected",
                "RECORD_DISQUALIFIED", "抽查不实", "Record found untrue", "RECORD_WITHDRAWN", "记录被撤回", "Record withdrawn", "RECORD_ENTERED", "代录", "Entered for you", "RECTIFICATION_ORDERED", "限期整改", "Rectification ordered",
                "RECTIFICATION_REJECTED", "整改被退回", "Rectification returned", "LISTED_SUPERVISION", "挂牌督办", "Listed supervision");
        // Who acted when no person did: the platform's own actors, as events record them.
        strings("systemActor", SystemActors.SETUP, "系统初始化", "Initial setup", SystemActors.RESET_ADMIN, "命令行重置管理员",
                "Lead office reset from the command line", SystemActors.DEADLINES, "期限检查（系统）", "Deadline checker",
                SystemActors.DEMO, "演示数据导入", "Demo data load");
        // What an assignment's history lists, by the event's type.
        strings("assignmentEvent", "AssignmentIssued", "交办", "Issued", "AssignmentAcknowledged", "签收", "Acknowledged",
                "AssignmentProgressReported", "报送进展", "Progress reported", "AssignmentUrged", "催办", "Urged",
                "AssignmentExtensionRequested", "申请延期", "Extension requested", "AssignmentExtensionGranted", "同意延期", "Extension granted",
                "AssignmentExtensionDenied", "不同意延期", "Extension denied", "AssignmentCompletionSubmitted", "申请办结", "Completion submitted",
                "AssignmentCompleted", "办结", "Completed", "AssignmentCompletionReturned", "退回重办", "Completion returned",
                "AssignmentCancelled", "撤销", "Cancelled", "AssignmentReopened", "重新打开", "Reopened",
                "AssignmentDeadlineApproaching", "临期提醒", "Deadline approaching", "AssignmentWentOverdue", "逾期", "Went overdue",
                "AssignmentReportMissed", "未按时报送", "Report missed", "AssignmentLightChanged", "亮灯变化", "Light changed");
        // The kinds of act an audit trail (操作留痕) is sorted by: the event families.
        group("eventFamily", EventFamily.REPORTING, "填报与审核", "Reporting and review", EventFamily.ASSESSMENT, "考核计分", "Scoring",
                EventFamily.ASSIGNMENT, "交办督办", "Assignments", EventFamily.SUPERVISION, "督查", "Supervision",
                EventFamily.SCHEME, "考核方案", "Schemes", EventFamily.UNIT, "考核单位", "Units", EventFamily.PEOPLE, "人员账号", "Accounts");
        // What an audit trail (操作留痕) lists: every event's type as the act it records, a verb first.
        strings("eventType",
                "TrainingRecorded", "登记培训", "Training recorded", "TrainingWithdrawn", "撤回培训记录", "Training record withdrawn",
                "InfoReportSubmitted", "报送信息", "Information report submitted", "InfoReportWithdrawn", "撤回信息", "Information report withdrawn",
                "InfoReportAccepted", "录用信息", "Information report accepted", "InfoReportRejected", "退回信息", "Information report rejected",
                "CampaignLaunched", "启动专项整治", "Campaign launched", "CampaignProgressRecorded", "报送整治进展", "Campaign progress reported",
                "CampaignProgressWithdrawn", "撤回整治进展", "Campaign progress withdrawn",
                "CampaignClosed", "完成专项整治", "Campaign closed", "CampaignWithdrawn", "撤回专项整治", "Campaign withdrawn",
                "IndicatorReported", "报送指标数据", "Indicator figure reported",
                "IndicatorReportWithdrawn", "撤回指标数据", "Indicator figure withdrawn",
                "AchievementRecorded", "登记工作成果", "Achievement recorded", "AchievementWithdrawn", "撤回工作成果", "Achievement withdrawn",
                "InspectionRoundOpened", "开启督查轮次", "Inspection round opened", "FindingRecorded", "记录督查问题", "Finding recorded",
                "FindingConfirmed", "确认互查问题", "Finding confirmed", "FindingDismissed", "驳回互查问题", "Finding dismissed",
                "InspectionScoreSet", "评定督查得分", "Inspection score set", "InspectionRoundClosed", "关闭督查轮次", "Inspection round closed",
                "InspectionRoundPublished", "通报督查结果", "Inspection results published", "SampleDrawn", "抽取样本", "Sample drawn",
                "SampledRecordChecked", "核查抽查记录", "Sampled record checked", "SampledRecordConfirmed", "复核属实", "Sampled record borne out",
                "SampledRecordDisqualified", "复核不实", "Sampled record found untrue", "RectificationOrdered", "下达整改", "Rectification ordered",
                "RectificationReported", "报送整改", "Rectification reported", "RectificationVerified", "核实整改", "Rectification verified",
                "RectificationRejected", "退回整改", "Rectification returned", "RectificationEscalated", "挂牌督办", "Listed for supervision",
                "VetoRecorded", "记录一票否决", "Veto recorded", "CopyNoticeSent", "发出抄告单", "Copy notice sent",
                "CopyNoticeAnswered", "反馈抄告单", "Copy notice answered", "CopyNoticeEscalated", "抄告单逾期督办", "Copy notice escalated",
                "SamplingPlanSet", "设定抽查计划", "Sampling plan set",
                "ScoreAdjusted", "加减分", "Score adjusted", "FailureRecorded", "记录扣分事项", "Failure recorded",
                "SelfAssessmentRecorded", "登记自评分", "Self-assessment recorded", "AppealFiled", "提出申诉", "Appeal filed",
                "AppealUpheld", "申诉成立", "Appeal upheld", "AppealRejected", "驳回申诉", "Appeal rejected",
                "AppealWithdrawn", "撤回申诉", "Appeal withdrawn",
                "ResultsPublished", "通报考核结果", "Results published",
                "AssignmentIssued", "交办任务", "Assignment issued", "AssignmentAcknowledged", "签收任务", "Assignment acknowledged",
                "AssignmentProgressReported", "报送任务进展", "Assignment progress reported", "AssignmentUrged", "催办任务", "Assignment urged",
                "AssignmentExtensionRequested", "申请延期", "Extension requested", "AssignmentExtensionGranted", "同意延期", "Extension granted",
                "AssignmentExtensionDenied", "不同意延期", "Extension denied", "AssignmentCompletionSubmitted", "申请办结", "Completion submitted",
                "AssignmentCompleted", "确认办结", "Assignment completed", "AssignmentCompletionReturned", "退回重办", "Completion returned",
                "AssignmentCancelled", "撤销任务", "Assignment cancelled", "AssignmentReopened", "重新打开任务", "Assignment reopened",
                "AssignmentDeadlineApproaching", "临期提醒", "Deadline approaching", "AssignmentWentOverdue", "任务逾期", "Assignment went overdue",
                "AssignmentReportMissed", "未按时报送", "Report missed", "AssignmentLightChanged", "亮灯变化", "Light changed",
                "NotificationRead", "阅读提醒", "Notification read", "AllNotificationsRead", "全部标为已读", "All notifications read",
                "UnitRegistered", "新增考核单位", "Unit registered", "UnitRetired", "撤并考核单位", "Unit retired",
                "UnitRenamed", "单位更名", "Unit renamed",
                "SchemeDrafted", "起草考核方案", "Scheme drafted", "SchemePublished", "发布考核方案", "Scheme published",
                "SchemeReportingClosed", "截止报送", "Reporting closed",
                "UserRegistered", "新增账号", "Account created", "UserDisabled", "停用账号", "Account disabled",
                "UserEnabled", "启用账号", "Account enabled", "RoleGranted", "调整角色", "Role changed");
        // 消息推送: a notice's delivery to a group robot, and the robots a district can use.
        strings("webhookStatus", "PENDING", "待发送", "Waiting to be sent", "SENT", "已送达", "Delivered", "FAILED", "发送失败", "Failed");
        strings("webhookKind", "DINGTALK", "钉钉群机器人", "DingTalk group robot", "WECOM", "企业微信群机器人", "WeCom group robot");
        // The role an act was recorded in: a person's role, or the demo's load of its year.
        Map<String, Word> actingRoles = new LinkedHashMap<>(GROUPS.get("role"));
        actingRoles.put("demo", new Word("演示数据导入", "Demo data load"));
        GROUPS.put("actingRole", actingRoles);
    }

    private Words() {
    }

    private static void group(String name, Object... triples) {
        Map<String, Word> words = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            words.put(((Enum<?>) triples[i]).name(), new Word((String) triples[i + 1], (String) triples[i + 2]));
        }
        GROUPS.put(name, words);
    }

    private static void strings(String name, String... triples) {
        Map<String, Word> words = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            words.put(triples[i], new Word(triples[i + 1], triples[i + 2]));
        }
        GROUPS.put(name, words);
    }

    /** Every group: its name → code → words. */
    public static Map<String, Map<String, Word>> all() {
        return Collections.unmodifiableMap(GROUPS);
    }

    /** The codes of a group, in their order (none for a group that does not exist). */
    public static java.util.Set<String> codes(String group) {
        return Collections.unmodifiableSet(GROUPS.getOrDefault(group, Map.of()).keySet());
    }

    /** The Chinese of a code in a group, or the code itself when it has none. */
    public static String zh(String group, String code) {
        Word w = GROUPS.getOrDefault(group, Map.of()).get(code);
        return w == null ? code : w.zh();
    }

    /** The English of a code in a group, or the code itself when it has none. */
    public static String en(String group, String code) {
        Word w = GROUPS.getOrDefault(group, Map.of()).get(code);
        return w == null ? code : w.en();
    }
}
