package cn.duban.command.unit;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.unit.RenameUnit;
import cn.duban.kernel.unit.RetireUnit;
import cn.duban.kernel.unit.UnitRenamed;
import cn.duban.kernel.unit.UnitRetired;
import java.time.LocalDate;

/**
 * An assessed unit (责任单位): a department or a sub-district. Registering one twice is a conflict;
 * a retired unit is neither retired nor renamed again.
 */
@Aggregate(cache = "aggregateCache")
public class Unit {
    @AggregateIdentifier
    private String aggregateId;
    private String unitId;
    private UnitType type;
    private String name;
    private LocalDate retiredOn;

    protected Unit() {
    }

    @CommandHandler
    public Unit(RegisterUnit command) {
        apply(new UnitRegistered(command.unitId(), command.name().strip(), command.type()));
    }

    @CommandHandler
    void handle(RetireUnit c) {
        if (retiredOn != null) {
            throw new ConflictException("该单位已于" + retiredOn + "撤并 / already retired on " + retiredOn);
        }
        if (c.on() == null) {
            throw new InvalidInputException("on", "必填 / required");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "必填 / required");
        }
        apply(new UnitRetired(unitId, c.on(), c.reason().strip()));
    }

    @CommandHandler
    void handle(RenameUnit c) {
        if (retiredOn != null) {
            throw new ConflictException("该单位已于" + retiredOn + "撤并，不能更名 / retired on " + retiredOn + ", not renamed");
        }
        if (c.name() == null || c.name().isBlank()) {
            throw new InvalidInputException("name", "必填 / required");
        }
        if (c.name().strip().equals(name)) {
            throw new InvalidInputException("name", "与现名称相同 / the same as the unit's name now");
        }
        if (c.on() == null) {
            throw new InvalidInputException("on", "必填 / required");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "必填 / required");
        }
        apply(new UnitRenamed(unitId, c.name().strip(), name, c.on(), c.reason().strip()));
    }

    @EventSourcingHandler
    void on(UnitRenamed event) {
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(UnitRetired event) {
        this.retiredOn = event.on();
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        this.aggregateId = AggregateIds.unit(event.unitId());
        this.unitId = event.unitId();
        this.type = event.type();
        this.name = event.name();
    }

    public String unitId() {
        return unitId;
    }

    public UnitType type() {
        return type;
    }
}
