package cn.duban.platform.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut takes at most what was not yet forced to disk: H2 writes over no chunk before the commit
 * that emptied it is on the disk ({@link OrderedIndexH2Backend#forceToDisk}). The disk here
 * ({@link PowerCutFileSystem}) writes out of order, as a disk behind the operating system's buffers
 * may: at the cut it has taken every write over space the file already held, and none of those that
 * grew it.
 */
class PowerCutTest {

    @TempDir
    Path dataDir;

    @Test
    void aPowerCutLeavesWhatWasForcedReadableEvenWhenAnOldChunkWasEmptiedSince() throws Exception {
        Path file = dataDir.resolve("duban.mv.db");
        Random random = new Random(7);
        OrderedIndexH2Backend backend = OrderedIndexH2Backend.open(PowerCutFileSystem.pathOf(file));
        MVStore store = backend.getMvStore();
        // Given reports forced to disk, in a chunk older than H2's retention time.
        MVMap<Integer, byte[]> reports = store.openMap("reports");
        Map<Integer, byte[]> forced = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            forced.put(i, bytes(random, 2_000));
        }
        reports.putAll(forced);
        backend.commit();
        backend.forceToDisk();
        Thread.sleep(EmbeddedMongo.RETENTION_MS + 200);

        // When every report is replaced, which empties their chunk, and commits follow, none of them forced,
        for (int i = 0; i < 100; i++) {
            reports.put(i, bytes(random, 2_000));
        }
        backend.commit();
        MVMap<Integer, byte[]> tokens = store.openMap("tokens");
        for (int i = 0; i < 30; i++) {
            tokens.put(i, bytes(random, 100));
            backend.commit();
        }
        // and the power fails, the disk having taken the writes over the file's old space and not the others:
        PowerCutFileSystem.Disk disk = PowerCutFileSystem.diskOf(file);
        long oldSpace = disk.sizeAtLastForce();
        disk.cut(write -> write.end() <= oldSpace);
        store.closeImmediately();

        // Then the file opens, holding the reports as they were forced.
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Integer, byte[]> read = reopened.openMap("reports");
            assertThat(read.size()).isEqualTo(forced.size());
            forced.forEach((id, report) -> assertThat(read.get(id)).as("report %d", id).isEqualTo(report));
        }
    }

    /** Bytes that do not compress: each commit writes about as much as it changed. */
    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
