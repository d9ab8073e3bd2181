package cn.duban.query.supervision;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.supervision.VetoRecorded;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Vetoes per scheme, given events, without HTTP. */
class VetoesProjectionTest extends ProjectionTestBase {

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
