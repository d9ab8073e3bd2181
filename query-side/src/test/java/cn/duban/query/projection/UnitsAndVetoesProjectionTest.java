package cn.duban.query.projection;

import cn.duban.kernel.event.UnitRegistered;
import cn.duban.kernel.event.VetoRecorded;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.readmodel.ReadModelJson;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsAndVetoesProjectionTest extends ProjectionTestBase {

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

    @Test
    void aVetoIsKeptPerSchemeOnce() throws Exception {
        VetoesProjection vetoes = new VetoesProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(vetoes, new VetoRecorded("v1", "xinqi", "beilun-2023", "发生重大安全事故"),
                new VetoRecorded("v2", "gafj", "beilun-2022", "弄虚作假"));
        harness.redeliver(vetoes, events.get(0));
        var collection = harness.db.getCollection(VetoesProjection.COLLECTION);
        assertThat(VetoesProjection.of(collection, "beilun-2023")).singleElement().satisfies(v -> {
            assertThat(v.unitId()).isEqualTo("xinqi");
            assertThat(v.reason()).isEqualTo("发生重大安全事故");
            assertThat(v.at()).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        });
    }
}
