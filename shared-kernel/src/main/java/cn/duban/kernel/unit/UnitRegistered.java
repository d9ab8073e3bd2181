package cn.duban.kernel.unit;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Unit registered for assessment (单位登记). */
@Revision("1")
public record UnitRegistered(String unitId, String name, UnitType type) implements UnitRegistryEvent, UnitEvent {
    /** Registering a unit scores nothing; it makes the unit one to score. */
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.empty();
    }
}
