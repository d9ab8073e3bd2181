package cn.duban.query.supervision;

import cn.duban.query.supervision.SamplesProjection.SampleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "督查 Inspections")
public class SupervisionQueryController {
    private final SupervisionQueries supervision;
    private final cn.duban.query.unit.UnitQueries units;
    private final RoundQueries rounds;

    public SupervisionQueryController(SupervisionQueries supervision, cn.duban.query.unit.UnitQueries units, RoundQueries rounds) {
        this.supervision = supervision;
        this.units = units;
        this.rounds = rounds;
    }

    @GetMapping("/api/samples")
    @Operation(summary = "抽查 / samples, newest first")
    public List<SampleView> samples(@RequestParam(required = false) String unitId) {
        units.requireKnown("unitId", unitId);
        return supervision.samples(unitId);
    }

    @GetMapping("/api/samples/plan")
    @Operation(summary = "抽查计划完成情况 / the scheme's sampling plan against what was sampled, per unit and month or quarter")
    public SupervisionQueries.PlanFulfilment plan(@RequestParam("scheme") String schemeId) {
        return supervision.plan(schemeId);
    }

    @GetMapping("/api/samples/rates")
    @Operation(summary = "抽查准确率 / per unit: records drawn, rechecked and borne out, 准确率 and 完整率",
            description = "Samples whose period lies within from–to (dates, both optional).")
    public List<SupervisionQueries.SamplingRates> rates(@RequestParam(required = false) String unitId,
                                                        @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                                                        @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to) {
        units.requireKnown("unitId", unitId);
        return supervision.rates(unitId, from, to);
    }

    @GetMapping("/api/samples/{id}")
    @Operation(summary = "抽查详情 / a sample: population, seed, drawn records with check and recheck, and the draw redone from the seed")
    public SupervisionQueries.Sample sample(@PathVariable String id) {
        return supervision.sample(id);
    }

    @GetMapping("/api/rectifications")
    @Operation(summary = "整改 / rectifications; listed=true is the listed-supervision (挂牌督办) board",
            description = "Listed first, then by deadline. status: ORDERED, REPORTED, VERIFIED.")
    public List<SupervisionQueries.Rectification> rectifications(@RequestParam(required = false) String unitId,
                                                                  @RequestParam(required = false) @jakarta.validation.constraints.Pattern(
                                                                          regexp = "ORDERED|REPORTED|VERIFIED", flags = jakarta.validation.constraints.Pattern.Flag.CASE_INSENSITIVE,
                                                                          message = "取值须为 / must be one of：[ORDERED, REPORTED, VERIFIED]") String status,
                                                                  @RequestParam(required = false) Boolean listed,
                                                                  @RequestParam(required = false) String roundId) {
        units.requireKnown("unitId", unitId);
        rounds.requireKnown("roundId", roundId);
        return supervision.rectifications(unitId, status, listed, roundId);
    }

    @GetMapping("/api/rectifications/{id}")
    @Operation(summary = "整改详情 / a rectification with its history")
    public SupervisionQueries.Rectification rectification(@PathVariable String id) {
        return supervision.rectification(id);
    }
}
