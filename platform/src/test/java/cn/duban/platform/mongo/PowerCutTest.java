package cn.duban.platform.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut takes at most what was not yet forced to disk: H2 writes over no chunk before the commit
 * that emptied it is on the disk ({@link OrderedIndexH2Backend#forceToDisk}). The disk here
 * ({@link PowerCutFileSystem}) writes out of order, as a disk behind the operating system's buffers
 * may: at the cut it has taken every write over space the file already held and none of those that
 * grew it (the order that lost the whole file before), or any of them as a coin falls.
 */
class PowerCutTest {

    @TempDir
    Path dataDir;

    @Test
    void aPowerCutLeavesWhatWasForcedReadableEvenWhenAnOldChunkWasEmptiedSince() throws Exception {
        Path file = dataDir.resolve("duban.mv.db");
        Reports reports = forcedThenReplacedThenCut(file, new Random(7), oldSpace -> write -> write.end() <= oldSpace);
        assertThat(reportsAfterTheCut(file)).isEqualTo(reports.forced());
    }

    /**
     * The same, the disk having taken any of the writes not forced, each or not as a coin falls: the
     * file opens as forced, or as a later commit whose chunks all reached the disk.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aPowerCutLeavesWhatWasForcedReadableWhateverTheDiskTookOfTheRest(long seed) throws Exception {
        Path file = dataDir.resolve("duban.mv.db");
        Random coin = new Random(seed);
        Reports reports = forcedThenReplacedThenCut(file, new Random(seed), oldSpace -> write -> coin.nextBoolean());
        assertThat(reportsAfterTheCut(file)).isIn(reports.forced(), reports.replaced());
    }

    /** The reports as they were forced, and as they were replaced since. */
    private record Reports(Map<Integer, String> forced, Map<Integer, String> replaced) {
    }

    /** {@code tookAtTheCut}: which of the writes not forced the disk took, told how long the file was at the last force. */
    private static Reports forcedThenReplacedThenCut(Path file, Random random,
                                                     LongFunction<Predicate<PowerCutFileSystem.Write>> tookAtTheCut) throws Exception {
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
        Map<Integer, byte[]> replaced = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            replaced.put(i, bytes(random, 2_000));
        }
        reports.putAll(replaced);
        backend.commit();
        MVMap<Integer, byte[]> tokens = store.openMap("tokens");
        for (int i = 0; i < 30; i++) {
            tokens.put(i, bytes(random, 100));
            backend.commit();
        }
        // and the power fails,
        PowerCutFileSystem.Disk disk = PowerCutFileSystem.diskOf(file);
        disk.cut(tookAtTheCut.apply(disk.sizeAtLastForce()));
        store.closeImmediately();
        return new Reports(hex(forced), hex(replaced));
    }

    /** Then the file opens (H2 throws if it finds no complete set of chunks), and these are its reports. */
    private static Map<Integer, String> reportsAfterTheCut(Path file) {
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return hex(reopened.openMap("reports"));
        }
    }

    /** Comparable by value, and readable in a failure. */
    private static Map<Integer, String> hex(Map<Integer, byte[]> reports) {
        Map<Integer, String> hex = new TreeMap<>();
        reports.forEach((id, report) -> hex.put(id, HexFormat.of().formatHex(report, 0, 8) + "… (" + Arrays.hashCode(report) + ")"));
        return hex;
    }

    /** Bytes that do not compress: each commit writes about as much as it changed. */
    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
