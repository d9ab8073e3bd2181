package cn.duban.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionProgressTest {
    static StreamingEventProcessor processor(Long position) {
        StreamingEventProcessor p = mock(StreamingEventProcessor.class);
        if (position == null) {
            when(p.processingStatus()).thenReturn(Map.of());
        } else {
            EventTrackerStatus s = mock(EventTrackerStatus.class);
            when(s.getCurrentPosition()).thenReturn(OptionalLong.of(position));
            when(p.processingStatus()).thenReturn(Map.of(0, s));
        }
        return p;
    }

    static ProjectionProgress progress(Map<String, EventProcessor> processors) {
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        when(config.eventProcessors()).thenReturn(processors);
        when(config.eventProcessor(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> java.util.Optional.ofNullable(processors.get(call.<String>getArgument(0))));
        return new ProjectionProgress(config);
    }

    @Test
    void aProcessorAnotherReplicaRunsIsWaitedForOnlyWhenStrict() {
        ProjectionProgress p = progress(Map.of("projections", processor(10L), "users", processor(null)));
        assertThat(p.awaitClaimedPosition(10, Duration.ZERO)).isTrue();
        assertThat(p.awaitPosition(10, Duration.ZERO)).isFalse();
    }

    @Test
    void aProcessorHereBehindThePositionIsWaitedFor() {
        ProjectionProgress p = progress(Map.of("projections", processor(9L), "users", processor(null)));
        assertThat(p.awaitClaimedPosition(10, Duration.ofMillis(20))).isFalse();
        assertThat(p.awaitClaimedPosition(9, Duration.ZERO)).isTrue();
    }

    /** One processor waited for by name (the sampling frames' index): reached, behind, or not run here, the others not asked. */
    @Test
    void oneProcessorIsWaitedForAloneAndSaysWhetherItRunsHere() {
        ProjectionProgress p = progress(Map.of("frames", processor(10L), "projections", processor(3L), "users", processor(null)));
        assertThat(p.awaitPosition("frames", 10, Duration.ZERO)).isEqualTo(ProjectionProgress.Reached.YES);
        assertThat(p.awaitPosition("frames", 11, Duration.ofMillis(20))).isEqualTo(ProjectionProgress.Reached.BEHIND);
        assertThat(p.awaitPosition("users", 0, Duration.ZERO)).isEqualTo(ProjectionProgress.Reached.NOT_HERE);
        assertThat(p.awaitPosition("nobody", 0, Duration.ZERO)).isEqualTo(ProjectionProgress.Reached.NOT_HERE);
        assertThat(p.awaitPosition("frames", -1, Duration.ZERO)).as("an empty store").isEqualTo(ProjectionProgress.Reached.YES);
    }

    /** A processor whose readers wait for it by name is not waited for by read-your-writes, behind as it may be. */
    @Test
    void aProcessorWaitedForByItsReadersIsLeftOutOfReadYourWrites() {
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        Map<String, EventProcessor> processors = Map.of("projections", processor(10L), "frames", processor(2L));
        when(config.eventProcessors()).thenReturn(processors);
        when(config.eventProcessor("frames")).thenReturn(java.util.Optional.of(processors.get("frames")));
        ProjectionProgress p = new ProjectionProgress(config, java.util.List.of(new ProjectionProgress.WaitedForByItsReaders("frames")), new ProcessorAdvances());
        assertThat(p.awaitPosition(10, Duration.ZERO)).isTrue();
        assertThat(p.awaitClaimedPosition(10, Duration.ZERO)).isTrue();
        assertThat(p.awaitPosition("frames", 10, Duration.ZERO)).isEqualTo(ProjectionProgress.Reached.BEHIND);
        assertThat(progress(processors).awaitPosition(10, Duration.ZERO)).as("without it").isFalse();
    }
}
