package cn.duban.platform.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit lets the writers go on once {@link RootsTakenFileStore} says the roots are taken: a
 * write made from then on must not be in that commit, or the commit would not be a cut. Guards the
 * place of H2's call on an upgrade.
 */
class RootsTakenFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void aWriteMadeOnceTheRootsAreTakenIsNotInThatCommit() {
        String fileName = dir.resolve("roots.mv.db").toString();
        RootsTakenFileStore file = new RootsTakenFileStore(new HashMap<>());
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
}
