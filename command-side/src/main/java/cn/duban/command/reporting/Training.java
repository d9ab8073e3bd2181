package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.TrainingRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A training session a unit held (业务培训). Recorded once, for a registered unit. */
@Aggregate(cache = "aggregateCache")
public class Training {
    @AggregateIdentifier
    private String trainingId;
    private String unitId;

    protected Training() {
    }

    @CommandHandler
    public Training(RecordTraining command, References references) {
        references.requireUnit(command.unitId());
        references.requireHappened("heldOn", command.heldOn());
        apply(new TrainingRecorded(command.trainingId(), command.unitId(), command.heldOn(), command.topic().strip(), command.attendees(),
                command.hours(), command.kind(), command.audience() == null || command.audience().isBlank() ? null : command.audience().strip(),
                command.materials()));
    }

    @EventSourcingHandler
    void on(TrainingRecorded event) {
        trainingId = event.trainingId();
        unitId = event.unitId();
    }

    public String unitId() {
        return unitId;
    }
}
