package cn.duban.command.domain;

import cn.duban.kernel.command.RecordFailure;
import cn.duban.kernel.event.FailureRecorded;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A failure the assessor recorded against a PER_FAILURE item. Recorded once; created through {@link UnitFactsCommandHandler}. */
@Aggregate(cache = "aggregateCache")
public class AssessorFailure {
    @AggregateIdentifier
    private String failureId;

    protected AssessorFailure() {
    }

    AssessorFailure(RecordFailure command) {
        apply(new FailureRecorded(command.failureId(), command.unitId(), command.schemeId(), command.itemCode(), command.reason().strip(), command.on()));
    }

    @EventSourcingHandler
    void on(FailureRecorded event) {
        failureId = event.failureId();
    }
}
