package cn.duban.command.common;

import cn.duban.command.reporting.Campaign;
import cn.duban.command.reporting.IndicatorReport;
import cn.duban.command.reporting.InfoReport;
import cn.duban.command.reporting.Training;
import cn.duban.command.scheme.Scheme;
import cn.duban.command.supervision.InspectionRound;
import cn.duban.command.unit.Unit;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.platform.materials.MaterialStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** {@link References} answered by loading the unit and scheme aggregates (cached, so cheap). */
@Component
public class RepositoryReferences implements References {
    private final Repository<Unit> units;
    private final Repository<Scheme> schemes;
    private final Repository<InspectionRound> rounds;
    private final Repository<Training> trainings;
    private final Repository<InfoReport> infoReports;
    private final Repository<Campaign> campaigns;
    private final Repository<IndicatorReport> indicators;
    private final MaterialStore materials;
    private final java.time.Clock clock;

    public RepositoryReferences(@Lazy Repository<Unit> units, @Lazy Repository<Scheme> schemes, @Lazy Repository<InspectionRound> rounds,
                                @Lazy Repository<Training> trainings, @Lazy Repository<InfoReport> infoReports,
                                @Lazy Repository<Campaign> campaigns, @Lazy Repository<IndicatorReport> indicators, MaterialStore materials,
                                java.time.Clock dubanClock) {
        this.materials = materials;
        this.clock = dubanClock;
        this.trainings = trainings;
        this.infoReports = infoReports;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.units = units;
        this.schemes = schemes;
        this.rounds = rounds;
    }

    @Override
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(cn.duban.kernel.calendar.DistrictTime.ZONE));
    }

    @Override
    public FindingRef requireFinding(String roundId, String findingId) {
        InspectionRound round;
        try {
            round = rounds.load(roundId).invoke(r -> r);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("督查轮次不存在 / round not found: " + roundId);
        }
        return round.finding(findingId).orElseThrow(() -> new NotFoundException("督查发现不存在 / finding not found: " + findingId));
    }

    @Override
    public cn.duban.kernel.unit.UnitType requireUnit(String unitId) {
        try {
            return units.load(AggregateIds.unit(unitId)).invoke(Unit::type);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("单位不存在 / unit not found: " + unitId);
        }
    }

    @Override
    public java.util.List<SchemeItem> requireItemsOf(String schemeId) {
        return scheme(schemeId).items();
    }

    private Scheme scheme(String schemeId) {
        try {
            return schemes.load(AggregateIds.scheme(schemeId)).invoke(s -> s);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("考核方案不存在 / scheme not found: " + schemeId);
        }
    }

    @Override
    public SchemeItem requireItem(String schemeId, String itemCode) {
        Scheme scheme = scheme(schemeId);
        return scheme.item(itemCode).orElseThrow(() ->
                new InvalidInputException("itemCode", "方案中没有该项目 / no item " + itemCode + " in scheme " + schemeId));
    }

    @Override
    public String unitOf(cn.duban.kernel.assignment.FactLink link) {
        try {
            return switch (link.kind()) {
                case TRAINING -> trainings.load(link.id()).invoke(Training::unitId);
                case INFO_REPORT -> infoReports.load(link.id()).invoke(InfoReport::unitId);
                case CAMPAIGN -> campaigns.load(link.id()).invoke(Campaign::unitId);
                case INDICATOR -> indicators.load(link.id()).invoke(IndicatorReport::unitId);
            };
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("关联的记录不存在 / linked record not found: " + link.id());
        }
    }

    @Override
    public java.util.List<cn.duban.kernel.material.Material> requireMaterials(String unitId, java.util.List<String> sha256s) {
        return materials.resolve(unitId, sha256s, "materials");
    }
}
