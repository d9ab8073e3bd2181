package cn.duban.query.common;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoded-log cache answers what {@link ChunkedLog} holds now: appends within the last chunk,
 * across chunk boundaries and from another writer are seen; a log rebuilt shorter is read again;
 * an unchanged log is not decoded again; eviction never changes an answer.
 */
class DecodedLogCacheTest extends ProjectionTestBase {
    static final String LOG = "cache_test_log";

    final AtomicInteger decoded = new AtomicInteger();

    DecodedLogCache<Integer> cache(long max) {
        return new DecodedLogCache<>(harness.db, LOG, d -> {
            decoded.incrementAndGet();
            return d.getInteger("i");
        }, max);
    }

    static void append(ChunkedLog log, String key, int from, int to) {
        for (int i = from; i < to; i++) {
            log.append(key, i, "e" + i, new Document("i", i));
        }
        log.flush();
    }

    static List<Integer> range(int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void readsWhatIsStoredNowAndDecodesOnlyWhatIsNew() {
        ChunkedLog writer = new ChunkedLog(harness.db, LOG);
        DecodedLogCache<Integer> cache = cache(10_000);
        assertThat(cache.read("xinqi")).isEmpty();

        append(writer, "xinqi", 0, 40);
        assertThat(cache.read("xinqi")).isEqualTo(range(40));
        decoded.set(0);
        assertThat(cache.read("xinqi")).isEqualTo(range(40));
        assertThat(decoded.get()).as("an unchanged log is not decoded again").isZero();

        // Across several chunks of 32, and by a writer that is not this reader's.
        append(new ChunkedLog(harness.db, LOG), "xinqi", 40, 100);
        decoded.set(0);
        assertThat(cache.read("xinqi")).isEqualTo(range(100));
        assertThat(decoded.get()).as("the full first chunk is not decoded again; the last one seen and the new ones are").isEqualTo(100 - 32);
    }

    @Test
    void aLogRebuiltShorterIsReadAgainWhole() {
        ChunkedLog writer = new ChunkedLog(harness.db, LOG);
        DecodedLogCache<Integer> cache = cache(10_000);
        append(writer, "daqi", 0, 70);
        assertThat(cache.read("daqi")).hasSize(70);

        writer.reset();
        append(new ChunkedLog(harness.db, LOG), "daqi", 0, 5);
        assertThat(cache.read("daqi")).isEqualTo(range(5));
    }

    @Test
    void evictionKeepsItBoundedAndTheAnswersRight() {
        ChunkedLog writer = new ChunkedLog(harness.db, LOG);
        DecodedLogCache<Integer> cache = cache(50);
        append(writer, "a", 0, 40);
        append(writer, "b", 0, 40);
        assertThat(cache.read("a")).isEqualTo(range(40));
        assertThat(cache.read("b")).isEqualTo(range(40));
        decoded.set(0);
        assertThat(cache.read("a")).as("evicted when b came in, read again").isEqualTo(range(40));
        assertThat(decoded.get()).isEqualTo(40);
    }

    @Test
    void theWritersTailIsFoundWithoutReadingTheWholeLog() {
        ChunkedLog first = new ChunkedLog(harness.db, LOG);
        append(first, "admin", 0, 1000);
        ChunkedLog restarted = new ChunkedLog(harness.db, LOG);
        assertThat(restarted.lastChunk("admin").getInteger("n")).isEqualTo(1000 / 32);
        // A restarted writer appends after the last entry, and ignores one already there.
        assertThat(restarted.append("admin", 999, "e999", new Document("i", 999))).isFalse();
        append(restarted, "admin", 1000, 1001);
        assertThat(restarted.read("admin")).hasSize(1001);
        assertThat(restarted.lastChunk("nobody")).isNull();
    }
}
