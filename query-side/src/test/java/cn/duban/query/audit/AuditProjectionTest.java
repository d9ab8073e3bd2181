package cn.duban.query.audit;

import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.ProjectionTestBase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail (留痕): per actor, every event they caused, once, written when the batch ends. */
class AuditProjectionTest extends ProjectionTestBase {
    @Test
    void everyEventIsListedUnderItsActorOnceInPositionOrder() throws Exception {
        AuditProjection projection = new AuditProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new UnitRegistered("xinqi", "新碶街道", UnitType.STREET),
                new UnitRegistered("gafj", "公安分局", UnitType.DEPARTMENT));
        harness.redeliver(projection, events.get(1));
        ChunkedLog trail = new ChunkedLog(harness.db, AuditProjection.COLLECTION);
        assertThat(AuditProjection.of(trail, "tester")).as("nothing is written before the batch ends").isEmpty();

        projection.flush();
        List<AuditProjection.AuditEntry> entries = AuditProjection.of(new ChunkedLog(harness.db, AuditProjection.COLLECTION), "tester");
        assertThat(entries).extracting(AuditProjection.AuditEntry::position).containsExactly(0L, 1L);
        AuditProjection.AuditEntry first = entries.get(0);
        assertThat(first.type()).isEqualTo("UnitRegistered");
        assertThat(first.role()).isEqualTo("LEAD_OFFICE");
        assertThat(first.at()).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(first.eventId()).isEqualTo(events.get(0).getIdentifier());
    }
}
