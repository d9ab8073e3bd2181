package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.people.UnitScope;
import cn.duban.kernel.reporting.RecordTraining;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.reporting.WithdrawTraining;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A training session a unit held (业务培训). Recorded once, for a registered unit; withdrawn at most
 * once, by its unit's staff or the lead office, when it was entered in error.
 */
@Aggregate(cache = "aggregateCache")
public class Training {
    @AggregateIdentifier
    private String trainingId;
    private String unitId;
    private boolean withdrawn;

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

    @CommandHandler
    void handle(WithdrawTraining command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        if (withdrawn) {
            throw new ConflictException("该培训记录已撤回 / this training record was already withdrawn");
        }
        apply(new TrainingWithdrawn(trainingId, unitId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(TrainingRecorded event) {
        trainingId = event.trainingId();
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(TrainingWithdrawn event) {
        withdrawn = true;
    }

    public String unitId() {
        return unitId;
    }
}
