package cn.duban.platform.eventstore;

import cn.duban.kernel.FormerEventNames;
import cn.duban.platform.axon.AxonConfig;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before the kernel was sorted into slices carry the names their classes had then
 * ({@code cn.duban.kernel.event.X}); the serializer Duban runs with reads each as the class it is now.
 */
class FormerEventNamesTest {
    private final Serializer serializer = new AxonConfig().eventSerializer();

    @Test
    void everyEventOfTheFormerFlatPackageHasItsFormerNameAndNoOtherEventDoes() throws Exception {
        List<Class<?>> events = EveryEventRoundTripTest.eventTypes();
        Map<String, Class<?>> former = FormerEventNames.all();
        assertThat(former).hasSize(55);
        former.forEach((name, type) -> {
            assertThat(name).isEqualTo("cn.duban.kernel.event." + type.getSimpleName());
            assertThat(events).contains(type);
        });
    }

    @Test
    void anEventStoredUnderItsFormerNameReadsBackAsTheSameEvent() throws Exception {
        for (Map.Entry<String, Class<?>> e : FormerEventNames.all().entrySet()) {
            Object event = EveryEventRoundTripTest.instance(e.getValue(), false);
            SerializedObject<String> written = serializer.serialize(event, String.class);
            assertThat(written.getType().getName()).isEqualTo(e.getValue().getName());
            SerializedObject<String> storedBefore = new SimpleSerializedObject<>(written.getData(), String.class,
                    e.getKey(), written.getType().getRevision());
            assertThat(serializer.classForType(storedBefore.getType())).isEqualTo(e.getValue());
            Object read = serializer.deserialize(storedBefore);
            assertThat(read).as(e.getKey()).isEqualTo(event);
        }
    }

    @Test
    void storedNamesOfAMovedEventAreItsNameAndItsFormerOne() {
        Class<?> training = FormerEventNames.classFor("cn.duban.kernel.event.TrainingRecorded");
        assertThat(FormerEventNames.storedNamesOf(training))
                .containsExactlyInAnyOrder("cn.duban.kernel.reporting.TrainingRecorded", "cn.duban.kernel.event.TrainingRecorded");
    }
}
