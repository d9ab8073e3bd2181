package cn.duban.standalone;

import cn.duban.platform.consistency.ProcessorAdvances;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Every tracking processor a command's answer waits for tells {@link ProcessorAdvances} when it moves
 * on (Axon calls the listener on the processor's own thread, named after it), so the answer is sent
 * as soon as the last of them has handled the command's events rather than at the next look.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessorAdvancesIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    @MockitoSpyBean
    ProcessorAdvances advances;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessorACommandWaitsForTellsWhenItMovesOn() throws Exception {
        Set<String> told = ConcurrentHashMap.newKeySet();
        doAnswer(call -> {
            told.add(Thread.currentThread().getName());
            return call.callRealMethod();
        }).when(advances).onEventTrackerStatusChange(any());
        Set<String> waitedFor = processing.eventProcessors().entrySet().stream()
                .filter(p -> p.getValue() instanceof TrackingEventProcessor && !p.getKey().equals("sampling-frames"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(waitedFor).contains("projections", "users");

        Api.Response units = new Api(port).post("/api/units/builtin/beilun", "");
        assertThat(units.status()).isBetween(200, 201);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!tellingProcessors(told).containsAll(waitedFor) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tellingProcessors(told)).containsAll(waitedFor);
    }

    /** "EventProcessor[users]-0" → "users". */
    private static Set<String> tellingProcessors(Set<String> threads) {
        return threads.stream().filter(t -> t.startsWith("EventProcessor[") && t.contains("]"))
                .map(t -> t.substring("EventProcessor[".length(), t.indexOf(']'))).collect(Collectors.toSet());
    }
}
