package cn.duban.platform.mongo;

import org.h2.compress.CompressDeflate;
import org.h2.compress.Compressor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PageDeflate} writes and reads pages as H2's own Deflate does, so that a file written before it
 * (or by H2 alone) opens as it did, and H2 takes it as the store's compression.
 */
class PageDeflateTest {

    @TempDir
    Path dir;

    /** Something like a page of documents: field names over and over, values that differ. */
    private static byte[] page(int documents) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            text.append("{\"_id\":\"Training#").append(i * 7919 % 10007).append("\",\"unitId\":\"xinqi\",\"topic\":\"压测培训")
                    .append(i % 13).append("\",\"attendees\":").append(i % 97).append(",\"hours\":").append(i % 5).append('}');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatOneCompressesTheOtherExpands() {
        byte[] page = page(200);
        for (int level : new int[] {1, 6, 9}) {
            PageDeflate ours = atOneLevel(level);
            byte[] compressed = new byte[page.length * 2];
            int length = ours.compress(page, 0, page.length, compressed, 3) - 3;
            assertThat(length).as("level %d compresses", level).isBetween(1, page.length / 3);

            byte[] expandedByH2 = new byte[page.length + 5];
            new CompressDeflate().expand(compressed, 3, length, expandedByH2, 5, page.length);
            assertThat(Arrays.copyOfRange(expandedByH2, 5, expandedByH2.length)).isEqualTo(page);

            byte[] byH2 = new byte[page.length * 2];
            int h2Length = new CompressDeflate().compress(page, 0, page.length, byH2, 0);
            byte[] expandedByOurs = new byte[page.length];
            ours.expand(byH2, 0, h2Length, expandedByOurs, 0, page.length);
            assertThat(expandedByOurs).isEqualTo(page);
        }
    }

    /** The syncer's thread (compaction, its commits) compresses harder than a waiting append's commit. */
    @Test
    void whileToldItCompressesAtItsThoroughLevel() {
        java.util.concurrent.atomic.AtomicBoolean background = new java.util.concurrent.atomic.AtomicBoolean();
        PageDeflate ours = new PageDeflate(1, 6, background::get);
        byte[] page = page(400);
        byte[] out = new byte[page.length * 2];
        int fast = ours.compress(page, 0, page.length, out, 0);
        background.set(true);
        int thorough = ours.compress(page, 0, page.length, out, 0);
        byte[] expanded = new byte[page.length];
        ours.expand(out, 0, thorough, expanded, 0, page.length);
        assertThat(expanded).isEqualTo(page);
        background.set(false);
        assertThat(thorough).isLessThan(fast);
        assertThat(ours.compress(page, 0, page.length, out, 0)).as("fast again").isEqualTo(fast);
    }

    @Test
    void itsStreamsServeOnePageAfterAnotherAndThreadsAtOnce() throws Exception {
        PageDeflate ours = atOneLevel(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            var done = new java.util.ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 1; i <= 200; i++) {
                        byte[] page = page(i + thread);
                        byte[] compressed = new byte[page.length * 2];
                        int end = ours.compress(page, 0, page.length, compressed, 0);
                        byte[] expanded = new byte[page.length];
                        ours.expand(compressed, 0, end, expanded, 0, page.length);
                        assertThat(expanded).isEqualTo(page);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aPageThatDoesNotExpandIsReportedAsH2ReportsIt() {
        byte[] garbage = "not a zlib stream".getBytes(StandardCharsets.UTF_8);
        PageDeflate ours = atOneLevel(1);
        assertThatThrownBy(() -> ours.expand(garbage, 0, garbage.length, new byte[100], 0, 100))
                .isInstanceOf(MVStoreException.class);
        // A stream that ends short of the page's length is corrupt too, and the pool goes on.
        byte[] page = page(50);
        byte[] compressed = new byte[page.length * 2];
        int end = ours.compress(page, 0, page.length, compressed, 0);
        assertThatThrownBy(() -> ours.expand(compressed, 0, end, new byte[page.length + 10], 0, page.length + 10))
                .isInstanceOf(MVStoreException.class);
        byte[] expanded = new byte[page.length];
        ours.expand(compressed, 0, end, expanded, 0, page.length);
        assertThat(expanded).isEqualTo(page);
    }

    @Test
    void theStoreCompressesWithItAndAFileWrittenByH2AloneStillOpens() {
        String fileName = dir.resolve("pages.mv.db").toString();
        // Written by H2 with its own Deflate, as files were before.
        MVStore before = new MVStore.Builder().fileName(fileName).compressHigh().open();
        MVMap<Integer, String> written = before.openMap("m");
        for (int i = 0; i < 500; i++) {
            written.put(i, new String(page(3 + i % 5), StandardCharsets.UTF_8));
        }
        before.close();

        AtomicInteger compressed = new AtomicInteger();
        PageDeflate ours = atOneLevel(1);
        Compressor counting = new Compressor() {
            @Override
            public int getAlgorithm() {
                return ours.getAlgorithm();
            }

            @Override
            public int compress(byte[] in, int inPos, int inLen, byte[] out, int outPos) {
                compressed.incrementAndGet();
                return ours.compress(in, inPos, inLen, out, outPos);
            }

            @Override
            public void expand(byte[] in, int inPos, int inLen, byte[] out, int outPos, int outLen) {
                ours.expand(in, inPos, inLen, out, outPos, outLen);
            }

            @Override
            public void setOptions(String options) {
                ours.setOptions(options);
            }
        };
        HookedFileStore file = new HookedFileStore(new HashMap<>());
        file.open(fileName, false, (char[]) null);
        MVStore store = new MVStore.Builder().adoptFileStore(file).compressHigh().open();
        OrderedIndexH2Backend.compressPagesWith(store, counting);
        MVMap<Integer, String> map = store.openMap("m");
        assertThat(map.get(499)).as("a page H2 compressed, read with PageDeflate").isEqualTo(new String(page(3 + 499 % 5), StandardCharsets.UTF_8));
        for (int i = 500; i < 1000; i++) {
            map.put(i, new String(page(3 + i % 5), StandardCharsets.UTF_8));
        }
        store.commit();
        assertThat(compressed.get()).as("the commit's pages went through it").isPositive();
        store.close();

        MVStore byH2 = new MVStore.Builder().fileName(fileName).compressHigh().open();
        MVMap<Integer, String> read = byH2.openMap("m");
        assertThat(read.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(read.get(i)).isEqualTo(new String(page(3 + i % 5), StandardCharsets.UTF_8));
        }
        byH2.close();
    }

    /** Pages deflated at one level, whichever thread writes them. */
    private static PageDeflate atOneLevel(int level) {
        return new PageDeflate(level, level, () -> false);
    }
}
