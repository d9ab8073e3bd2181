package cn.duban.platform.mongo;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of the embedded server's collections. mongo-java-server stores each document in
 * H2 through H2's generic type, that is by Java serialization: several times the document's BSON
 * size, and slow to write whenever a commit rewrites a page of documents. This type writes a
 * document as a marker byte H2's generic type never writes followed by its BSON (written by
 * {@link StoredBson}, read by mongo-java-server's own wire decoder), and still reads
 * documents written the old way, so an existing file needs no conversion. A document the BSON
 * encoder cannot represent, or one being updated while a commit writes it, is written the old way.
 */
final class StoredDocumentType extends ObjectDataType {
    /** A first byte none of H2's generic type tags use (they end at 119); 127 marks index keys. */
    private static final byte BSON_DOCUMENT = 126;
    /** The most BSON kept for documents already written or read; the benchmark's commits rewrite about 35 KB of pages each. */
    static final long WRITTEN_BYTES = 32L << 20;

    /**
     * Each stored document's BSON once written, for as long as the document is in memory. H2 writes a
     * page whole whenever one of its values changed, so every commit encoded again each unchanged
     * document beside the one that changed: 15 % of the samples of a rebuild at 100k, 7 % of those of
     * 4-client commands (issue 14). A stored document is never changed: an update stores a copy
     * ({@link IdIndexedH2Collection}), so the BSON written once stays its BSON. Keyed by identity and
     * weakly: it goes when H2 lets the document go. A document read from the file keeps the BSON it
     * was read from. One cache for every collection, and bounded: kept for every document in memory,
     * the BSON took the benchmark's live heap at 100k from about 260 to 360 MB, at 1M from 355 to 564 MB.
     * Guava's cache, not Caffeine's: Caffeine 3.2.4 takes two weak keys already collected for equal when
     * their identity hashes are, removes the wrong one or none, and logs an ERROR ("An invalid state was
     * detected"; two of stop 57's eleven benchmark runs), leaving the entry in its map.
     */
    private static final Cache<Document, byte[]> written = CacheBuilder.newBuilder().weakKeys()
            .maximumWeight(WRITTEN_BYTES).weigher((Document d, byte[] bson) -> bson.length).build();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            // Looked up, then put: Guava's loading get would wrap the encoder's refusals below. Two
            // commits encoding one document at once put the same bytes.
            byte[] bson = written.getIfPresent(document);
            if (bson == null) {
                try {
                    bson = encode(document);
                } catch (IllegalArgumentException | org.bson.BSONException | java.util.ConcurrentModificationException notNow) {
                    // Not representable in BSON (a type the wire encoder does not know, a name with a NUL),
                    // or being changed while a commit writes it. The generic type writes it as before (it
                    // does not fail on a concurrent change), and an update marks the page for the next
                    // commit anyway. Nothing is kept for it.
                    super.write(buffer, value);
                    return;
                }
                written.put(document, bson);
            }
            buffer.put(BSON_DOCUMENT);
            buffer.put(bson);
        } else {
            super.write(buffer, value);
        }
    }

    private static byte[] encode(Document document) {
        org.bson.io.BasicOutputBuffer bson = StoredBson.encode(document);
        return Arrays.copyOf(bson.getInternalBuffer(), bson.getSize());
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
            return super.read(buffer);
        }
        buffer.get();
        ByteBuffer slice = buffer.slice();
        ByteBuf bson = Unpooled.wrappedBuffer(slice);
        Document document = BsonDecoder.decodeBson(bson);
        // Its BSON is what was just read: a page read back and written again (an update beside it,
        // H2's compaction moving live pages) need not encode it.
        byte[] read = new byte[bson.readerIndex()];
        slice.get(0, read);
        written.put(document, read);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** H2 sizes pages and its cache by this estimate; the generic type would guess 10 KB per value. */
    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? 48 + estimate(document) : super.getMemory(value);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + 2 * String.valueOf(e.getKey()).length() + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 32;
            for (Object element : list) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        return 24;
    }
}
