package cn.duban.standalone.startup;

import cn.duban.kernel.EventFamily;
import cn.duban.kernel.assignment.AssignmentEvent;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.platform.json.Json;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up prepares a reader for every event the store holds: records only, found however
 * deeply the sealed families nest, and each one a type the event serializer's mapper can read.
 */
class FirstUseWarmUpTest {
    @Test
    void everyEventRecordIsFoundAndHasAReader() {
        Set<Class<?>> events = EventFamily.allEvents();
        assertThat(events).contains(TrainingRecorded.class, SchemePublished.class)
                .containsAll(Set.of(AssignmentEvent.class.getPermittedSubclasses()).stream().filter(c -> !c.isSealed()).toList());
        assertThat(events).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type.getName()).isTrue();
            // readerFor swallows a failure to build the reader; this asks whether one can be built.
            @SuppressWarnings("deprecation")
            boolean readable = Json.mapper().canDeserialize(Json.mapper().constructType(type));
            assertThat(readable).as(type.getName()).isTrue();
        });
        assertThat(events).hasSizeGreaterThan(50);
    }

    /**
     * The families are listed by hand ({@link EventFamily}): this finds the events another way, as every
     * record of the kernel that is some {@code …Event} family's member, so a family added to the
     * kernel and not to the list fails here.
     */
    @Test
    void theListedFamiliesHoldEveryEventOfTheKernel() {
        Set<Class<?>> kernelEvents = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.duban.kernel").stream()
                .filter(c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("Event")))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .collect(Collectors.toSet());

        assertThat(kernelEvents).hasSizeGreaterThan(50);
        assertThat(EventFamily.allEvents()).containsAll(kernelEvents);
    }
}
