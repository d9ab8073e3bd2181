package cn.duban.command.supervision;

import cn.duban.command.supervision.SamplingSources.Frame;
import cn.duban.command.supervision.SamplingSources.Recorded;
import cn.duban.command.supervision.SamplingSources.Source;
import cn.duban.command.supervision.SamplingSources.Withdrawal;
import cn.duban.kernel.FormerEventNames;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link SamplingFrame} read by scanning the event store itself: what a draw falls back on where
 * this process does not keep the frame's index ({@link CurrentSamplingFrame}). No index backs the
 * scan: about a second at a district's yearly volume, and at a million events half a minute, its
 * answer for the busiest unit more than the embedded server sends in one reply (issue 14).
 */
public final class StoreSamplingFrame implements SamplingFrame {
    private final SequencedMongoEventStorageEngine engine;

    public StoreSamplingFrame(SequencedMongoEventStorageEngine engine) {
        this.engine = engine;
    }

    private static Recorded recorded(StoredEvent e) {
        return new Recorded(e.payload(), e.eventId(), e.recordedAt());
    }

    @Override
    public List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to) {
        Source source = SamplingSources.of(kind);
        Set<String> recorded = FormerEventNames.storedNamesOf(source.event());
        Set<String> types = new TreeSet<>(recorded);
        source.withdrawals().forEach(w -> types.addAll(FormerEventNames.storedNamesOf(w.event())));
        // One scan of the store for the records and their withdrawals.
        Frame frame = new Frame(source);
        for (StoredEvent stored : engine.findEvents(types, "unitId", unitId)) {
            Recorded e = recorded(stored);
            if (recorded.contains(stored.payloadType())) {
                LocalDate on = source.on().apply(e);
                if (!on.isBefore(from) && !on.isAfter(to)) {
                    frame.record(source.id().apply(e), source.named(e));
                }
                continue;
            }
            for (int i = 0; i < source.withdrawals().size(); i++) {
                Withdrawal w = source.withdrawals().get(i);
                if (FormerEventNames.storedNamesOf(w.event()).contains(stored.payloadType())) {
                    frame.withdrawn(i, w.names().apply(e));
                }
            }
        }
        return frame.ids();
    }
}
