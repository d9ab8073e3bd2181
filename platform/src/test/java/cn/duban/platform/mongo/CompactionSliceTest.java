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

    private static void insert(OrderedIndexH2Backend backend, EmbeddedChannel channel, String collection, Document doc) {
        backend.handleCommand(channel, "duban", "insert", new Document("insert", collection).append("documents", List.of(doc)));
    }
}
