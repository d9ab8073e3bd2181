package cn.duban.query.assessment;

import cn.duban.query.common.ProjectionGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every unit's checkpoints kept for totals built ahead of the answers that score every unit at
 * once ({@link ScoreQueries#keepTotalsCheckpointsWarm}): {@code duban.scores.warm-up-delay} (10 s)
 * after the application is ready, and then every {@code duban.scores.warm-up-interval} (a minute), so
 * that units, schemes and facts added since are folded too. After the first pass a pass reads only
 * each log's end.
 *
 * <p>Not at once: in a new JVM the first pass on a million events folds for 13-19 s on one core, and
 * begun at once it took the first command after the start from 0.6-1.0 s to 1.1-1.8 s (four starts),
 * over issue 14's line of a second. Whoever comes in the first seconds after a start is
 * more likely to record something than to read every unit's result. On a thread of its own, not the
 * shared scheduler's, so that the deadline checks and the webhook sender never wait for a pass.
 *
 * <p>No pass while the projections replay (a rebuild): the facts it would fold are the rebuild's
 * half-written logs, read again at the first pass after it, and a pass took a core from the rebuild
 * (6 % of a rebuild's thread samples at 100k, issue 14).
 */
@Component
class TotalsWarmUp implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TotalsWarmUp.class);

    private final ScoreQueries scores;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration interval;
    private final Duration delay;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "totals-warm-up");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;
    private boolean warmedOnce;

    TotalsWarmUp(ScoreQueries scores, ObjectProvider<EventProcessingConfiguration> processing,
                 @Value("${duban.scores.warm-up-interval:PT1M}") Duration interval,
                 @Value("${duban.scores.warm-up-delay:PT10S}") Duration delay) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("duban.scores.warm-up-interval must be positive: " + interval);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("duban.scores.warm-up-delay must not be negative: " + delay);
        }
        this.scores = scores;
        this.processing = processing;
        this.interval = interval;
        this.delay = delay;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::pass, delay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pass() {
        if (projectionsReplaying()) {
            log.debug("totals warm-up skipped: the projections are replaying");
            return;
        }
        long t0 = System.nanoTime();
        try {
            ScoreQueries.Warmed warmed = scores.keepTotalsCheckpointsWarm();
            long folded = warmed.facts();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!warmedOnce) {
                log.info("各单位得分检查点已备好：折算 {} 条事实，用时 {} ms / totals checkpoints ready: {} facts folded in {} ms",
                        folded, ms, folded, ms);
                if (warmed.unitsLeft() > 0) {
                    // Each answer for every unit then folds these units' logs itself (seconds at a city's scale).
                    log.warn("得分检查点已达上限，{} 个单位未预先备好 / totals checkpoints at their bound: {} units left to their answers",
                            warmed.unitsLeft(), warmed.unitsLeft());
                }
                warmedOnce = true;
            } else if (folded > 0) {
                log.debug("totals checkpoints extended by {} facts in {} ms", folded, ms);
            }
        } catch (RuntimeException e) {
            if (closing) {
                log.debug("totals warm-up stopped by the shutdown", e);
            } else {
                // The next pass tries again; the answers meanwhile build what they need themselves.
                log.warn("得分检查点预备失败，{} 后重试 / totals warm-up failed, retrying in {}", interval, interval, e);
            }
        }
    }

    private boolean projectionsReplaying() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config != null && config.eventProcessor(ProjectionGroups.PROJECTIONS, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }

    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        // Interrupted, a pass stops at its next read of the store (the driver throws), before the client closes.
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
