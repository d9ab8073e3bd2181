package cn.duban.command.domain;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.command.AdjustScore;
import cn.duban.kernel.command.LaunchCampaign;
import cn.duban.kernel.command.RecordAchievement;
import cn.duban.kernel.command.RecordFailure;
import cn.duban.kernel.command.RecordTraining;
import cn.duban.kernel.command.ReportIndicator;
import cn.duban.kernel.command.SubmitInfoReport;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates the fact aggregates of a unit after checking what they refer to: the unit must be
 * registered; an assessor record must name an item of an existing scheme. Facts stay small
 * aggregates of their own instead of growing the unit's stream all year.
 */
@Component
public class UnitFactsCommandHandler {
    private final Repository<Unit> units;
    private final Repository<Scheme> schemes;
    private final Repository<Training> trainings;
    private final Repository<InfoReport> infoReports;
    private final Repository<Campaign> campaigns;
    private final Repository<IndicatorReport> indicators;
    private final Repository<Achievement> achievements;
    private final Repository<ScoreAdjustment> adjustments;
    private final Repository<AssessorFailure> failures;

    public UnitFactsCommandHandler(Repository<Unit> units, Repository<Scheme> schemes, Repository<Training> trainings,
                                   Repository<InfoReport> infoReports, Repository<Campaign> campaigns,
                                   Repository<IndicatorReport> indicators, Repository<Achievement> achievements,
                                   Repository<ScoreAdjustment> adjustments, Repository<AssessorFailure> failures) {
        this.units = units;
        this.schemes = schemes;
        this.trainings = trainings;
        this.infoReports = infoReports;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.achievements = achievements;
        this.adjustments = adjustments;
        this.failures = failures;
    }

    @CommandHandler
    public String handle(RecordTraining command) throws Exception {
        requireUnit(command.unitId());
        trainings.newInstance(() -> new Training(command));
        return command.trainingId();
    }

    @CommandHandler
    public String handle(SubmitInfoReport command) throws Exception {
        requireUnit(command.unitId());
        infoReports.newInstance(() -> new InfoReport(command));
        return command.reportId();
    }

    @CommandHandler
    public String handle(LaunchCampaign command) throws Exception {
        requireUnit(command.unitId());
        campaigns.newInstance(() -> new Campaign(command));
        return command.campaignId();
    }

    @CommandHandler
    public String handle(ReportIndicator command) throws Exception {
        requireUnit(command.unitId());
        indicators.newInstance(() -> new IndicatorReport(command));
        return command.reportId();
    }

    @CommandHandler
    public String handle(RecordAchievement command) throws Exception {
        requireUnit(command.unitId());
        if (!command.kind().isAchievement()) {
            throw new InvalidInputException("kind", "须为 MEDIA_PUBLICATION、LEADER_INSTRUCTION 或 PROMOTION / must be an achievement kind");
        }
        achievements.newInstance(() -> new Achievement(command));
        return command.achievementId();
    }

    @CommandHandler
    public String handle(AdjustScore command) throws Exception {
        requireUnit(command.unitId());
        requireItem(command.schemeId(), command.itemCode());
        adjustments.newInstance(() -> new ScoreAdjustment(command));
        return command.adjustmentId();
    }

    @CommandHandler
    public String handle(RecordFailure command) throws Exception {
        requireUnit(command.unitId());
        SchemeItem item = requireItem(command.schemeId(), command.itemCode());
        if (item.rulesOrEmpty().stream().noneMatch(r -> r.kind() == RuleKind.PER_FAILURE)) {
            throw new InvalidInputException("itemCode", "该项目不按次扣分（无 PER_FAILURE 规则）/ item " + item.code() + " has no PER_FAILURE rule");
        }
        failures.newInstance(() -> new AssessorFailure(command));
        return command.failureId();
    }

    private void requireUnit(String unitId) {
        try {
            units.load(AggregateIds.unit(unitId));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("单位不存在 / unit not found: " + unitId);
        }
    }

    private SchemeItem requireItem(String schemeId, String itemCode) {
        Scheme scheme;
        try {
            scheme = schemes.load(AggregateIds.scheme(schemeId)).invoke(s -> s);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("考核方案不存在 / scheme not found: " + schemeId);
        }
        return scheme.item(itemCode).orElseThrow(() ->
                new InvalidInputException("itemCode", "方案中没有该项目 / no item " + itemCode + " in scheme " + schemeId));
    }
}
