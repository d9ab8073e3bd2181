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
@org.springframework.context.annotation.Import(HeldReadModels.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProcessorAdvancesIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    static final String HELD_TOPIC = "等待读模型的培训";
    static final String FAILING_TOPIC = "读模型出错的培训";

    @LocalServerPort
    int port;
    @MockitoSpyBean
    ProcessorAdvances advances;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @org.junit.jupiter.api.Order(1)
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

    /**
     * A command sent with {@code X-Duban-Consistency: deferred} is answered once durable, not once the
     * read models have it; a read that names its position ({@code X-Duban-Min-Position}) then waits
     * for them, whichever read it is. The projections are held on the command's event meanwhile.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aDeferredCommandIsAnsweredWhenDurableAndTheReadAfterItWaitsForTheReadModels() throws Exception {
        Api api = new Api(port); // the units loaded by the test before
        java.util.concurrent.CountDownLatch hold = HeldReadModels.holdOn(HELD_TOPIC);
        try {
            long sent = System.nanoTime();
            Api.Response training = api.post("/api/units/xinqi/trainings",
                    Map.of("heldOn", "2023-03-10", "topic", HELD_TOPIC, "attendees", 40, "hours", 2),
                    Map.of("X-Duban-Consistency", "deferred"));
            // Answered with the projections held: without the header it would wait out the whole consistency wait (10 s).
            assertThat(training.status()).isEqualTo(201);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - sent)).isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(training.header("X-Duban-Consistency")).isEqualTo("pending");
            String position = training.header("X-Duban-Position");
            String id = training.id();

            java.util.concurrent.CompletableFuture<Api.Response> read = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.get("/api/records?unitId=xinqi&kind=TRAINING", Map.of("X-Duban-Min-Position", position)));
            Thread.sleep(500);
            assertThat(read).as("the read waits for the read models to include the command").isNotDone();
            hold.countDown();
            Api.Response records = read.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(records.status()).isEqualTo(200);
            assertThat(records.header("X-Duban-Consistency")).isEqualTo("visible");
            assertThat(records.body().findValuesAsText("id")).contains(id);
        } finally {
            hold.countDown();
        }

        // A position past the store's head is waited for only up to the head, not for the whole wait.
        long asked = System.nanoTime();
        assertThat(api.get("/api/units", Map.of("X-Duban-Min-Position", Long.toString(Long.MAX_VALUE))).status()).isEqualTo(200);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - asked)).isLessThan(java.time.Duration.ofSeconds(5));
        // Not a position: a 400 naming the header.
        Api.Response wrong = api.get("/api/units", Map.of("X-Duban-Min-Position", "soon"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("field").asText()).isEqualTo("X-Duban-Min-Position");
    }

    /**
     * A read-model handler that fails stops its processor, which retries it rather than skip the event:
     * meanwhile the health's "processors" component says DOWN, naming the processor, where it stands
     * and the failure; once the handler goes through, UP again, and the read models hold the event.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void aFailingReadModelIsSaidByTheHealthAndRetriedUntilItGoesThrough() throws Exception {
        Api api = new Api(port);
        assertThat(processorsHealth(api).get("status").asText()).isEqualTo("UP");
        String id;
        HeldReadModels.failingTopic = FAILING_TOPIC;
        try {
            Api.Response training = api.post("/api/units/xinqi/trainings",
                    Map.of("heldOn", "2023-03-11", "topic", FAILING_TOPIC, "attendees", 30, "hours", 2),
                    Map.of("X-Duban-Consistency", "deferred"));
            assertThat(training.status()).isEqualTo(201);
            id = training.id();
            com.fasterxml.jackson.databind.JsonNode down = until(() -> processorsHealth(api), h -> h.get("status").asText().equals("DOWN"));
            assertThat(down.get("details").get("failing").toString()).contains("projections");
            com.fasterxml.jackson.databind.JsonNode projections = down.get("details").get("processors").get("projections");
            assertThat(projections.get("error").asText()).isEqualTo("IllegalStateException: injected failure of a read model");
            assertThat(projections.get("position").asLong()).isLessThan(Long.parseLong(training.header("X-Duban-Position")));
            assertThat(api.get("/actuator/health").status()).isEqualTo(503);
            // A read that names the command's position is answered at once, pending, not after the whole wait (10 s).
            long asked = System.nanoTime();
            Api.Response stale = api.get("/api/records?unitId=xinqi&kind=TRAINING", Map.of("X-Duban-Min-Position", training.header("X-Duban-Position")));
            assertThat(stale.header("X-Duban-Consistency")).isEqualTo("pending");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - asked)).isLessThan(java.time.Duration.ofSeconds(5));
            // Readiness, which the sign-in page waits for, stays UP: a failing read model holds no one's sign-in back.
            assertThat(api.get("/actuator/health/readiness").body().get("status").asText()).isEqualTo("UP");
        } finally {
            HeldReadModels.failingTopic = null;
        }
        until(() -> processorsHealth(api), h -> h.get("status").asText().equals("UP"));
        assertThat(api.get("/api/records?unitId=xinqi&kind=TRAINING").body().findValuesAsText("id")).contains(id);
    }

    private static com.fasterxml.jackson.databind.JsonNode processorsHealth(Api api) {
        return api.get("/actuator/health").body().get("components").get("processors");
    }

    private static <T> T until(java.util.function.Supplier<T> look, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        T seen = look.get();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = look.get();
        }
        assertThat(done.test(seen)).as("%s", seen).isTrue();
        return seen;
    }

    /** "EventProcessor[users]-0" → "users". */
    private static Set<String> tellingProcessors(Set<String> threads) {
        return threads.stream().filter(t -> t.startsWith("EventProcessor[") && t.contains("]"))
                .map(t -> t.substring("EventProcessor[".length(), t.indexOf(']'))).collect(Collectors.toSet());
    }
}
