package cn.duban.query.common;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedDocumentsTest {
    private final List<Object> decodedIds = new ArrayList<>();
    private final DecodedDocuments<String> cache = new DecodedDocuments<>(d -> {
        decodedIds.add(d.get("_id"));
        return d.getString("_id") + ":" + d.getString("title");
    }, 2);

    private static Document stored(String id, String title) {
        return new Document("_id", id).append("title", title).append("versions", List.of(new Document("version", 1)));
    }

    @Test
    void anEqualDocumentReadAgainIsNotDecodedAgain() {
        String first = cache.decode(stored("a", "方案"));
        String second = cache.decode(stored("a", "方案"));

        assertThat(second).isSameAs(first).isEqualTo("a:方案");
        assertThat(decodedIds).containsExactly("a");
    }

    @Test
    void aChangedDocumentIsDecodedAgain() {
        cache.decode(stored("a", "方案"));

        assertThat(cache.decode(stored("a", "修订方案"))).isEqualTo("a:修订方案");
        assertThat(cache.decode(new Document("_id", "a").append("title", "修订方案").append("versions", List.of(new Document("version", 2)))))
                .isEqualTo("a:修订方案");
        assertThat(decodedIds).containsExactly("a", "a", "a");
    }

    @Test
    void pastItsBoundTheLeastRecentlyReadIsDropped() {
        cache.decode(stored("a", "x"));
        cache.decode(stored("b", "x"));
        cache.decode(stored("a", "x"));
        cache.decode(stored("c", "x"));

        cache.decode(stored("a", "x"));
        cache.decode(stored("b", "x"));

        assertThat(decodedIds).containsExactly("a", "b", "c", "b");
    }
}
