package cn.duban.platform.mongo;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HookedFileStore}'s two hooks, each guarding where H2 calls it on an upgrade. The commit lets
 * the writers go on once the store says the roots are taken: a write made from then on must not be
 * in that commit, or the commit would not be a cut. And a compaction given a budget rewrites the
 * emptiest chunks first.
 */
class HookedFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void aWriteMadeOnceTheRootsAreTakenIsNotInThatCommit() {
        String fileName = dir.resolve("roots.mv.db").toString();
        HookedFileStore file = new HookedFileStore(new HashMap<>());
        file.open(fileName, false, (char[]) null);
        MVStore store = new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().open();
        MVMap<Integer, String> map = store.openMap("m");
        AtomicInteger calls = new AtomicInteger();
        file.onRootsTaken(() -> {
            if (calls.incrementAndGet() == 1) {
                map.put(2, "after the roots");
            }
        });
        map.put(1, "before the commit");

        store.commit();
        assertThat(calls).as("the hook ran once for the commit").hasValue(1);
        // As a crash: what the commit wrote is all there is.
        store.closeImmediately();

        MVStore reopened = new MVStore.Builder().fileName(fileName).open();
        MVMap<Integer, String> after = reopened.openMap("m");
        assertThat(after.get(1)).isEqualTo("before the commit");
        assertThat(after.containsKey(2)).as("a write once the roots were taken").isFalse();
        reopened.close();
    }

    @Test
    void aCompactionGivenABudgetRewritesTheEmptiestChunkFirst() {
        HookedFileStore file = new HookedFileStore(new HashMap<>());
        file.open(dir.resolve("emptiest.mv.db").toString(), false, (char[]) null);
        MVStore store = new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().open();
        store.setRetentionTime(0);
        MVMap<Integer, String> map = store.openMap("m");
        // Entries of about 8 KB of estimated memory, eight to a page (HookedFileStore.MAX_PAGE_SIZE),
        // so that rewriting 80 of 100 leaves pages of the other 20 live.
        String entry = "x".repeat(4_000);
        // A chunk of 100 entries left a fifth live, then one of 20 left four fifths live.
        for (int i = 0; i < 100; i++) {
            map.put(i, entry);
        }
        store.commit();
        for (int i = 100; i < 120; i++) {
            map.put(i, entry);
        }
        store.commit();
        for (int i = 0; i < 80; i++) {
            map.put(i, entry + "'");
        }
        store.commit();
        for (int i = 100; i < 104; i++) {
            map.put(i, entry + "'");
        }
        store.commit();
        map.put(1_000, "a later commit, so that none of the above is the last saved");
        store.commit();
        map.put(1_001, "and one more");
        store.commit();

        file.rewriteBudget(120_000);
        @SuppressWarnings("unchecked")
        List<Chunk<?>> offered = new ArrayList<>((Collection<Chunk<?>>) file.getRewriteCandidates());
        assertThat(offered).as("the emptiest first").isSortedAccordingTo(Comparator.comparingDouble(HookedFileStoreTest::fill));
        assertThat(offered.stream().mapToLong(c -> c.maxLenLive).sum()).as("within the budget").isLessThanOrEqualTo(120_000);
        Chunk<?> emptiest = offered.get(0);
        // Under a fifth: the page holding both the 80th entry and the next ones was written again whole.
        assertThat(fill(emptiest)).as("the chunk a fifth live").isBetween(0.1, 0.25);

        assertThat(store.compact(90, 120_000)).as("H2 rewrote what it was offered").isTrue();
        store.commit();
        assertThat(emptiest.maxLenLive).as("its live pages moved").isZero();
        assertThat(map.get(0)).isEqualTo(entry + "'");
        assertThat(map.get(99)).isEqualTo(entry);
        store.close();
    }

    @Test
    void pagesOfSmallDocumentsHoldFourTimesAsManyAsH2Would() {
        HookedFileStore file = new HookedFileStore(new HashMap<>());
        file.open(dir.resolve("pages.mv.db").toString(), false, (char[]) null);
        MVStore store = new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().keysPerPage(1_000).open();
        MVMap<Integer, String> map = store.openMap("m");
        // 240 entries of about 1 KB of estimated memory each, written in key order as the read models' ids are.
        String text = "y".repeat(480);
        for (int i = 0; i < 240; i++) {
            map.put(i, text);
        }
        store.commit();

        assertThat(file.getMaxPageSize()).isEqualTo(HookedFileStore.MAX_PAGE_SIZE);
        assertThat(store.getMaxPageSize()).as("what MVMap splits by").isEqualTo(HookedFileStore.MAX_PAGE_SIZE);
        // At H2's 16 KB a page splits past about 16 such entries; here past about 64.
        assertThat(240.0 / leaves(map.getRootPage())).as("entries per leaf").isGreaterThan(20);
        store.close();
    }

    private static int leaves(org.h2.mvstore.Page<?, ?> page) {
        if (page.isLeaf()) {
            return 1;
        }
        int n = 0;
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            n += leaves(page.getChildPage(i));
        }
        return n;
    }

    private static double fill(Chunk<?> chunk) {
        return (double) chunk.maxLenLive / chunk.maxLen;
    }
}
