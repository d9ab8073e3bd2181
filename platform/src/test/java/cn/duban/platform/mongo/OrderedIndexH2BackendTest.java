package cn.duban.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast index order on the embedded server: same answers, and a file written before it still reads. */
class OrderedIndexH2BackendTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoreWrittenWithTheOldOrderIsResortedAndAnswersEveryLookUp() {
        String[] keys = new String[500];
        for (int i = 0; i < keys.length; i++) {
            // Lengths vary: the old order sorted by serialized bytes (length first), the new one does not.
            keys[i] = "k" + i + "-" + UUID.randomUUID().toString().substring(0, i % 17);
        }
        // Written by mongo-java-server's own backend, as every release before this one did.
        H2Backend plain = new H2Backend(dataDir.resolve("duban.mv.db").toString());
        MongoServer server = new MongoServer(plain);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < keys.length; i++) {
                items.insertOne(new Document("_id", (long) i).append("key", keys[i]).append("n", i));
            }
        } finally {
            plain.commit();
            server.shutdownNow();
        }

        Consumer<MongoCollection<Document>> everyKeyFoundAndUnique = items -> {
            for (int i = 0; i < keys.length; i++) {
                assertThat(items.find(Filters.eq("key", keys[i])).first()).extracting(d -> d.get("n")).isEqualTo(i);
                assertThat(items.find(Filters.eq("_id", (long) i)).first()).isNotNull();
            }
            assertThatThrownBy(() -> items.insertOne(new Document("_id", 9_999L).append("key", keys[7])))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> items.insertOne(new Document("_id", 3L).append("key", "fresh")))
                    .isInstanceOf(MongoWriteException.class);
        };

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            everyKeyFoundAndUnique.accept(items);
            items.insertOne(new Document("_id", 10_000L).append("key", "added after re-sorting").append("n", -1));
        }
        // Opened again: already in the new order, nothing re-sorted, the key added last is found too.
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            everyKeyFoundAndUnique.accept(items);
            assertThat(items.find(Filters.eq("key", "added after re-sorting")).first()).isNotNull();
            assertThat(items.countDocuments()).isEqualTo(keys.length + 1);
        }
    }

    @Test
    void keysOfDifferentTypesAndCompoundKeysStayDistinct() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("mixed");
            items.createIndex(Indexes.ascending("a", "b"), new IndexOptions().unique(true));
            items.insertOne(new Document("a", 1L).append("b", "x"));
            items.insertOne(new Document("a", "1").append("b", "x"));
            items.insertOne(new Document("a", 1L).append("b", "y"));
            items.insertOne(new Document("a", new Document("sub", 1)).append("b", "x"));
            assertThatThrownBy(() -> items.insertOne(new Document("a", 1L).append("b", "x")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> items.insertOne(new Document("a", new Document("sub", 1)).append("b", "x")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(items.countDocuments()).isEqualTo(4);
        }
    }

    @Test
    void anOrderlyStopLeavesAFileOfLittleMoreThanWhatIsLive() throws Exception {
        Path file = dataDir.resolve("duban.mv.db");
        long running;
        String big = "台账".repeat(4_000);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("duban").getCollection("churn");
            for (int i = 0; i < 50; i++) {
                docs.insertOne(new Document("_id", i).append("v", 0).append("text", big + i));
            }
            // Every document rewritten many times, each time committed: old chunks pile up in the file.
            for (int round = 1; round <= 40; round++) {
                for (int i = 0; i < 50; i++) {
                    docs.updateOne(Filters.eq("_id", i), new Document("$set", new Document("v", round)));
                }
                mongo.awaitDurable();
            }
            running = java.nio.file.Files.size(file);
        }
        shrankAndReadsBack(running, "churn", docs -> {
            assertThat(docs.countDocuments()).isEqualTo(50);
            assertThat(docs.find(Filters.eq("_id", 7)).first()).containsEntry("v", 40).containsEntry("text", big + 7);
        });
    }

    /** The file after the stop just made is under two thirds of its size while running, and reads back as {@code check} expects. */
    private void shrankAndReadsBack(long running, String collection, Consumer<MongoCollection<Document>> check) throws java.io.IOException {
        long stopped = java.nio.file.Files.size(dataDir.resolve("duban.mv.db"));
        assertThat(stopped).as("file after an orderly stop, against %d bytes while running", running).isLessThan(running * 2 / 3);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            check.accept(client.getDatabase("duban").getCollection(collection));
        }
    }

    /**
     * Chunks that are all live but sit behind space freed by earlier commits: H2's own compaction
     * leaves such a file as it is (its chunks are fuller than its auto-compact rate), so the file
     * stayed at what it was at its largest. An orderly stop moves them forward and truncates.
     */
    @Test
    void anOrderlyStopMovesFullChunksIntoTheSpaceFreedBeforeThem() throws Exception {
        Path file = dataDir.resolve("duban.mv.db");
        Random random = new Random(14);
        long running;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> early = client.getDatabase("duban").getCollection("early");
            MongoCollection<Document> kept = client.getDatabase("duban").getCollection("kept");
            for (int i = 0; i < 300; i++) {
                early.insertOne(new Document("_id", i).append("text", randomText(random)));
            }
            mongo.awaitDurable();
            for (int i = 0; i < 300; i++) {
                kept.insertOne(new Document("_id", i).append("text", randomText(random)));
            }
            mongo.awaitDurable();
            early.deleteMany(new Document());
            mongo.awaitDurable();
            // Once H2's retention time has passed, the next commit frees the early chunks.
            Thread.sleep(EmbeddedMongo.RETENTION_MS + 500);
            kept.insertOne(new Document("_id", -1).append("text", "freeing commit"));
            mongo.awaitDurable();
            running = java.nio.file.Files.size(file);
        }
        shrankAndReadsBack(running, "kept", kept -> {
            assertThat(kept.countDocuments()).isEqualTo(301);
            Random again = new Random(14);
            for (int i = 0; i < 300; i++) {
                randomText(again);
            }
            for (int i = 0; i < 300; i++) {
                assertThat(kept.find(Filters.eq("_id", i)).first()).containsEntry("text", randomText(again));
            }
        });
    }

    /**
     * Chunks half dead (every commit wrote documents of two collections, then one was deleted):
     * H2's own background compaction is off, and slices on the syncer's thread rewrite the live half
     * into new chunks once appends pause, so the stop leaves a file about the size of what is live.
     * Without the slices the stop kept the half-empty chunks, about twice that; since the stop
     * rewrites chunks itself (the next test) this no longer tells the slices' work from the stop's.
     * H2's count of live chunks while the store runs did not tell them apart either (25 % with the
     * slices, 43 % without, in one run each, dead chunks counted until they are dropped).
     */
    @Test
    void halfEmptyChunksAreRewrittenInSlicesWhileNoAppendWaits() throws Exception {
        long live = keptAlone();
        // Past H2's retention time the half-empty chunks may be rewritten; a slice a fifth of a second.
        Path mixed = halfEmptied(EmbeddedMongo.RETENTION_MS + 3_000);
        long compacted = java.nio.file.Files.size(mixed.resolve("duban.mv.db"));
        assertThat(compacted).as("stopped file, against %d bytes for the kept documents alone", live)
                .isLessThan(live * 3 / 2);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(mixed, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> kept = client.getDatabase("duban").getCollection("kept");
            assertThat(kept.countDocuments()).isEqualTo(300);
            Random again = new Random(15);
            for (int i = 0; i < 300; i++) {
                String text = randomText(again);
                randomText(again);
                assertThat(kept.find(Filters.eq("_id", i)).first()).containsEntry("text", text);
            }
        }
    }

    /**
     * The same half-empty chunks, stopped at once, before any slice could rewrite them (they are
     * younger than H2's retention time): the stop's own rewrite leaves a file about the size of what
     * is live, where moving the chunks alone kept about twice that.
     */
    @Test
    void theStopRewritesHalfEmptyChunksBeforeItMovesThem() throws Exception {
        long live = keptAlone();
        Path mixed = halfEmptied(0);
        long stopped = java.nio.file.Files.size(mixed.resolve("duban.mv.db"));
        assertThat(stopped).as("stopped file, against %d bytes for the kept documents alone", live)
                .isLessThan(live * 3 / 2);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(mixed, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("duban").getCollection("kept").countDocuments()).isEqualTo(300);
            assertThat(client.getDatabase("duban").getCollection("dropped").countDocuments()).isZero();
        }
    }

    /** The size of a stopped file that holds the kept documents alone. */
    private long keptAlone() throws Exception {
        Path alone = dataDir.resolve("alone");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(alone, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            writeInterleaved(mongo, client, false);
        }
        return java.nio.file.Files.size(alone.resolve("duban.mv.db"));
    }

    /** A store whose chunks are half dead: the dropped documents deleted, then {@code pauseMs} before the stop. */
    private Path halfEmptied(long pauseMs) throws Exception {
        Path mixed = dataDir.resolve("mixed");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(mixed, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            writeInterleaved(mongo, client, true);
            client.getDatabase("duban").getCollection("dropped").deleteMany(new Document());
            mongo.awaitDurable();
            Thread.sleep(pauseMs);
        }
        return mixed;
    }

    /** 300 documents of "kept" and, when {@code withDropped}, as many of "dropped" beside them, a commit every ten pairs. */
    private static void writeInterleaved(EmbeddedMongo mongo, MongoClient client, boolean withDropped) {
        MongoCollection<Document> kept = client.getDatabase("duban").getCollection("kept");
        MongoCollection<Document> dropped = client.getDatabase("duban").getCollection("dropped");
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            kept.insertOne(new Document("_id", i).append("text", randomText(random)));
            String other = randomText(random);
            if (withDropped) {
                dropped.insertOne(new Document("_id", i).append("text", other));
            }
            if (i % 10 == 9) {
                mongo.awaitDurable();
            }
        }
        mongo.awaitDurable();
    }

    /**
     * A file as an earlier release wrote it, with H2 2.3.232 (300 items under a unique index, every
     * third one updated, the last ten deleted): this release's H2 opens it, reads every document,
     * still enforces the index, and takes writes that survive a stop. A guard for the day H2 is
     * upgraded (2.5.252 was tried, and taken back: see release 5 in docs/performance-history.md).
     */
    @Test
    void aFileWrittenByAnEarlierReleaseOpens() throws Exception {
        try (var stored = getClass().getResourceAsStream("/stores/written-by-h2-2.3.232.mv.db")) {
            java.nio.file.Files.copy(stored, dataDir.resolve("duban.mv.db"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            assertThat(items.countDocuments()).isEqualTo(290);
            for (int i = 0; i < 290; i++) {
                assertThat(items.find(Filters.eq("key", "台账-" + i)).first())
                        .containsEntry("_id", (long) i).containsEntry("n", i % 3 == 0 ? -i : i)
                        .containsEntry("text", "流动人口管理服务中心 第" + i + "条");
            }
            assertThat(items.find(Filters.eq("_id", 295L)).first()).isNull();
            assertThatThrownBy(() -> items.insertOne(new Document("_id", 1_000L).append("key", "台账-7")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            items.insertOne(new Document("_id", 1_001L).append("key", "新的一条"));
            mongo.awaitDurable();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            assertThat(items.countDocuments()).isEqualTo(291);
            assertThat(items.find(Filters.eq("key", "新的一条")).first()).containsEntry("_id", 1_001L);
        }
    }

    /** About 4 KB that compression cannot shrink to nothing. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 110; i++) {
            text.append(new UUID(random.nextLong(), random.nextLong()));
        }
        return text.toString();
    }

    @Test
    void aSortOnIdAloneIsAnsweredInMongoOrderWithFilterSkipLimitAndProjection() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> positions = client.getDatabase("duban").getCollection("positions");
            List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 300).map(i -> i * 7).boxed().toList());
            Collections.shuffle(ids, new Random(14));
            ids.forEach(id -> positions.insertOne(new Document("_id", id).append("even", id % 2 == 0).append("text", "第" + id + "条")));

            assertThat(ids(positions.find().sort(new Document("_id", -1)).limit(1))).containsExactly(2100L);
            assertThat(ids(positions.find().sort(new Document("_id", 1)).skip(3).limit(2))).containsExactly(28L, 35L);
            assertThat(ids(positions.find(Filters.eq("even", false)).sort(new Document("_id", -1)).limit(3))).containsExactly(2093L, 2079L, 2065L);
            assertThat(ids(positions.find(Filters.gt("_id", 2000L)).sort(new Document("_id", 1)))).hasSize(15).first().isEqualTo(2002L);
            assertThat(positions.find().sort(new Document("_id", -1)).projection(new Document("_id", 1)).first())
                    .isEqualTo(new Document("_id", 2100L));

            // Keys of several types: MongoDB's order (numbers by value across types, then strings), as before.
            MongoCollection<Document> mixed = client.getDatabase("duban").getCollection("mixedIds");
            mixed.insertOne(new Document("_id", 5L));
            mixed.insertOne(new Document("_id", "a"));
            mixed.insertOne(new Document("_id", 7));
            mixed.insertOne(new Document("_id", 6.5));
            mixed.insertOne(new Document("_id", 1));
            assertThat(ids(mixed.find().sort(new Document("_id", -1)))).containsExactly("a", 7, 6.5, 5L, 1);
            assertThat(ids(mixed.find().sort(new Document("_id", 1)).limit(2))).containsExactly(1, 5L);
        }
    }

    /**
     * A range of string keys ({@code RecordsByUnit}'s reads) is walked in key order and stops at the
     * limit; every answer, in either direction and with each kind of bound, is the one mongo-java-server
     * gives when it reads and sorts every document (the same range inside {@code $and}, which it
     * answers so). The keys hold what the order could differ on: Chinese, a character beyond the BMP
     * (two UTF-16 units), one near the BMP's end, prefixes of each other.
     */
    @Test
    void aRangeOfStringKeysIsAnsweredInOrderAsReadingEveryDocumentAnswersIt() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("duban").getCollection("keys");
            List<String> parts = List.of("a", "a/", "a0", "b", "新碶", "\uD83D\uDE00", "\uFFFD", "z~", "A", "", "0");
            Random random = new Random(14);
            List<String> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = parts.get(random.nextInt(parts.size())) + parts.get(random.nextInt(parts.size())) + "/" + i;
                all.add(key);
                keys.insertOne(new Document("_id", key).append("n", i));
            }
            for (int i = 0; i < 200; i++) {
                String low = all.get(random.nextInt(all.size())).substring(0, 1 + random.nextInt(2));
                String high = all.get(random.nextInt(all.size()));
                Document range = new Document(random.nextBoolean() ? "$gte" : "$gt", low).append(random.nextBoolean() ? "$lt" : "$lte", high);
                int direction = random.nextBoolean() ? -1 : 1;
                int limit = random.nextInt(30);
                List<Object> walked = ids(keys.find(new Document("_id", range)).sort(new Document("_id", direction)).limit(limit));
                List<Object> read = ids(keys.find(new Document("$and", List.of(new Document("_id", range))))
                        .sort(new Document("_id", direction)).limit(limit));
                assertThat(walked).as("%s sorted %d, at most %d", range, direction, limit).isEqualTo(read);
                assertThat(new java.util.HashSet<>(ids(keys.find(new Document("_id", range)))))
                        .isEqualTo(new java.util.HashSet<>(ids(keys.find(new Document("$and", List.of(new Document("_id", range)))))));
            }
            // Strings asked for by id, as the read models are read: each looked up, the missing and the repeated ones too.
            List<String> asked = List.of(all.get(7), "absent", all.get(3), all.get(7), all.get(399));
            assertThat(new java.util.HashSet<>(ids(keys.find(Filters.in("_id", asked)))))
                    .isEqualTo(java.util.Set.of(all.get(7), all.get(3), all.get(399)));
            assertThat(keys.find(Filters.in("_id", asked)).projection(new Document("n", 1)).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(7, 3, 399);
            MongoCollection<Document> mixed = client.getDatabase("duban").getCollection("mixedKeys");
            mixed.insertMany(List.of(new Document("_id", "1"), new Document("_id", 1L), new Document("_id", 2.5)));
            assertThat(ids(mixed.find(Filters.in("_id", List.of("1", "2"))))).containsExactly("1");
            assertThat(keys.find(new Document("_id", new Document("$gte", "b").append("$lt", "b0"))).sort(new Document("_id", -1))
                    .projection(new Document("_id", 1)).limit(1).first().getString("_id")).startsWith("b");
        }
    }

    /**
     * A commit writes a page whole when one of its documents changed, reusing the BSON of the others
     * as it was written before. Each update, set, push and replace, committed and read back from the
     * file, is there as made, and so is every unchanged document of its page.
     */
    @Test
    void aPageWrittenAgainHoldsEachDocumentAsItIsNow() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("duban").getCollection("docs");
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("n", i).append("tags", new ArrayList<>(List.of("t" + i))));
            }
            mongo.awaitDurable();
            for (int round = 1; round <= 3; round++) {
                docs.updateOne(Filters.eq("_id", "d3"), new Document("$set", new Document("n", 300 + round)));
                docs.updateOne(Filters.eq("_id", "d4"), new Document("$push", new Document("tags", "r" + round)));
                docs.replaceOne(Filters.eq("_id", "d5"), new Document("_id", "d5").append("replaced", round));
                mongo.awaitDurable();
            }
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("duban").getCollection("docs");
            assertThat(docs.find(Filters.eq("_id", "d3")).first().getInteger("n")).isEqualTo(303);
            assertThat(docs.find(Filters.eq("_id", "d4")).first().getList("tags", String.class)).containsExactly("t4", "r1", "r2", "r3");
            assertThat(docs.find(Filters.eq("_id", "d5")).first()).isEqualTo(new Document("_id", "d5").append("replaced", 3));
            for (int i : new int[]{0, 2, 6, 19}) {
                assertThat(docs.find(Filters.eq("_id", "d" + i)).first())
                        .isEqualTo(new Document("_id", "d" + i).append("n", i).append("tags", List.of("t" + i)));
            }
            assertThat(docs.countDocuments()).isEqualTo(20);
        }
    }

    /** How the read models are written: a whole document replaced by its string key, upserted when new. Answered as before. */
    @Test
    void aDocumentReplacedByItsKeyIsStoredAndCountedAsBefore() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("duban").getCollection("views");
            var upsert = new com.mongodb.client.model.ReplaceOptions().upsert(true);

            var created = views.replaceOne(Filters.eq("_id", "v1"), new Document("title", "初稿").append("n", 1), upsert);
            assertThat(created.getMatchedCount()).isZero();
            assertThat(created.getUpsertedId()).isEqualTo(new org.bson.BsonString("v1"));
            var changed = views.replaceOne(Filters.eq("_id", "v1"), new Document("title", "定稿").append("_id", "v1"), upsert);
            assertThat(changed.getMatchedCount()).isEqualTo(1);
            assertThat(changed.getModifiedCount()).isEqualTo(1);
            assertThat(changed.getUpsertedId()).isNull();
            assertThat(views.replaceOne(Filters.eq("_id", "v1"), new Document("title", "定稿")).getModifiedCount()).isZero();
            assertThat(views.replaceOne(Filters.eq("_id", "absent"), new Document("title", "无")).getMatchedCount()).isZero();
            var bulk = views.bulkWrite(List.of(
                    new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", "v2"), new Document("n", 2), upsert),
                    new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", "v1"), new Document("n", 3), upsert)));
            assertThat(bulk.getUpserts()).hasSize(1);
            assertThat(bulk.getMatchedCount()).isEqualTo(1);
            assertThat(views.find().into(new ArrayList<>())).containsExactlyInAnyOrder(
                    new Document("_id", "v1").append("n", 3), new Document("_id", "v2").append("n", 2));
            assertThat(views.countDocuments(Filters.eq("_id", "absent"))).isZero();
            // The key is kept: a replacement naming another _id is refused, as MongoDB refuses it.
            assertThatThrownBy(() -> views.replaceOne(Filters.eq("_id", "v1"), new Document("_id", "v9").append("n", 9)))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(views.countDocuments()).isEqualTo(2);
            // A collection with a unique index of its own still checks it.
            MongoCollection<Document> keyed = client.getDatabase("duban").getCollection("keyed");
            keyed.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            keyed.replaceOne(Filters.eq("_id", "a"), new Document("code", "x"), upsert);
            assertThatThrownBy(() -> keyed.replaceOne(Filters.eq("_id", "b"), new Document("code", "x"), upsert))
                    .isInstanceOf(MongoWriteException.class);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("duban").getCollection("views").find(Filters.eq("_id", "v1")).first())
                    .isEqualTo(new Document("_id", "v1").append("n", 3));
        }
    }

    /**
     * How the chunked logs take their entries ({@code $set} of the chunk's fields, {@code $push $each}
     * of the new entries, by string key, upserted). Answered without mongo-java-server's deep copies,
     * and exactly as it answers them: each step's result (or refusal) and every document, field order
     * and number types included, are those of mongo-java-server's own backend given the same steps.
     */
    @Test
    void aChunkTakesItsEntriesAsMongoJavaServerWritesThem() {
        var upsert = new com.mongodb.client.model.UpdateOptions().upsert(true);
        Document first = new Document("eventId", "e1").append("position", 1L).append("quantities", new Document("hours", "1"));
        Document second = new Document("eventId", "e2").append("position", 2L);
        List<Function<MongoCollection<Document>, Object>> steps = List.of(
                // A chunk made by its first entries.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("key", "xinqi"), com.mongodb.client.model.Updates.set("n", 0),
                        com.mongodb.client.model.Updates.set("lastPosition", 1L),
                        com.mongodb.client.model.Updates.pushEach("entries", List.of(first))), upsert),
                // More entries; an equal number of another type leaves the stored one; null where nothing was.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("n", 0.0), com.mongodb.client.model.Updates.set("lastPosition", 2L),
                        com.mongodb.client.model.Updates.set("note", null),
                        com.mongodb.client.model.Updates.pushEach("entries", List.of(second, first)),
                        com.mongodb.client.model.Updates.pushEach("ids", List.of("e2")))),
                // Nothing new: matched, not modified.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("lastPosition", 2), com.mongodb.client.model.Updates.set("note", null),
                        com.mongodb.client.model.Updates.pushEach("entries", List.of()))),
                // A changed value, put where it was.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.set("key", "新碶")),
                // Not there, not upserted: nothing matched, nothing stored.
                c -> c.updateOne(Filters.eq("_id", "absent"), com.mongodb.client.model.Updates.pushEach("entries", List.of(first))),
                // Refused as mongo-java-server refuses them: a push onto a field that is not a list (or is null),
                // and a field both set and pushed.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.pushEach("key", List.of("x"))),
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.pushEach("note", List.of("x"))),
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("entries", List.of()), com.mongodb.client.model.Updates.pushEach("entries", List.of(first)))),
                // A plain push and an upserted chunk of a second key.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.push("ids", "e3")),
                c -> c.updateOne(Filters.eq("_id", "daqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.pushEach("entries", List.of(second)), com.mongodb.client.model.Updates.set("key", "daqi")), upsert),
                // Two more entries on a chunk the steps before have committed, the last thing written to it.
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("lastPosition", 4L),
                        com.mongodb.client.model.Updates.pushEach("entries", List.of(second, first)))),
                c -> c.updateOne(Filters.eq("_id", "xinqi#0"), com.mongodb.client.model.Updates.pushEach("entries", List.of(first))));

        H2Backend plain = new H2Backend(dataDir.resolve("plain.mv.db").toString());
        MongoServer server = new MongoServer(plain);
        var address = server.bind();
        List<String> expected;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            expected = replay(client.getDatabase("duban").getCollection("facts"), steps, () -> { });
        } finally {
            server.shutdownNow();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            // Each step committed, so that each update finds its chunk as a commit wrote it; read back after
            // the restart, below.
            assertThat(replay(client.getDatabase("duban").getCollection("facts"), steps, mongo::awaitDurable)).containsExactlyElementsOf(expected);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(everyDocument(client.getDatabase("duban").getCollection("facts"))).isEqualTo(expected.get(expected.size() - 1));
        }
    }

    /** Each step's outcome, then the documents as BSON read as extended JSON (field order and number types show). */
    private static List<String> replay(MongoCollection<Document> chunks, List<Function<MongoCollection<Document>, Object>> steps,
                                       Runnable afterEach) {
        List<String> seen = new ArrayList<>();
        for (var step : steps) {
            try {
                seen.add(String.valueOf(step.apply(chunks)));
            } catch (MongoWriteException refused) {
                seen.add("refused " + refused.getError().getCategory());
            }
            afterEach.run();
            seen.add(everyDocument(chunks));
        }
        return seen;
    }

    private static String everyDocument(MongoCollection<Document> chunks) {
        var extended = org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.EXTENDED).build();
        List<String> documents = new ArrayList<>();
        chunks.withDocumentClass(org.bson.RawBsonDocument.class).find().sort(new Document("_id", 1))
                .forEach(d -> documents.add(d.toJson(extended)));
        return String.join("\n", documents);
    }

    /** The event store's windows ({@code _id $in} a run of positions) are answered by key, as MongoDB answers them. */
    @Test
    void aListOfPositionsIsAnsweredInOrderOnceEachWithSortSkipLimitAndProjection() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> positions = client.getDatabase("duban").getCollection("positions");
            LongStream.rangeClosed(1, 50).map(i -> i * 3).forEach(id -> positions.insertOne(new Document("_id", id).append("text", "第" + id + "条")));

            List<Long> asked = List.of(30L, 4L, 3L, 3L, 150L, 151L, 9L);
            assertThat(ids(positions.find(Filters.in("_id", asked)))).containsExactly(3L, 9L, 30L, 150L);
            assertThat(ids(positions.find(Filters.in("_id", asked)).sort(new Document("_id", -1)).skip(1).limit(2))).containsExactly(30L, 9L);
            assertThat(positions.find(Filters.in("_id", List.of(6L))).projection(new Document("text", 1)).first())
                    .isEqualTo(new Document("_id", 6L).append("text", "第6条"));
            assertThat(ids(positions.find(Filters.in("_id", List.<Long>of())))).isEmpty();
            // Anything else is answered as before: numbers of other types match by value, other conditions apply.
            assertThat(ids(positions.find(Filters.in("_id", List.of(3, 6.0, 7L))))).containsExactly(3L, 6L);
            assertThat(ids(positions.find(Filters.and(Filters.in("_id", asked), Filters.eq("text", "第9条"))))).containsExactly(9L);
            assertThat(ids(positions.find(Filters.in("_id", asked)).sort(new Document("text", 1)))).containsExactly(150L, 30L, 3L, 9L);

            // Keys of another type beside the Longs: every one is still found by value.
            positions.insertOne(new Document("_id", 151).append("text", "整数"));
            assertThat(ids(positions.find(Filters.in("_id", asked)))).containsExactly(3L, 9L, 30L, 150L, 151);
        }
    }

    @Test
    void aQueryPinningOneIdFindsUpdatesAndDeletesOnlyThatDocumentWhenTheRestMatches() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("duban").getCollection("keys");
            keys.insertOne(new Document("_id", "k1").append("state", "PENDING"));
            keys.insertOne(new Document("_id", "k2").append("state", "PENDING"));
            keys.insertOne(new Document("_id", 5L).append("state", "DONE"));

            assertThat(keys.deleteOne(Filters.and(Filters.eq("_id", "k1"), Filters.eq("state", "DONE"))).getDeletedCount()).isZero();
            assertThat(keys.updateOne(Filters.and(Filters.eq("_id", "k1"), Filters.eq("state", "PENDING")),
                    new Document("$set", new Document("state", "DONE"))).getModifiedCount()).isEqualTo(1);
            assertThat(keys.find(Filters.and(Filters.eq("_id", "k1"), Filters.eq("state", "DONE"))).first()).isNotNull();
            assertThat(keys.find(Filters.and(Filters.eq("_id", "k2"), Filters.eq("state", "PENDING"))).first()).isNotNull();
            // Numbers match by value across types, as in MongoDB.
            assertThat(keys.find(Filters.and(Filters.eq("_id", 5), Filters.eq("state", "DONE"))).first()).isNotNull();
            assertThat(keys.find(Filters.and(Filters.eq("_id", "absent"), Filters.eq("state", "DONE"))).first()).isNull();
            assertThat(keys.deleteOne(Filters.and(Filters.eq("_id", "k2"), Filters.eq("state", "PENDING"))).getDeletedCount()).isEqualTo(1);
            assertThat(ids(keys.find().sort(new Document("_id", 1)))).containsExactly(5L, "k1");
        }
    }

    /**
     * The event store asks for its highest position at every start, and a keyed request changes its
     * idempotency key only while pending. Answered by key, each is one document; answered as
     * mongo-java-server answers them, each reads the whole collection.
     */
    @Test
    void theHighestIdAndAnIdWithAConditionAreFoundWithoutReadingEveryDocument() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("duban").getCollection("commits");
            String payload = "培训记录".repeat(300);
            List<Document> batch = new ArrayList<>();
            for (long i = 0; i < 20_000; i++) {
                batch.add(new Document("_id", i).append("k", "Training#" + i).append("payload", payload + i));
                if (batch.size() == 1_000) {
                    commits.insertMany(batch);
                    batch.clear();
                }
            }
            // No index answers this: every document is read.
            long scan = fastest(() -> assertThat(commits.find(Filters.eq("k", "none")).first()).isNull());
            long highest = fastest(() -> assertThat(commits.find().sort(new Document("_id", -1)).projection(new Document("_id", 1)).first())
                    .isEqualTo(new Document("_id", 19_999L)));
            long pinned = fastest(() -> assertThat(commits.find(Filters.and(Filters.eq("_id", 12_345L), Filters.eq("k", "Training#12345")))
                    .projection(new Document("_id", 1)).first()).isEqualTo(new Document("_id", 12_345L)));
            // A fifth: one document's round trip is about half a millisecond here, a tenth of the whole read (5 ms),
            // and a tenth failed one run in three on a quiet machine.
            assertThat(highest).as("highest id %d µs, a read of every document %d µs", highest / 1000, scan / 1000).isLessThan(scan / 5);
            assertThat(pinned).as("one id and a condition %d µs, a read of every document %d µs", pinned / 1000, scan / 1000).isLessThan(scan / 5);
        }
    }

    /** The fastest of twenty runs, in nanoseconds: the machine's other work only ever adds time. */
    private static long fastest(Runnable query) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long t0 = System.nanoTime();
            query.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    private static List<Object> ids(Iterable<Document> docs) {
        List<Object> out = new ArrayList<>();
        docs.forEach(d -> out.add(d.get("_id")));
        return out;
    }
}
