package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.scheme.AchievementLevels;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.WithdrawAchievement;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.people.UnitScope;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import cn.duban.kernel.error.InvalidInputException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An achievement counted by bonus items. Recorded once, for a registered unit; withdrawn at most
 * once, by its unit's staff or the lead office, when it was entered in error.
 */
@Aggregate(cache = "aggregateCache")
class Achievement {
    @AggregateIdentifier
    private String achievementId;
    private String unitId;
    private boolean withdrawn;

    protected Achievement() {
    }

    @CommandHandler
    public Achievement(RecordAchievement command, References references) {
        references.requireUnit(command.unitId());
        references.requireHappened("on", command.on());
        if (!command.kind().isAchievement()) {
            throw new InvalidInputException("kind", "须为 MEDIA_PUBLICATION、LEADER_INSTRUCTION 或 PROMOTION / must be an achievement kind");
        }
        AchievementLevels.require(command.kind(), command.level());
        apply(new AchievementRecorded(command.achievementId(), command.unitId(), command.kind(), command.level(), command.title().strip(), command.on(),
                command.materials()));
    }

    @CommandHandler
    void handle(WithdrawAchievement command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        if (withdrawn) {
            throw new ConflictException("该工作成果已撤回 / this achievement was already withdrawn");
        }
        apply(new AchievementWithdrawn(achievementId, unitId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(AchievementRecorded event) {
        achievementId = event.achievementId();
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(AchievementWithdrawn event) {
        withdrawn = true;
    }
}
