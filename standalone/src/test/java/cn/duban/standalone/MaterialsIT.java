package cn.duban.standalone;

import cn.duban.kernel.archive.ArchiveChain;
import cn.duban.platform.archive.ArchiveFiles;
import cn.duban.platform.archive.ArchiveKey;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.materials.MaterialStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger materials (台账材料) over HTTP, issue 12's acceptance: a training recorded with its sign-in
 * sheet (PDF) and two photos; a supervisor samples it, reads its content, opens the files and flags
 * it; the archive verifies together with the files and fails when one byte of one file changes. And
 * every bad upload is a 400 naming the field that stores nothing.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaterialsIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
        registry.add("duban.materials.max-size", () -> "1MB");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    SequencedMongoEventStorageEngine engine;
    @Autowired
    ArchiveKey archiveKey;
    @TempDir
    Path folder;

    static final byte[] SIGN_IN_SHEET = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 签到表 2023-03-15\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    static final byte[] PHOTO_JPEG = bytes(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "培训现场照片一");
    static final byte[] PHOTO_PNG = bytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "培训现场照片二");

    static byte[] bytes(byte[] head, String rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aTrainingWithItsSignInSheetAndPhotosIsSampledOpenedFlaggedAndArchivedWithItsFiles() throws Exception {
        Api lead = new Api(port);
        lead.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        lead.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        Api staff = lead.newUser("xinqi.clerk", "UNIT_STAFF", "xinqi");
        Api other = lead.newUser("daqi.clerk", "UNIT_STAFF", "daqi");
        Api li = lead.newUser("li.supervisor", "SUPERVISOR", null);
        Api wang = lead.newUser("wang.supervisor", "SUPERVISOR", null);

        List<String> hashes = new ArrayList<>();
        for (Object[] f : new Object[][]{{"签到表.pdf", SIGN_IN_SHEET, "application/pdf"}, {"现场1.jpg", PHOTO_JPEG, "image/jpeg"},
                {"现场2.png", PHOTO_PNG, "image/png"}}) {
            Api.Response up = staff.upload("/api/materials", (String) f[0], (byte[]) f[1], Map.of());
            assertThat(up.status()).as(up.raw().body()).isEqualTo(201);
            assertThat(up.body().get("contentType").asText()).isEqualTo(f[2]);
            assertThat(up.body().get("name").asText()).isEqualTo(f[0]);
            assertThat(up.body().get("sha256").asText()).isEqualTo(MaterialStore.sha256((byte[]) f[1]));
            hashes.add(up.body().get("sha256").asText());
        }
        // The same bytes again are the same file, stored once.
        assertThat(staff.upload("/api/materials", "签到表.pdf", SIGN_IN_SHEET, Map.of()).body().get("sha256").asText()).isEqualTo(hashes.get(0));
        assertThat(db.getCollection("materials.files").countDocuments()).isEqualTo(3);

        Api.Response training = staff.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-03-15", "topic", "流动人口信息采集业务培训",
                "kind", "BUSINESS", "audience", "社区协管员", "attendees", 42, "materials", hashes));
        assertThat(training.status()).as(training.raw().body()).isEqualTo(201);
        String trainingId = training.id();
        staff.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-05-10", "topic", "出租房屋管理培训"));

        // Another unit's clerk can neither open the files nor attach them to a record of theirs.
        assertThat(other.get("/api/materials/" + hashes.get(1)).status()).isEqualTo(403);
        assertThat(other.get("/api/records/" + trainingId).status()).isEqualTo(403);
        // Listing records: the lead office reads the unit's, newest first; another unit's clerk asking for them is refused, and
        // asking for none lists their own (none).
        JsonNode listed = lead.get("/api/records?unitId=xinqi&kind=TRAINING").body();
        assertThat(listed).extracting(r -> r.get("title").asText()).containsExactly("出租房屋管理培训", "流动人口信息采集业务培训");
        assertThat(other.get("/api/records?unitId=xinqi").status()).isEqualTo(403);
        assertThat(other.get("/api/records").body()).isEmpty();
        Api.Response badKind = lead.get("/api/records?kind=NONSENSE");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("field").asText()).isEqualTo("kind");
        // The next page starts at an offset, counted among the records that match.
        assertThat(lead.get("/api/records?unitId=xinqi&kind=TRAINING&offset=1").body()).extracting(r -> r.get("title").asText())
                .containsExactly("流动人口信息采集业务培训");
        assertThat(lead.get("/api/records?unitId=xinqi&offset=2").body()).isEmpty();
        for (String bad : List.of("-1", "100001", "第二页")) {
            Api.Response badOffset = lead.get("/api/records?unitId=xinqi&offset=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(badOffset.status()).as(bad).isEqualTo(400);
            assertThat(badOffset.body().get("field").asText()).isEqualTo("offset");
        }
        // A year's records, by the day each was held.
        assertThat(lead.get("/api/records?unitId=xinqi&year=2023").body()).hasSize(2);
        assertThat(lead.get("/api/records?unitId=xinqi&year=2022").body()).isEmpty();
        for (String bad : List.of("1999", "2101", "二〇二三", "2023.5")) {
            Api.Response badYear = lead.get("/api/records?unitId=xinqi&year=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(badYear.status()).as(bad).isEqualTo(400);
            assertThat(badYear.body().get("field").asText()).isEqualTo("year");
            if (!bad.startsWith("二") && !bad.contains(".")) {
                assertThat(badYear.body().toString()).contains("须在2000到2100之间 / 2000 to 2100");
            }
        }
        long head = engine.headPosition();
        Api.Response foreign = other.post("/api/units/daqi/trainings", Map.of("heldOn", "2023-03-16", "topic", "借用材料", "materials", hashes));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().toString()).contains("materials[0]");
        assertThat(engine.headPosition()).isEqualTo(head);

        // The supervisor samples the unit's trainings and sees what each drawn one says and proves.
        Api.Response drawn = li.post("/api/samples", Map.of("unitId", "xinqi", "kind", "TRAINING", "from", "2023-01-01", "to", "2023-06-30",
                "size", 2, "seed", 7));
        assertThat(drawn.status()).as(drawn.raw().body()).isEqualTo(201);
        JsonNode sample = li.get("/api/samples/" + drawn.id()).body();
        JsonNode content = sample.get("contents").get(trainingId);
        assertThat(content.get("title").asText()).isEqualTo("流动人口信息采集业务培训");
        assertThat(content.get("trainingKind").asText()).isEqualTo("BUSINESS");
        assertThat(content.get("audience").asText()).isEqualTo("社区协管员");
        assertThat(content.get("materials")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String sha256 = content.get("materials").get(i).get("sha256").asText();
            Api.Response opened = li.get("/api/materials/" + sha256);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.header("Content-Type")).as("the file's own type, no charset: it is no text")
                    .isEqualTo(List.of("application/pdf", "image/jpeg", "image/png").get(i));
            assertThat(li.bytes("/api/materials/" + sha256)).isEqualTo(List.of(SIGN_IN_SHEET, PHOTO_JPEG, PHOTO_PNG).get(i));
        }
        assertThat(li.get("/api/materials/" + hashes.get(0)).header("Content-Disposition")).startsWith("inline");
        assertThat(li.get("/api/materials/" + hashes.get(0)).header("Content-Type")).startsWith("application/pdf");

        // Checked and rechecked by two supervisors: not borne out, flagged.
        String path = "/api/samples/" + drawn.id() + "/records/" + trainingId;
        assertThat(li.post(path + "/check", Map.of("verdict", "FLAGGED", "note", "签到表笔迹一致，疑为补签")).status()).isEqualTo(200);
        assertThat(wang.post(path + "/recheck", Map.of("verdict", "FLAGGED", "note", "照片与2022年台账相同")).status()).isEqualTo(200);
        JsonNode records = li.get("/api/samples/" + drawn.id()).body().get("sample").get("records");
        JsonNode flagged = null;
        for (JsonNode r : records) {
            if (r.get("recordId").asText().equals(trainingId)) {
                flagged = r;
            }
        }
        assertThat(flagged).isNotNull();
        assertThat(flagged.get("status").asText()).isEqualTo("FLAGGED");

        // The archive names the files by hash; with the files beside it, it verifies, and one changed byte fails it.
        List<String> lines = lead.text("/api/admin/archive").lines().toList();
        assertThat(ArchiveFiles.named(lines)).containsExactlyInAnyOrderElementsOf(hashes);
        for (String sha256 : hashes) {
            Files.write(folder.resolve(sha256), lead.bytes("/api/materials/" + sha256));
        }
        assertThat(ArchiveChain.verify(lines, archiveKey.get()).valid()).isTrue();
        assertThat(ArchiveFiles.problems(lines, folder)).isEmpty();
        byte[] photo = Files.readAllBytes(folder.resolve(hashes.get(2)));
        photo[photo.length - 1] ^= 1;
        Files.write(folder.resolve(hashes.get(2)), photo);
        assertThat(ArchiveFiles.problems(lines, folder)).singleElement().asString().contains(hashes.get(2));
        Files.delete(folder.resolve(hashes.get(1)));
        assertThat(ArchiveFiles.problems(lines, folder)).hasSize(2);
    }

    @Test
    void aFileWithALongOfficialTitleKeepsItsName() {
        Api lead = new Api(port);
        lead.post("/api/units", Map.of("id", "beilun-zj", "name", "区住建局", "type", "DEPARTMENT"));
        Api staff = lead.newUser("zj.clerk", "UNIT_STAFF", "beilun-zj");
        // 200 characters, as a browser sends them: UTF-8 in the part's headers, 600 bytes of them.
        String title = "关于印发北仑区2023年度流动人口服务管理目标责任制考核办法的通知".repeat(7);
        String name = title.substring(0, 196) + ".pdf";

        Api.Response up = staff.upload("/api/materials", name, SIGN_IN_SHEET, Map.of());

        assertThat(up.status()).as(up.raw().body()).isEqualTo(201);
        assertThat(up.body().get("name").asText()).isEqualTo(name);
    }

    @Test
    void aBadUploadIsA400NamingTheFieldAndStoresNothing() {
        Api lead = new Api(port);
        lead.post("/api/units", Map.of("id", "beilun-ga", "name", "区公安分局", "type", "DEPARTMENT"));
        Api staff = lead.newUser("ga.clerk", "UNIT_STAFF", "beilun-ga");
        long files = db.getCollection("materials.files").countDocuments();
        long indexed = db.getCollection(MaterialStore.INDEX).countDocuments();
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(SIGN_IN_SHEET, 0, big, 0, SIGN_IN_SHEET.length);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        record Bad(String what, String name, byte[] bytes, Map<String, String> fields, String field) {
        }
        for (Bad bad : List.of(
                new Bad("too big", "签到表.pdf", big, Map.of(), "file"),
                new Bad("not an allowed type", "签到表.pdf", program, Map.of(), "file"),
                new Bad("a name with a path", "../../etc/签到表.pdf", SIGN_IN_SHEET, Map.of(), "file"),
                new Bad("a name with a Windows path", "C:\\\\temp\\\\签到表.pdf", SIGN_IN_SHEET, Map.of(), "file"),
                new Bad("an extension not its type", "签到表.jpg", SIGN_IN_SHEET, Map.of(), "file"),
                new Bad("empty", "签到表.pdf", new byte[0], Map.of(), "file"),
                new Bad("a name over 200 characters", "签".repeat(197) + ".pdf", SIGN_IN_SHEET, Map.of(), "file"),
                new Bad("a name far over 200 characters", "签".repeat(2000) + ".pdf", SIGN_IN_SHEET, Map.of(), "file"),
                new Bad("a hash mismatch on resume", "签到表.pdf", SIGN_IN_SHEET, Map.of("sha256", "0".repeat(64)), "sha256"))) {
            Api.Response r = staff.upload("/api/materials", bad.name(), bad.bytes(), bad.fields());
            assertThat(r.status()).as(bad.what() + ": " + r.raw().body()).isEqualTo(400);
            assertThat(r.body().toString()).as(bad.what()).contains("\"" + bad.field() + "\"");
        }
        assertThat(staff.upload("/api/materials", "签".repeat(2000) + ".pdf", SIGN_IN_SHEET, Map.of()).body().get("message").asText())
                .as("not 'too large': the file is 1 KB").contains("文件名过长");
        // The lead office must say which unit a file is for; a clerk may not upload for another unit.
        assertThat(lead.upload("/api/materials", "签到表.pdf", SIGN_IN_SHEET, Map.of()).status()).isEqualTo(400);
        assertThat(staff.upload("/api/materials", "签到表.pdf", SIGN_IN_SHEET, Map.of("unitId", "xinqi")).status()).isEqualTo(403);
        assertThat(db.getCollection("materials.files").countDocuments()).isEqualTo(files);
        assertThat(db.getCollection(MaterialStore.INDEX).countDocuments()).isEqualTo(indexed);
        // A record naming a file never uploaded stores nothing.
        long head = engine.headPosition();
        Api.Response r = staff.post("/api/units/beilun-ga/trainings", Map.of("heldOn", "2023-03-15", "topic", "培训",
                "materials", List.of("a".repeat(64))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().toString()).contains("materials[0]");
        assertThat(staff.post("/api/units/beilun-ga/trainings", Map.of("heldOn", "2023-03-15", "topic", "培训",
                "materials", List.of("not-a-hash"))).status()).isEqualTo(400);
        assertThat(engine.headPosition()).isEqualTo(head);
    }
}
