package cn.duban.query.unit;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ReadModelJson;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit register read model, given events, without HTTP. */
class UnitsProjectionTest extends ProjectionTestBase {

    @Test
    void aRegisteredUnitIsListedWithItsRecordingTimeAndPositionAndARedeliveryChangesNothing() throws Exception {
        UnitsProjection units = new UnitsProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(units, new UnitRegistered("xinqi", "新碶街道", UnitType.STREET),
                new UnitRegistered("gafj", "公安分局", UnitType.DEPARTMENT));
        harness.redeliver(units, events.get(0));
        var stored = harness.db.getCollection(UnitsProjection.COLLECTION);
        assertThat(stored.countDocuments()).isEqualTo(2);
        UnitsProjection.UnitView xinqi = ReadModelJson.fromDocument(stored.find(new org.bson.Document("_id", "xinqi")).first(), UnitsProjection.UnitView.class);
        assertThat(xinqi.name()).isEqualTo("新碶街道");
        assertThat(xinqi.type()).isEqualTo(UnitType.STREET);
        assertThat(xinqi.registeredAt()).as("the recording time, not the message's own").isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(xinqi.position()).isZero();
    }
}
