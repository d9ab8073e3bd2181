package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A compaction slice runs on the syncer's thread, and so does the writing of what it rewrote. */
class CompactionSliceTest {

    @TempDir
    Path dataDir;

    @Test
    void aSliceCommitsThePagesItRewroteSoNoDurableAppendsCommitWritesThem() throws Exception {
        OrderedIndexH2Backend backend = OrderedIndexH2Backend.open(dataDir.resolve("duban.mv.db").toString());
        try {
            EmbeddedChannel channel = new EmbeddedChannel();
            Random random = new Random(15);
            // Chunks of kept and dropped documents side by side, then the dropped ones deleted: half-empty chunks.
            for (int i = 0; i < 300; i++) {
                insert(backend, channel, "kept", new Document("_id", i).append("text", ReportText.of(random)));
                insert(backend, channel, "dropped", new Document("_id", i).append("text", ReportText.of(random)));
                if (i % 10 == 9) {
                    backend.commit();
                }
            }
            backend.handleCommand(channel, "duban", "delete", new Document("delete", "dropped")
                    .append("deletes", List.of(new Document("q", new Document()).append("limit", 0))));
            backend.commit();
            // Only chunks older than H2's retention time may be rewritten.
            Thread.sleep(EmbeddedMongo.RETENTION_MS + 500);
            MVStore store = backend.getMvStore();
            assertThat(store.hasUnsavedChanges()).isFalse();
            long version = store.getCurrentVersion();

            backend.compactSlice(false);

            assertThat(store.getCurrentVersion()).as("the slice rewrote pages and committed them").isGreaterThan(version);
            assertThat(store.hasUnsavedChanges()).as("nothing the slice rewrote is left for the next commit").isFalse();
        } finally {
            backend.close();
        }
    }

    /**
     * On a quiet store, slices that never bring the dead bytes a megabyte lower rest
     * ({@link QuietSlices}), until the small writes have left a megabyte more dead. Before each look
     * a few writes leave a chunk nearly empty (about 100 KB dead, committed, so the look is quiet),
     * and a slice rewrites it. Without the rest every one of the 60 looks rewrote and committed
     * (seen, with every look taken as not quiet).
     */
    @Test
    void onAQuietStoreSlicesThatGiveLittleBackRestUntilTheWritesLeaveAMegabyteMoreDead() throws Exception {
        OrderedIndexH2Backend backend = OrderedIndexH2Backend.open(dataDir.resolve("duban.mv.db").toString());
        try {
            EmbeddedChannel channel = new EmbeddedChannel();
            Random random = new Random(16);
            MVStore store = backend.getMvStore();
            // Chunks may be rewritten at once: no waiting for H2's retention time between looks.
            store.setRetentionTime(0);
            List<Boolean> rewrote = new java.util.ArrayList<>();
            for (int look = 0; look < 60; look++) {
                for (int i = 0; i < 60; i++) {
                    insert(backend, channel, i < 3 ? "kept" : "dropped", new Document("_id", look + "-" + i).append("text", ReportText.of(random)));
                }
                backend.commit();
                backend.handleCommand(channel, "duban", "delete", new Document("delete", "dropped")
                        .append("deletes", List.of(new Document("q", new Document()).append("limit", 0))));
                backend.commit();
                // As the syncer does: emptied chunks are let go once what emptied them is forced.
                backend.forceToDisk();
                long version = store.getCurrentVersion();
                backend.compactSlice(false);
                rewrote.add(store.getCurrentVersion() > version);
            }

            int restBegins = rewrote.subList(1, rewrote.size()).indexOf(false) + 1;
            assertThat(restBegins).as("looks that rewrote before the first rest (%s)", rewrote).isGreaterThanOrEqualTo(25);
            int restEnds = rewrote.subList(restBegins, rewrote.size()).indexOf(true) + restBegins;
            assertThat(restEnds).as("the rest ends, once a megabyte more is dead (%s)", rewrote).isGreaterThan(restBegins);
            assertThat(restEnds - restBegins).as("looks at rest (%s)", rewrote).isGreaterThanOrEqualTo(8);
        } finally {
            backend.close();
        }
    }

    private static void insert(OrderedIndexH2Backend backend, EmbeddedChannel channel, String collection, Document doc) {
        backend.handleCommand(channel, "duban", "insert", new Document("insert", collection).append("documents", List.of(doc)));
    }
}
