package cn.duban.standalone;

import cn.duban.platform.mongo.EmbeddedMongo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by an earlier release loads and scores identically: the demo year as release
 * 3a345a1 stored it (its events under the names they had before the kernel was sorted into slices,
 * {@code cn.duban.kernel.event.X}, and its sign-in credentials), put into a fresh data directory
 * exactly as stored, then opened by this release, which rebuilds every read model from it. Each
 * unit's score and the ranking must equal what that release answered (the instant of asking aside).
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyStoreIT {
    static final String RELEASE = "3a345a1";

    @DynamicPropertySource
    static void legacyStore(DynamicPropertyRegistry registry) {
        Path dir = TestData.newDataDir();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("duban");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(gunzip("store-" + RELEASE + ".jsonl.gz"), StandardCharsets.UTF_8))) {
                lines.lines().map(Document::parse).forEach(line ->
                        db.getCollection(line.getString("collection")).insertOne(line.get("document", Document.class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mongo.awaitDurable();
        }
        TestData.embeddedDatabase(registry);
        registry.add("duban.data-dir", dir::toString);
    }

    static InputStream gunzip(String name) throws IOException {
        return new GZIPInputStream(LegacyStoreIT.class.getResourceAsStream("/legacy-store/" + name));
    }

    @LocalServerPort
    int port;

    /**
     * The card without its wording, and without {@code evidenceCount}, which answers gained after that
     * release (issue 14): where present it must count the evidence listed, which the card still lists in full.
     */
    static JsonNode withoutWording(JsonNode card) {
        JsonNode copy = card.deepCopy();
        copy.get("items").forEach(i -> i.get("contributions").forEach(c -> {
            if (c.has("evidenceCount")) {
                assertThat(c.get("evidenceCount").asInt()).isEqualTo(c.get("evidence").size());
            }
            ((ObjectNode) c).remove(List.of("reason", "reasonEn", "evidenceCount"));
        }));
        return copy;
    }

    @Test
    void theDemoYearOfAnEarlierReleaseScoresAsItDidThen() throws Exception {
        JsonNode then = new ObjectMapper().readTree(gunzip("answers-" + RELEASE + ".json.gz"));
        Api api = new Api(port);
        JsonNode ranking = api.get("/api/schemes/beilun-2023/ranking").body();
        for (int i = 0; i < 300 && !ranking.equals(then.get("ranking")); i++) {
            Thread.sleep(100);
            ranking = api.get("/api/schemes/beilun-2023/ranking").body();
        }
        assertThat(ranking).isEqualTo(then.get("ranking"));
        assertThat(then.get("scores").size()).isEqualTo(44);
        then.get("scores").fields().forEachRemaining(unit -> {
            JsonNode now = api.get("/api/units/" + unit.getKey() + "/score?scheme=beilun-2023").body();
            ((ObjectNode) now).remove("asOf");
            ((ObjectNode) unit.getValue()).remove("asOf");
            // Every figure, item, rule source and evidence id as then; the wording of an explanation
            // may improve between releases (indicators are now named in Chinese), so it is compared apart.
            assertThat(withoutWording(now)).as(unit.getKey()).isEqualTo(withoutWording(unit.getValue()));
            assertThat(now.toString()).as(unit.getKey() + " names no indicator by its key").doesNotContain("registration_rate", "member_rate");
        });
        // Signing in with a password set under that release still works (its credentials came along).
        assertThat(api.as("xinqi-staff", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD).get("/api/me").status()).isEqualTo(200);
    }
}
