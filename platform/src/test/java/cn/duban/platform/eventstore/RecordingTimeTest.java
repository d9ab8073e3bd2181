package cn.duban.platform.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Each message's own recording time, however the messages alternate (the last one read is remembered). */
class RecordingTimeTest {

    @Test
    void eachMessageAnswersItsOwnRecordingTimeAndOneWithoutItsOwnTimestamp() {
        Instant first = Instant.parse("2023-03-10T01:02:03.456Z");
        Instant second = Instant.parse("2023-03-10T01:02:03.457Z");
        var a = GenericEventMessage.asEventMessage("a").andMetaData(MetaData.with(RecordingTime.METADATA_KEY, first.toString()));
        var b = GenericEventMessage.asEventMessage("b").andMetaData(MetaData.with(RecordingTime.METADATA_KEY, second.toString()));
        var unrecorded = GenericEventMessage.asEventMessage("c");
        for (int round = 0; round < 3; round++) {
            assertThat(RecordingTime.of(a)).isEqualTo(first);
            assertThat(RecordingTime.of(a)).isEqualTo(first);
            assertThat(RecordingTime.of(b)).isEqualTo(second);
            assertThat(RecordingTime.of(unrecorded)).isEqualTo(unrecorded.getTimestamp());
        }
    }
}
