package cn.duban.query.common;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log written in batches of any size reads back whole and in order, in chunks of at most 32; a
 * batch delivered again (after a failure or a restart) adds nothing, whether its chunks were new
 * (inserted) or continued (pushed onto).
 */
class ChunkedLogTest extends ProjectionTestBase {
    static final String LOG = "chunked_log_test";

    static List<Integer> values(List<Document> entries) {
        return entries.stream().map(d -> d.getInteger("i")).toList();
    }

    static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    static void batch(ChunkedLog log, String key, int from, int to) {
        for (int i = from; i < to; i++) {
            log.append(key, i, "e" + i, new Document("i", i));
        }
        log.flush();
    }

    @Test
    void batchesOfAnySizeReadBackWholeInChunksOfAtMost32() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        int[] cuts = {0, 1, 41, 48, 100, 101, 133};
        for (int k = 1; k < cuts.length; k++) {
            batch(log, "xinqi", cuts[k - 1], cuts[k]);
            batch(log, "daqi", cuts[k - 1], cuts[k]);
        }
        assertThat(values(new ChunkedLog(harness.db, LOG).read("xinqi"))).isEqualTo(range(0, 133));
        assertThat(values(new ChunkedLog(harness.db, LOG).read("daqi"))).isEqualTo(range(0, 133));
        List<Document> chunks = harness.db.getCollection(LOG).find(new Document("key", "xinqi")).into(new ArrayList<>());
        assertThat(chunks).hasSize(5).allSatisfy(c -> assertThat(c.getList("entries", Document.class)).hasSizeLessThanOrEqualTo(32));
    }

    /** A stretch of a long log reads back as the same stretch of the whole log, across chunks and batches of chunks, and stops where the log does. */
    @Test
    void aStretchReadsBackAsTheSameStretchOfTheWholeLog() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        int size = 32 * 64 * 2 + 45;
        batch(log, "xinqi", 0, size);
        int[][] stretches = {{0, 0}, {0, 1}, {5, 6}, {31, 33}, {32, 64}, {0, size}, {100, 32 * 64 + 7}, {32 * 64 - 1, 32 * 64 * 2 + 1},
                {size - 3, size + 40}, {size, size + 5}, {size + 10, size + 100}, {3000, 2000}};
        for (int[] s : stretches) {
            List<Document> read = new ArrayList<>();
            new ChunkedLog(harness.db, LOG).forEachBetween("xinqi", s[0], s[1], read::add);
            assertThat(values(read)).as("entries %d to %d", s[0], s[1]).isEqualTo(range(Math.min(s[0], size), Math.max(Math.min(s[0], size), Math.min(s[1], size))));
        }
        List<Document> none = new ArrayList<>();
        log.forEachBetween("daqi", 0, 10, none::add);
        assertThat(none).isEmpty();
    }

    /**
     * A batch over many keys, each continuing the chunk its log ended in and beginning new ones, is
     * written in two requests to the store: the continued chunks, then the new ones. Written key by
     * key it took two requests a key, 88 for these 44 keys.
     */
    @Test
    void aBatchOverManyKeysIsWrittenInTwoRequests() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        List<String> keys = range(0, 44).stream().map(i -> "unit-" + i).toList();
        keys.forEach(key -> batch(log, key, 0, 20));
        List<String> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (com.mongodb.client.MongoClient counted = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(harness.mongo.connectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent e) {
                        if (List.of("insert", "update").contains(e.getCommandName())) {
                            writes.add(e.getCommandName());
                        }
                    }
                }).build())) {
            ChunkedLog again = new ChunkedLog(counted.getDatabase(harness.db.getName()), LOG);
            for (String key : keys) {
                for (int i = 20; i < 90; i++) {
                    again.append(key, i, "e" + i, new Document("i", i));
                }
            }
            again.flush();
        }
        assertThat(writes).containsExactly("update", "insert");
        keys.forEach(key -> assertThat(values(new ChunkedLog(harness.db, LOG).read(key))).as(key).isEqualTo(range(0, 90)));
    }

    @Test
    void aBatchDeliveredAgainAddsNothing() {
        ChunkedLog first = new ChunkedLog(harness.db, LOG);
        batch(first, "xinqi", 0, 20);
        batch(first, "xinqi", 20, 70);
        // Another process (a restart) sees the store only, and is given the same events again.
        ChunkedLog again = new ChunkedLog(harness.db, LOG);
        batch(again, "xinqi", 20, 70);
        batch(again, "xinqi", 0, 75);
        assertThat(values(new ChunkedLog(harness.db, LOG).read("xinqi"))).isEqualTo(range(0, 75));
        // And after a failed batch is thrown away, the same process starts from the store again.
        for (int i = 75; i < 80; i++) {
            again.append("xinqi", i, "e" + i, new Document("i", i));
        }
        again.discard();
        batch(again, "xinqi", 70, 90);
        assertThat(values(new ChunkedLog(harness.db, LOG).read("xinqi"))).isEqualTo(range(0, 90));
    }

    /**
     * A log of several batches of chunks (each next batch read while the one before is handled) reads
     * back whole and in order, from the start or from any chunk, with the buffered entries last; a
     * reader that fails part-way sees its failure, and the log reads whole again after it.
     */
    @Test
    void aLongLogReadsBackInOrderWhileItsNextChunksAreReadAhead() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        batch(log, "xinqi", 0, 32 * 64 * 3 + 40);
        for (int i = 32 * 64 * 3 + 40; i < 32 * 64 * 3 + 45; i++) {
            log.append("xinqi", i, "e" + i, new Document("i", i));
        }
        List<Integer> seen = new ArrayList<>();
        log.forEach("xinqi", d -> seen.add(d.getInteger("i")));
        assertThat(seen).isEqualTo(range(0, 32 * 64 * 3 + 45));
        List<Document> fromChunk = ChunkedLog.readChunks(harness.db.getCollection(LOG), "xinqi", 70);
        assertThat(fromChunk).extracting(c -> c.getInteger("n")).isEqualTo(range(70, 64 * 3 + 2));
        RuntimeException stop = new IllegalStateException("the reader gave up");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.forEach("xinqi", d -> {
            if (d.getInteger("i") == 32 * 64 + 5) {
                throw stop;
            }
        })).isSameAs(stop);
        assertThat(values(log.read("xinqi"))).isEqualTo(range(0, 32 * 64 * 3 + 45));
    }

    /**
     * A log's size comes from its last chunk alone, and entries picked by index come from the chunks
     * that hold them: at chunk boundaries, in the last (partly filled) chunk, and with buffered
     * entries not yet written counted but not read.
     */
    @Test
    void aLogsSizeAndEntriesPickedByIndexMatchTheWholeLog() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        assertThat(log.size("xinqi")).isZero();
        assertThat(log.entriesAt("xinqi", new int[]{0, 5})).isEmpty();
        int total = 32 * 70 + 5;
        batch(log, "xinqi", 0, total);
        batch(log, "daqi", 0, 40);
        ChunkedLog reader = new ChunkedLog(harness.db, LOG);
        assertThat(reader.size("xinqi")).isEqualTo(total);
        assertThat(reader.size("daqi")).isEqualTo(40);
        int[] picked = {0, 1, 31, 32, 33, 63, 64, 1000, 32 * 64 - 1, 32 * 64, 32 * 64 + 1, 32 * 69 + 31, 32 * 70, total - 1};
        List<Document> all = reader.read("xinqi");
        assertThat(values(reader.entriesAt("xinqi", picked)))
                .isEqualTo(java.util.stream.IntStream.of(picked).mapToObj(i -> all.get(i).getInteger("i")).toList());
        log.append("xinqi", total, "e" + total, new Document("i", total));
        assertThat(log.size("xinqi")).as("with the buffered entry").isEqualTo(total + 1);
        assertThat(values(log.entriesAt("xinqi", new int[]{total - 1, total}))).as("stored entries only").containsExactly(total - 1);
    }

    /**
     * The last chunk is found in a few reads of at most 64 numbers each, whatever the log's length:
     * every length up to 5,000 chunks and some far longer, with a store that answers which of the
     * numbers asked exist.
     */
    /**
     * An event's entry is found by its position among the chunks, whichever chunk holds it: the first,
     * the last, one of several entries at one position (across a chunk's end), and nothing for an
     * id at no position of the log, a position between two, or beyond the last.
     */
    @Test
    void anEntryIsFoundByItsPositionWithoutReadingTheLog() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        List<long[]> written = new ArrayList<>();
        for (int i = 0; i < 32 * 40 + 7; i++) {
            long position = 3L * i - (i % 5 == 1 ? 3 : 0); // every fifth entry shares the position before it
            String id = "e" + i;
            log.append("xinqi", position, id, new Document("eventId", id).append("position", position).append("i", i));
            written.add(new long[] {position, i});
        }
        log.flush();
        for (long[] w : written) {
            assertThat(log.entryAt("xinqi", w[0], "e" + w[1])).as("e%d at %d", w[1], w[0])
                    .hasValueSatisfying(d -> assertThat(d.getInteger("i")).isEqualTo((int) w[1]));
        }
        assertThat(log.entryAt("xinqi", 3, "e0")).as("another position").isEmpty();
        assertThat(log.entryAt("xinqi", 4, "e1")).as("between two").isEmpty();
        assertThat(log.entryAt("xinqi", 1_000_000, "e1")).as("beyond the last").isEmpty();
        assertThat(log.entryAt("daqi", 0, "e0")).as("another key").isEmpty();
    }

    @Test
    void theEntriesBeforeAPositionAreCountedWithoutReadingTheLog() {
        ChunkedLog log = new ChunkedLog(harness.db, LOG);
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 32 * 12 + 7; i++) {
            long position = 3L * i - (i % 5 == 1 ? 3 : 0); // every fifth entry shares the position before it
            log.append("xinqi", position, "e" + i, new Document("eventId", "e" + i).append("position", position));
            positions.add(position);
        }
        log.flush();
        long beyond = positions.get(positions.size() - 1) + 2;
        for (long p = 0; p <= beyond; p += p < 100 || p > beyond - 100 ? 1 : 7) {
            long at = p;
            long expected = positions.stream().filter(q -> q < at).count();
            assertThat(log.countBefore("xinqi", p)).as("before %d", p).isEqualTo((int) expected);
        }
        assertThat(log.countBefore("daqi", 10)).as("a key with no log").isZero();
    }

    @Test
    void theLastChunkIsFoundInAFewReadsWhateverTheLogsLength() {
        List<Integer> lasts = new ArrayList<>(range(-1, 5_000));
        lasts.addAll(List.of(65_535, 65_536, 1_000_000, Integer.MAX_VALUE - 1));
        for (int last : lasts) {
            int[] reads = {0};
            int found = ChunkedLog.lastPresent(numbers -> {
                reads[0]++;
                assertThat(numbers).hasSizeLessThanOrEqualTo(64);
                return numbers.stream().filter(n -> n <= last).collect(java.util.stream.Collectors.toSet());
            });
            assertThat(found).as("last chunk of %d", last).isEqualTo(last);
            assertThat(reads[0]).as("reads for last chunk %d", last).isLessThanOrEqualTo(last <= 5_000 ? 3 : last <= 1_000_000 ? 5 : 6);
        }
    }
}
