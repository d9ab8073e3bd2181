package cn.duban.query.unit;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitRenamed;
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

    @Test
    void aRenamedUnitIsNamedNowByItsNewNameAndBeforeTheRenameByTheOldOneEvenRedelivered() throws Exception {
        UnitsProjection units = new UnitsProjection(harness.db);
        java.time.LocalDate reform = java.time.LocalDate.of(2023, 1, 1);
        List<TrackedEventMessage<?>> events = harness.given(units, new UnitRegistered("zongzhiban", "区综治办", UnitType.DEPARTMENT),
                new UnitRenamed("zongzhiban", "区社会治理中心", "区综治办", reform, "机构改革"),
                new UnitRenamed("zongzhiban", "区社会治理服务中心", "区社会治理中心", reform.plusYears(1), "再次更名"));
        // a batch redelivered after a crash: both renames handled again
        harness.redeliver(units, events.get(1));
        harness.redeliver(units, events.get(2));
        var stored = harness.db.getCollection(UnitsProjection.COLLECTION);
        UnitsProjection.UnitView unit = ReadModelJson.fromDocument(stored.find(new org.bson.Document("_id", "zongzhiban")).first(),
                UnitsProjection.UnitView.class);
        assertThat(unit.name()).isEqualTo("区社会治理服务中心");
        assertThat(unit.formerNames()).extracting(UnitsProjection.FormerName::name).containsExactly("区综治办", "区社会治理中心");
        // recorded at 03:00 (registered), 04:00 and 05:00 (the renames)
        assertThat(unit.nameAt(Instant.parse("2023-03-01T03:59:59Z"))).isEqualTo("区综治办");
        assertThat(unit.nameAt(Instant.parse("2023-03-01T04:00:00Z"))).isEqualTo("区社会治理中心");
        assertThat(unit.nameAt(Instant.parse("2023-03-01T05:00:00Z"))).isEqualTo("区社会治理服务中心");
        assertThat(unit.formerNames().get(0).on()).isEqualTo(reform);
        assertThat(unit.formerNames().get(0).reason()).isEqualTo("机构改革");
    }
}
