package cn.duban.command.supervision;

import cn.duban.command.common.References;
import cn.duban.kernel.supervision.RecordVeto;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.supervision.VetoRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A veto (一票否决) of a unit for a scheme's year; the reason is required (seed 002). */
@Aggregate(cache = "aggregateCache")
class Veto {
    @AggregateIdentifier
    private String vetoId;

    protected Veto() {
    }

    @CommandHandler
    public Veto(RecordVeto c, References references) {
        references.requireUnit(c.unitId());
        references.requireItemsOf(c.schemeId());
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "一票否决须说明理由 / a veto needs its reason");
        }
        apply(new VetoRecorded(c.vetoId(), c.unitId(), c.schemeId(), c.reason().strip()));
    }

    @EventSourcingHandler
    void on(VetoRecorded e) {
        vetoId = e.vetoId();
    }
}
