package cn.duban.platform.eventstore;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type of the kernel, filled with the extremes a request may carry (the longest text, the
 * largest numbers, the last date) and with some it may not, goes through the store: it reads back as
 * it was written, or it is refused before anything is stored. Nothing unreadable or altered is kept.
 */
class EveryEventRoundTripTest {
    @TempDir
    Path dir;

    static List<Class<?>> eventTypes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getSuperClassName() != null
                && reader.getClassMetadata().getSuperClassName().equals(Record.class.getName()));
        List<Class<?>> out = new ArrayList<>();
        // An event is a record of one of the slices' sealed event families (ReportingEvent, ...).
        for (var candidate : scanner.findCandidateComponents("cn.duban.kernel")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (java.util.Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed)) {
                out.add(type);
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    /** The extremes: {@code beyond} adds values outside what the input boundary lets through. */
    static Object extreme(Type type, boolean beyond) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "界".repeat(5_000) + "😀\n\t";
        }
        if (raw == int.class || raw == Integer.class) {
            return Integer.MAX_VALUE;
        }
        if (raw == long.class || raw == Long.class) {
            return Long.MAX_VALUE;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return beyond ? Double.MAX_VALUE : 123456.789;
        }
        if (raw == BigDecimal.class) {
            return beyond ? new BigDecimal("12345678901234567890.123456789") : new BigDecimal("-999999999999.999");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2100, 12, 31);
        }
        if (raw == Instant.class) {
            return Instant.parse("2100-12-31T23:59:59.999Z");
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            Object element = extreme(((ParameterizedType) type).getActualTypeArguments()[0], beyond);
            return List.class.isAssignableFrom(raw) ? List.of(element) : Set.of(element);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            return Map.of("指标_key-1", extreme(args[1], beyond));
        }
        if (raw == cn.duban.kernel.material.Material.class) {
            // A file as an event names it: its hash, the longest name an upload may have, its type and size.
            return new cn.duban.kernel.material.Material("f".repeat(64), "签到表".repeat(66) + ".pdf", "application/pdf",
                    beyond ? Long.MAX_VALUE : 20L * 1024 * 1024);
        }
        if (raw.isRecord()) {
            return instance(raw, beyond);
        }
        return null;
    }

    static Object instance(Class<?> record, boolean beyond) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = extreme(components[i].getGenericType(), beyond);
        }
        return record.getDeclaredConstructor(types).newInstance(values);
    }

    /** Numbers equal by value (a stored 1.50 may read back as 1.5), everything else exactly. */
    static final Comparator<JsonNode> SAME = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void everyEventTypeReadsBackAsWrittenOrIsRefusedBeforeAnythingIsStored() throws Exception {
        List<Class<?>> types = eventTypes();
        assertThat(types).hasSizeGreaterThan(50);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder().database(client.getDatabase("all"))
                    .exclusiveWriter(true).durability(mongo).eventSerializer(serializer).snapshotSerializer(serializer).build();
            List<String> failures = new ArrayList<>();
            int stored = 0;
            int refused = 0;
            for (boolean beyond : new boolean[]{false, true}) {
                for (Class<?> type : types) {
                    Object payload = instance(type, beyond);
                    String aggregate = type.getSimpleName() + "-" + beyond;
                    long head = engine.headPosition();
                    try {
                        engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, payload));
                    } catch (UnstorableEventException e) {
                        refused++;
                        if (!beyond) {
                            failures.add(type.getSimpleName() + ": refused a value the input boundary allows: " + e.getMessage());
                        }
                        if (engine.headPosition() != head) {
                            failures.add(type.getSimpleName() + ": refused but stored");
                        }
                        continue;
                    }
                    stored++;
                    Object back = engine.readEvents(aggregate).next().getPayload();
                    JsonNode written = Json.mapper().valueToTree(payload);
                    JsonNode read = Json.mapper().valueToTree(back);
                    if (!written.equals(SAME, read)) {
                        failures.add(type.getSimpleName() + (beyond ? " (beyond the boundary)" : "") + " came back altered");
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(stored).isGreaterThan(types.size());
            assertThat(refused).as("the values beyond the boundary that BSON cannot keep").isPositive();
        }
    }
}
