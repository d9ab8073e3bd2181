package cn.duban.command.domain;

import cn.duban.kernel.command.RecordAchievement;
import cn.duban.kernel.event.AchievementRecorded;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An achievement counted by bonus items. Recorded once; created through {@link UnitFactsCommandHandler}. */
@Aggregate(cache = "aggregateCache")
public class Achievement {
    @AggregateIdentifier
    private String achievementId;

    protected Achievement() {
    }

    Achievement(RecordAchievement command) {
        apply(new AchievementRecorded(command.achievementId(), command.unitId(), command.kind(), command.level(), command.title().strip(), command.on()));
    }

    @EventSourcingHandler
    void on(AchievementRecorded event) {
        achievementId = event.achievementId();
    }
}
