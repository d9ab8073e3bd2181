package cn.duban.platform.axon;

import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProcessorAdvances;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.kernel.FormerEventNames;
import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.DurabilityBarrier;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

/**
 * Axon on MongoDB without Axon Server: our own event storage engine, and the Mongo extension
 * where it is sound (token store, sagas). No transactions: the embedded server has none, and a
 * Spring MongoTransactionManager there makes every projection write fail.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    private static JacksonSerializer jackson() {
        return new FormerNamesSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()).lenientDeserialization());
    }

    /** Reads events stored under a name their class no longer has ({@link FormerEventNames}) as that class. */
    static final class FormerNamesSerializer extends JacksonSerializer {
        FormerNamesSerializer(Builder builder) {
            super(builder);
        }

        @Override
        protected String resolveClassName(SerializedType type) {
            Class<?> moved = FormerEventNames.classFor(type.getName());
            return moved != null ? moved.getName() : super.resolveClassName(type);
        }
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    public SequencedMongoEventStorageEngine eventStorageEngine(MongoDatabase database, DurabilityBarrier durability,
                                                               @Qualifier("eventSerializer") Serializer events,
                                                               Serializer snapshots, DubanProperties props, java.time.Clock dubanClock) {
        return SequencedMongoEventStorageEngine.builder()
                .database(database)
                .durability(durability)
                .clock(dubanClock)
                .gapTimeout(props.gapTimeout())
                .exclusiveWriter(props.embedded())
                .eventSerializer(events)
                .snapshotSerializer(snapshots)
                .build();
    }

    /** Polls every 100 ms when idle, so a separate query-side process follows closely; in one JVM appends wake it at once. */
    @Bean(destroyMethod = "shutDown")
    public EmbeddedEventStore eventStore(EventStorageEngine engine) {
        EarlyReadingEventStore store = new EarlyReadingEventStore(EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(100).cleanupDelay(10_000));
        if (engine instanceof SequencedMongoEventStorageEngine sequenced) {
            sequenced.whenEventsStored(store::eventsStored);
        }
        return store;
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 @org.springframework.beans.factory.annotation.Value("${duban.node-name:}") String nodeName) {
        var tokens = MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10));
        // A segment's claim names its process. Axon's default name (pid@host) is the same for two
        // applications in one JVM, which would then both take a segment as their own and, when one
        // stops, leave the other without its claim for a while.
        if (!nodeName.isBlank()) {
            tokens.nodeId(nodeName);
        }
        return tokens.build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /**
     * A strong LRU cache of aggregates: loading a stream is a few indexed lookups, but the probe
     * showed weak-reference caching was evicted too eagerly to help.
     */
    @Bean
    public Cache aggregateCache(CacheManager aggregateCacheManager) {
        org.ehcache.Cache<Object, Object> cache = aggregateCacheManager.createCache("aggregates",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(20_000)));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    /** Who did it and from where, copied from each command onto the events it causes. */
    @Bean
    public CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(Audit.ACTOR, Audit.ROLE, Audit.UNIT, Audit.ON_BEHALF_OF, Audit.CLIENT_ADDRESS, Audit.IDEMPOTENCY_KEY);
    }

    /**
     * Tracking processors without settings of their own (the users' directory, open assignments, the
     * deadline watch) tell {@link ProcessorAdvances} when they move on, as the read models' does
     * ({@code ProjectionsProcessor}): a command's answer waits for each of them.
     */
    @Autowired
    public void tellAdvances(EventProcessingConfigurer processing, ProcessorAdvances advances) {
        processing.registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andEventTrackerStatusChangeListener(advances));
    }

    /** A handler that fails must stop and retry its processor, never be logged and skipped. */
    @Autowired
    public void configureErrorHandling(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
