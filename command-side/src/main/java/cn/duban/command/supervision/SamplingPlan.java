package cn.duban.command.supervision;

import cn.duban.command.common.References;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.supervision.SamplingPlanSet;
import cn.duban.kernel.supervision.SetSamplingPlan;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A scheme's sampling plan (seed 003, 方案12 and 14): how many records of each unit to sample, per month or quarter. */
@Aggregate(cache = "aggregateCache")
class SamplingPlan {
    static final int MAX_RECORDS = 1000;

    @AggregateIdentifier
    private String planId;

    protected SamplingPlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetSamplingPlan c, References references) {
        references.requireItemsOf(c.schemeId());
        if (c.period() == null) {
            throw new InvalidInputException("period", "必填 / required");
        }
        if (c.recordsPerUnit() < 1 || c.recordsPerUnit() > MAX_RECORDS) {
            throw new InvalidInputException("recordsPerUnit", "须在1到" + MAX_RECORDS + "之间 / 1 to " + MAX_RECORDS);
        }
        apply(new SamplingPlanSet(c.schemeId(), c.period(), c.recordsPerUnit()));
    }

    @EventSourcingHandler
    void on(SamplingPlanSet e) {
        planId = "sampling-plan:" + e.schemeId();
    }
}
