package cn.duban.command.assessment;

import cn.duban.command.common.References;
import cn.duban.kernel.assessment.RecordFailure;
import cn.duban.kernel.assessment.FailureRecorded;
import org.axonframework.commandhandling.CommandHandler;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeItem;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A failure the assessor recorded against a PER_FAILURE item. Recorded once, for a registered unit. */
@Aggregate(cache = "aggregateCache")
class AssessorFailure {
    @AggregateIdentifier
    private String failureId;

    protected AssessorFailure() {
    }

    @CommandHandler
    public AssessorFailure(RecordFailure command, References references) {
        references.requireHappened("on", command.on());
        SchemeItem item = references.requireItemFor(command.unitId(), command.schemeId(), command.itemCode());
        if (item.rulesOrEmpty().stream().noneMatch(r -> r.kind() == RuleKind.PER_FAILURE)) {
            throw new InvalidInputException("itemCode", "该项目不按次扣分（无 PER_FAILURE 规则）/ item " + item.code() + " has no PER_FAILURE rule");
        }
        apply(new FailureRecorded(command.failureId(), command.unitId(), command.schemeId(), command.itemCode(), command.reason().strip(), command.on()));
    }

    @EventSourcingHandler
    void on(FailureRecorded event) {
        failureId = event.failureId();
    }
}
