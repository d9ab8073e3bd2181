package cn.duban.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored BSON is, to the byte, what mongo-java-server's own encoder writes, and reads back as the same document. */
class StoredBsonTest {

    static byte[] theirs(Document document) {
        ByteBuf out = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    static byte[] ours(Document document) {
        var out = StoredBson.encode(document);
        return Arrays.copyOf(out.getInternalBuffer(), out.getSize());
    }

    @Test
    void everyTypeTheWireEncoderKnowsIsWrittenByteForByteAsItWritesIt() {
        Document document = new Document("_id", "新碶|beilun-2023")
                .append("null", null)
                .append("int", 42).append("negative", -7).append("long", 9_007_199_254_740_993L)
                .append("double", 0.1).append("nan", Double.NaN).append("minusZero", -0.0)
                .append("true", true).append("false", false)
                .append("text", "流动人口管理服务中心 — 培训 📎").append("empty", "").append("lone surrogate halves, as JSON may carry them", "a\uD800b\uDC00")
                .append("at", Instant.parse("2023-06-30T16:00:00.123Z")).append("beforeEpoch", Instant.parse("1969-12-31T23:59:59Z"))
                .append("objectId", new ObjectId()).append("decimal", new Decimal128(12345L, 0x3040000000000000L))
                .append("bin", new BinData(new byte[] {1, 2, 3, (byte) 0xff})).append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("timestamp", new BsonTimestamp(7_000_000_000L)).append("regex", new BsonRegularExpression("^新", "i"))
                .append("max", MaxKey.getInstance()).append("min", MinKey.getInstance()).append("code", new BsonJavaScript("return 1"))
                .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document("c", 3L)))))
                .append("emptyDocument", new Document()).append("emptyList", List.of())
                .append("set", new LinkedHashSet<>(List.of("x", "y")))
                .append("list", List.of(List.of(1, 2), new Document(), "尾"));
        assertThat(ours(document)).isEqualTo(theirs(document));
        assertThat(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(ours(document))).toString())
                .isEqualTo(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(theirs(document))).toString());
    }

    @Test
    void randomDocumentsLikeTheReadModelsAreWrittenAsTheWireEncoderWritesThem() {
        Random random = new Random(14);
        for (int i = 0; i < 500; i++) {
            Document document = randomDocument(random, 0);
            assertThat(ours(document)).as(document.toString()).isEqualTo(theirs(document));
        }
    }

    @Test
    void aTypeTheWireEncoderDoesNotKnowIsRefusedAsItRefusesIt() {
        Document document = new Document("at", new java.util.Date());
        assertThatThrownBy(() -> theirs(document)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ours(document)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCollectionsSizeIsCountedWhenAskedAsTheDriverCountsTheDocuments(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            var items = client.getDatabase("duban").getCollection("items");
            long expected = 0;
            for (int i = 0; i < 50; i++) {
                org.bson.Document item = new org.bson.Document("_id", i).append("text", "培训".repeat(i)).append("n", (long) i);
                items.insertOne(item);
                expected += new RawBsonDocument(item, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
            }
            items.updateOne(new org.bson.Document("_id", 3), new org.bson.Document("$set", new org.bson.Document("text", "更长的文字内容")));
            expected += new RawBsonDocument(new org.bson.Document("_id", 3).append("text", "更长的文字内容").append("n", 3L),
                    new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining()
                    - new RawBsonDocument(new org.bson.Document("_id", 3).append("text", "培训".repeat(3)).append("n", 3L),
                    new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
            items.deleteOne(new org.bson.Document("_id", 4));
            expected -= new RawBsonDocument(new org.bson.Document("_id", 4).append("text", "培训".repeat(4)).append("n", 4L),
                    new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
            org.bson.Document stats = client.getDatabase("duban").runCommand(new org.bson.Document("collStats", "items"));
            assertThat(((Number) stats.get("size")).longValue()).isEqualTo(expected);
            assertThat(stats.get("count")).isEqualTo(49);
        }
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 9 : 7)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e6;
            case 3 -> randomText(random);
            case 4 -> random.nextBoolean();
            case 5 -> random.nextInt(5) == 0 ? null : Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(1_000_000_000));
            case 6 -> random.nextBoolean() ? new ObjectId() : UUID.randomUUID();
            case 7 -> randomDocument(random, depth + 1);
            default -> java.util.stream.IntStream.range(0, random.nextInt(6)).mapToObj(i -> randomValue(random, depth + 1)).toList();
        };
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            document.append(randomText(random) + i, randomValue(random, depth));
        }
        return document;
    }

    private static String randomText(Random random) {
        String letters = "abcxyz_培训信息整改督办新碶👍é";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(letters.codePointAt(letters.offsetByCodePoints(0, random.nextInt(letters.codePointCount(0, letters.length())))));
        }
        return text.toString();
    }
}
