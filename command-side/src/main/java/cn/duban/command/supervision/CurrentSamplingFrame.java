package cn.duban.command.supervision;

import cn.duban.kernel.error.NotReadyException;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.consistency.GatheringEventSource;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The frame a draw reads: the index ({@link SamplingFrameIndex}) once it has handled every event
 * stored when the draw began, so that no committed record is missed; a scan of the store where this
 * process does not run the index (another replica holds it); and, while the index is still catching
 * up here (the first start on a large store builds it from every event), a 503 to be tried again
 * rather than a scan that takes half a minute at a million events.
 */
@Component
public class CurrentSamplingFrame implements SamplingFrame {
    static final Duration CATCHING_UP = Duration.ofSeconds(10);
    private final SamplingFrameIndex index;
    private final StoreSamplingFrame scan;
    private final SequencedMongoEventStorageEngine engine;
    private final ProjectionProgress progress;
    private final GatheringEventSource indexed;

    public CurrentSamplingFrame(SamplingFrameIndex index, @Qualifier(SamplingFrameIndex.SOURCE) GatheringEventSource indexed,
                                SequencedMongoEventStorageEngine engine, ProjectionProgress progress) {
        this.index = index;
        this.indexed = indexed;
        this.scan = new StoreSamplingFrame(engine);
        this.engine = engine;
        this.progress = progress;
    }

    /** A draw waits for the index itself (below); read-your-writes does not, nor does any command's answer. */
    @org.springframework.context.annotation.Bean
    static ProjectionProgress.WaitedForByItsReaders samplingFramesWaitedForByDraws() {
        return new ProjectionProgress.WaitedForByItsReaders(SamplingFrameIndex.GROUP);
    }

    @Override
    public List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to) {
        return switch (awaitIndex(engine.headPosition(), CATCHING_UP)) {
            case YES -> index.records(unitId, kind, from, to);
            case NOT_HERE -> scan.records(unitId, kind, from, to);
            case BEHIND -> throw new NotReadyException("抽样框正在更新，请稍后再试 / the sampling frames are being brought up to date: try again shortly");
        };
    }

    /**
     * Waits until the index has handled the store up to {@code head}, hurrying its events on (they
     * gather otherwise): whether it did, is behind, or is not run in this process.
     */
    public ProjectionProgress.Reached awaitIndex(long head, Duration timeout) {
        indexed.hurry(head);
        return progress.awaitPosition(SamplingFrameIndex.GROUP, head, timeout);
    }
}
