package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compaction slice runs on the syncer's thread, and so does the writing of what it rewrote; on a
 * quiet store the slices rest once they stop giving space back.
 */
class CompactionSliceTest {

    @TempDir
    Path dataDir;
    OrderedIndexH2Backend backend;
    final EmbeddedChannel channel = new EmbeddedChannel();

    @BeforeEach
    void open() {
        backend = OrderedIndexH2Backend.open(dataDir.resolve("duban.mv.db").toString());
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void aSliceCommitsThePagesItRewroteSoNoDurableAppendsCommitWritesThem() throws Exception {
        Random random = new Random(15);
        // Chunks of kept and dropped documents side by side, then the dropped ones deleted: half-empty chunks.
        for (int i = 0; i < 300; i++) {
            insert("kept", new Document("_id", i).append("text", ReportText.of(random)));
            insert("dropped", new Document("_id", i).append("text", ReportText.of(random)));
            if (i % 10 == 9) {
                backend.commit();
            }
        }
        deleteAll("dropped");
        backend.commit();
        // Only chunks older than H2's retention time may be rewritten.
        Thread.sleep(EmbeddedMongo.RETENTION_MS + 500);
        MVStore store = backend.getMvStore();
        assertThat(store.hasUnsavedChanges()).isFalse();
        long version = store.getCurrentVersion();

        backend.compactSlice(false);

        assertThat(store.getCurrentVersion()).as("the slice rewrote pages and committed them").isGreaterThan(version);
        assertThat(store.hasUnsavedChanges()).as("nothing the slice rewrote is left for the next commit").isFalse();
    }

    /**
     * On a quiet store, slices that never bring the dead bytes a megabyte lower rest
     * ({@link QuietSlices}), until the small writes have left a megabyte more dead. Before each look
     * a few writes leave a chunk nearly empty (about 100 KB dead, committed, so the look is quiet),
     * and a slice rewrites it. Without the rest every one of the 60 looks rewrote and committed
     * (seen, with every look taken as not quiet).
     */
    @Test
    void onAQuietStoreSlicesThatGiveLittleBackRestUntilTheWritesLeaveAMegabyteMoreDead() {
        Random random = new Random(16);
        MVStore store = backend.getMvStore();
        // Chunks may be rewritten at once: no waiting for H2's retention time between looks.
        store.setRetentionTime(0);
        List<Boolean> rewrote = new java.util.ArrayList<>();
        for (int look = 0; look < 60; look++) {
            for (int i = 0; i < 60; i++) {
                insert(i < 3 ? "kept" : "dropped", new Document("_id", look + "-" + i).append("text", ReportText.of(random)));
            }
            backend.commit();
            deleteAll("dropped");
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
    }

    private void insert(String collection, Document doc) {
        backend.handleCommand(channel, "duban", "insert", new Document("insert", collection).append("documents", List.of(doc)));
    }

    private void deleteAll(String collection) {
        backend.handleCommand(channel, "duban", "delete", new Document("delete", collection)
                .append("deletes", List.of(new Document("q", new Document()).append("limit", 0))));
    }
}
