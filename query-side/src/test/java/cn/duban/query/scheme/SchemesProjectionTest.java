package cn.duban.query.scheme;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.query.common.ProjectionTestBase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheme (考核方案) with its versions: drafted, published, drafted again, each once, and which one is in force when. */
class SchemesProjectionTest extends ProjectionTestBase {
    static SchemeDocument doc(String title) {
        return new SchemeDocument("beilun-2023", 2023, title, new BigDecimal("0.3"), List.of());
    }

    @Test
    void versionsKeepTheirRecordingTimesAndThePublishedOneIsInForceUntilTheNextIsPublished() throws Exception {
        SchemesProjection projection = new SchemesProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new SchemeDrafted("beilun-2023", 1, doc("北仑区2023年度考核")),
                new SchemePublished("beilun-2023", 1, 2023),
                new SchemeDrafted("beilun-2023", 2, doc("北仑区2023年度考核（修订）")));
        harness.redeliver(projection, events.get(0));
        harness.redeliver(projection, events.get(2));

        SchemeView view = SchemesProjection.find(harness.db.getCollection(SchemesProjection.COLLECTION), "beilun-2023").orElseThrow();
        assertThat(view.versions()).as("a redelivered draft is not a third version").hasSize(2);
        assertThat(view.latest().version()).isEqualTo(2);
        assertThat(view.latest().document().title()).isEqualTo("北仑区2023年度考核（修订）");
        assertThat(view.versions().get(0).draftedAt()).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(view.versions().get(0).publishedAt()).isEqualTo(Instant.parse("2023-03-01T04:00:00Z"));
        assertThat(view.versions().get(1).publishedAt()).isNull();
        assertThat(view.versionAt(Instant.parse("2023-03-01T04:30:00Z")).orElseThrow().version())
                .as("the draft of version 2 does not replace the published version 1").isEqualTo(1);
    }
}
