package cn.duban.query.common;

import cn.duban.platform.consistency.ProcessorAdvances;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' processor: one tracking processor on the event store, one thread; up to 2,000
 * events a batch, one token update and one write per read-model key a batch ({@link ProjectionBatching}).
 * Live, a batch is what has arrived; in a rebuild, 2,000 rather than 500 made the rebuild 6 % faster at
 * 100k events (issue 14's benchmark). Registered here rather than by Axon's properties, which have no
 * place for the status listener that tells a waiting command it has moved on ({@link ProcessorAdvances}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionsProcessor {
    static final int BATCH_SIZE = 2000;

    @Autowired
    public void register(EventProcessingConfigurer processing, ProcessorAdvances advances) {
        processing.registerTrackingEventProcessor(ProjectionGroups.PROJECTIONS, org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH_SIZE)
                        .andEventTrackerStatusChangeListener(advances));
    }
}
