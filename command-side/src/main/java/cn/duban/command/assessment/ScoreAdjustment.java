package cn.duban.command.assessment;

import cn.duban.command.common.References;
import cn.duban.kernel.assessment.AdjustScore;
import cn.duban.kernel.assessment.ScoreAdjusted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An assessor's deduction or bonus on one item, with its reason. Recorded once, for a registered unit. */
@Aggregate(cache = "aggregateCache")
class ScoreAdjustment {
    @AggregateIdentifier
    private String adjustmentId;

    protected ScoreAdjustment() {
    }

    @CommandHandler
    public ScoreAdjustment(AdjustScore command, References references) {
        if (command.points() == null || command.points().signum() == 0) {
            throw new cn.duban.kernel.error.InvalidInputException("points", "不能为0 / must not be zero");
        }
        references.requireItemFor(command.unitId(), command.schemeId(), command.itemCode());
        apply(new ScoreAdjusted(command.adjustmentId(), command.unitId(), command.schemeId(), command.itemCode(), command.points(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(ScoreAdjusted event) {
        adjustmentId = event.adjustmentId();
    }
}
