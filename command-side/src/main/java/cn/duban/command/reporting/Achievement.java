package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.RecordAchievement;
import cn.duban.kernel.scheme.AchievementLevels;
import cn.duban.kernel.reporting.AchievementRecorded;
import org.axonframework.commandhandling.CommandHandler;
import cn.duban.kernel.error.InvalidInputException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An achievement counted by bonus items. Recorded once, for a registered unit. */
@Aggregate(cache = "aggregateCache")
class Achievement {
    @AggregateIdentifier
    private String achievementId;

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

    @EventSourcingHandler
    void on(AchievementRecorded event) {
        achievementId = event.achievementId();
    }
}
