package cn.duban.query.unit;

import cn.duban.kernel.Words;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The words for every code the API answers with, and every unit's name: the web app reads this
 * once after sign-in and shows words where the API has codes (a unit's Chinese name, never its id;
 * 已逾期, never RED). API clients keep computing with the codes.
 */
@RestController
@Tag(name = "单位 Units")
public class DictionaryController {
    private final UnitQueries units;
    private final cn.duban.platform.security.UserDirectory users;

    public DictionaryController(UnitQueries units, cn.duban.platform.security.UserDirectory users) {
        this.units = units;
        this.users = users;
    }

    /**
     * @param units  every registered unit, by its Chinese name and kind, with the day it was retired (撤并) if it was
     * @param people each account's display name by username, so a screen names who checked or recorded
     *               something (督查组李组长), not their account
     */
    public record Dictionary(List<UnitView> units, Map<String, Map<String, Words.Word>> words, Map<String, String> people) {
    }

    @GetMapping("/api/dictionary")
    @Operation(summary = "字典 / the words for every code (statuses, kinds, levels, lights, indicators) and every unit's name",
            description = "words: group → code → {zh, en}. Groups: unitType, role, assignmentStatus, light, reportingFrequency, infoLevel, "
                    + "trainingKind, factKind, achievementLevel, indicator, ruleKind, contributionSource, roundKind, inspectionMethod, severity, "
                    + "verdict, sampleKind, samplingPeriod, grade, infoReportStatus, appealStatus, rectificationStatus, copyNoticeStatus, "
                    + "sampledRecordStatus, findingStatus, roundStatus, schemeStatus, notificationKind, assignmentEvent, systemActor (the platform's own actors, such as system:setup). people: username → display name.")
    public Dictionary dictionary() {
        Map<String, String> people = new java.util.TreeMap<>();
        users.all().forEach(u -> people.put(u.username(), u.displayName()));
        return new Dictionary(units.all(), Words.all(), people);
    }
}
