package cn.duban.command.assessment;

import cn.duban.command.common.References;
import cn.duban.kernel.assessment.RecordSelfAssessment;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.assessment.SelfAssessmentRecorded;
import cn.duban.kernel.scheme.SchemeItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A unit's own score for one item (自评分), between 0 and the item's max. Recorded once; a later one supersedes it. */
@Aggregate(cache = "aggregateCache")
class SelfAssessment {
    @AggregateIdentifier
    private String selfAssessmentId;

    protected SelfAssessment() {
    }

    @CommandHandler
    public SelfAssessment(RecordSelfAssessment command, References references) {
        SchemeItem item = references.requireItemFor(command.unitId(), command.schemeId(), command.itemCode());
        if (command.score().signum() < 0 || (item.max() != null && command.score().compareTo(item.max()) > 0)) {
            throw new InvalidInputException("score", "须在0到该项分值" + (item.max() == null ? "" : item.max().toPlainString())
                    + "之间 / must be between 0 and the item's max");
        }
        apply(new SelfAssessmentRecorded(command.selfAssessmentId(), command.unitId(), command.schemeId(), command.itemCode(),
                command.score(), command.note() == null ? null : command.note().strip()));
    }

    @EventSourcingHandler
    void on(SelfAssessmentRecorded event) {
        selfAssessmentId = event.selfAssessmentId();
    }
}
