package cn.duban.platform.materials;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.material.Material;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files uploaded and never named by a record are removed once they have waited; files a record named,
 * by its command now or by an event stored before the mark existed, stay, as does a file uploaded
 * again meanwhile; a record naming a removed file is refused, as for one never uploaded.
 */
class UnnamedMaterialsSweepTest {
    @TempDir
    Path dir;

    /** A record of an earlier release that names files: stored without its command marking them. */
    record FilesNamed(String unitId, List<Material> materials) {
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static byte[] png(int n) {
        byte[] b = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', (byte) n, 1, 2, 3};
        return b;
    }

    @Test
    void filesNoRecordNamesAreRemovedOnceTheyHaveWaitedAndNoOthers() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("all");
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder().database(db)
                    .exclusiveWriter(true).durability(mongo).eventSerializer(serializer).snapshotSerializer(serializer).build();
            MovableClock clock = new MovableClock();
            MaterialStore store = new MaterialStore(db, DataSize.ofMegabytes(20), clock, clock);
            UnnamedMaterialsSweep sweep = new UnnamedMaterialsSweep(store, engine, db, Duration.ofDays(7), clock);

            Material byCommand = store.store("签到表.png", png(1), null, "xinqi", "xinqi.clerk");
            Material byOldEvent = store.store("照片.png", png(2), null, "xinqi", "xinqi.clerk");
            Material againLater = store.store("台账.png", png(3), null, "xinqi", "xinqi.clerk");
            Material abandoned = store.store("未报送.png", png(4), null, "xinqi", "xinqi.clerk");
            store.resolve("xinqi", List.of(byCommand.sha256()), "materials");
            engine.appendEvents(new GenericDomainEventMessage<>("Test", "old-record", 0, new FilesNamed("xinqi", List.of(byOldEvent))));

            clock.now = clock.now.plus(Duration.ofDays(6));
            assertThat(sweep.sweep()).as("nothing has waited 7 days").isEmpty();

            clock.now = clock.now.plus(Duration.ofDays(2));
            store.store("台账.png", png(3), null, "xinqi", "xinqi.clerk"); // chosen again for a new form
            Material fresh = store.store("新上传.png", png(5), null, "xinqi", "xinqi.clerk");
            List<MaterialStore.Removed> removed = sweep.sweep();
            assertThat(removed).extracting(r -> r.material().sha256()).containsExactly(abandoned.sha256());
            assertThat(removed.get(0).units()).containsExactly("xinqi");
            assertThat(store.find(abandoned.sha256())).isEmpty();
            assertThatThrownBy(() -> store.read(abandoned.sha256())).isInstanceOf(NotFoundException.class);
            for (Material kept : List.of(byCommand, byOldEvent, againLater, fresh)) {
                assertThat(store.read(kept.sha256())).as(kept.name()).hasSize(12);
            }
            // A record naming the removed file is refused as for one never uploaded; uploaded again, it is named.
            assertThatThrownBy(() -> store.resolve("xinqi", List.of(abandoned.sha256()), "materials"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("请先上传");
            store.store("未报送.png", png(4), null, "xinqi", "xinqi.clerk");
            assertThat(store.resolve("xinqi", List.of(abandoned.sha256()), "materials")).hasSize(1);

            clock.now = clock.now.plus(Duration.ofDays(30));
            assertThat(sweep.sweep()).extracting(r -> r.material().sha256())
                    .as("the ones uploaded again or fresh, never named").containsExactlyInAnyOrder(againLater.sha256(), fresh.sha256());
            for (Material kept : List.of(byCommand, byOldEvent, abandoned)) {
                assertThat(store.read(kept.sha256())).as(kept.name()).hasSize(12);
            }
        }
    }
}
