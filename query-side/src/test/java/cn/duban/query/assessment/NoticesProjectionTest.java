package cn.duban.query.assessment;

import cn.duban.kernel.assessment.ResultsPublished;
import cn.duban.query.common.ProjectionTestBase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A published notice (通报) is kept once, with when, at which position and by whom it was published. */
class NoticesProjectionTest extends ProjectionTestBase {
    @Test
    void aPublishedNoticeIsKeptOnceWithItsTimePositionAndPublisher() throws Exception {
        NoticesProjection projection = new NoticesProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new ResultsPublished("n1", "beilun-2023", "关于2023年度流动人口服务管理目标责任制考核结果的通报"),
                new ResultsPublished("n2", "beilun-2022", null));
        harness.redeliver(projection, events.get(0));

        var notices = NoticesProjection.documents(harness.db);
        assertThat(notices.all()).hasSize(2);
        NoticesProjection.NoticeView n1 = notices.find("n1");
        assertThat(n1.schemeId).isEqualTo("beilun-2023");
        assertThat(n1.title).startsWith("关于2023年度");
        assertThat(n1.publishedAt).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(n1.position).isZero();
        assertThat(n1.publishedBy).isEqualTo("tester");
        assertThat(n1.eventIds).hasSize(1);
        assertThat(notices.find("n2").position).isEqualTo(1);
    }
}
