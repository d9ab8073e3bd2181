package cn.duban.platform.materials;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.material.Material;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files that prove records (台账材料), in GridFS (bucket {@code materials}), stored once under
 * their SHA-256 and never changed: a second upload of the same bytes is the same file. Beside each
 * file, collection {@code material_index} keeps what it is and the units it was uploaded for, which
 * is what decides who may read it. Allowed: PDF, JPEG, PNG, Word and Excel, recognised by their
 * first bytes, not by what the client says, and named with a matching extension.
 */
@Component
public class MaterialStore {
    public static final String BUCKET = "materials";
    public static final String INDEX = "material_index";
    /** An index entry's mark that a record names the file ({@link #resolve}); a file never marked may be removed. */
    static final String NAMED = "named";
    static final String LAST_UPLOADED_AT = "lastUploadedAt";
    private static final Pattern SHA256 = Pattern.compile(Material.SHA256_REGEX);
    /** No path, no control characters, no leading dot; the extension says the type. */
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}:*?\"<>|]{1,200}");

    enum Kind {
        PDF("application/pdf", Set.of("pdf")),
        JPEG("image/jpeg", Set.of("jpg", "jpeg")),
        PNG("image/png", Set.of("png")),
        WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
        EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
        LEGACY_WORD("application/msword", Set.of("doc")),
        LEGACY_EXCEL("application/vnd.ms-excel", Set.of("xls"));

        final String contentType;
        final Set<String> extensions;

        Kind(String contentType, Set<String> extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }
    }

    private final GridFSBucket files;
    private final MongoCollection<Document> index;
    private final long maxSize;
    private final Clock clock;
    /** When an upload happened, for how long an unnamed file is kept ({@link UnnamedMaterialsSweep}): real time, as a simulated demo's clock would make today's upload years old. */
    private final Clock realTime;

    @org.springframework.beans.factory.annotation.Autowired
    public MaterialStore(MongoDatabase db, @Value("${duban.materials.max-size:20MB}") DataSize maxSize, Clock dubanClock) {
        this(db, maxSize, dubanClock, Clock.systemUTC());
    }

    MaterialStore(MongoDatabase db, DataSize maxSize, Clock dubanClock, Clock realTime) {
        this.files = GridFSBuckets.create(db, BUCKET);
        this.index = db.getCollection(INDEX);
        this.maxSize = maxSize.toBytes();
        this.clock = dubanClock;
        this.realTime = realTime;
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores an uploaded file for a unit and says what it is. Nothing is stored when the file is
     * empty, too big, of a type not allowed, named with a path or an extension that is not its type's,
     * or when {@code expectedSha256} is given and the bytes do not hash to it (an interrupted upload).
     */
    public Material store(String name, byte[] bytes, String expectedSha256, String unitId, String uploadedBy) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "文件为空 / the file is empty");
        }
        if (bytes.length > maxSize) {
            throw new InvalidInputException("file", "文件超过" + (maxSize / (1024 * 1024)) + "MB / the file is larger than "
                    + (maxSize / (1024 * 1024)) + " MB");
        }
        String cleanName = name == null ? "" : name.strip();
        if (!SAFE_NAME.matcher(cleanName).matches() || cleanName.startsWith(".") || cleanName.contains("..")) {
            throw new InvalidInputException("file", "文件名不能含路径或特殊字符，最长200字 / the name may not hold a path or special characters (200 at most)");
        }
        Kind kind = sniff(bytes).orElseThrow(() -> new InvalidInputException("file",
                "只接受PDF、JPEG、PNG、Word和Excel文件 / only PDF, JPEG, PNG, Word and Excel files are accepted"));
        String extension = cleanName.contains(".") ? cleanName.substring(cleanName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!kind.extensions.contains(extension)) {
            throw new InvalidInputException("file", "文件扩展名与内容不符 / the extension does not match the content (" + kind.contentType + ")");
        }
        String sha256 = sha256(bytes);
        if (expectedSha256 != null && !expectedSha256.isBlank() && !expectedSha256.strip().toLowerCase(Locale.ROOT).equals(sha256)) {
            throw new InvalidInputException("sha256", "文件内容与给出的哈希不符，请重新上传 / the bytes do not match the given SHA-256: upload again");
        }
        if (files.find(Filters.eq("filename", sha256)).first() == null) {
            files.uploadFromStream(sha256, new java.io.ByteArrayInputStream(bytes), new GridFSUploadOptions()
                    .metadata(new Document("contentType", kind.contentType).append("size", (long) bytes.length)));
        }
        index.updateOne(Filters.eq("_id", sha256), Updates.combine(
                Updates.setOnInsert("contentType", kind.contentType), Updates.setOnInsert("size", (long) bytes.length),
                Updates.setOnInsert("name", cleanName), Updates.setOnInsert("firstUploadedAt", Date.from(clock.instant())),
                Updates.setOnInsert("firstUploadedBy", uploadedBy), Updates.addToSet("units", unitId),
                Updates.set(LAST_UPLOADED_AT, Date.from(realTime.instant()))), new UpdateOptions().upsert(true));
        return new Material(sha256, cleanName, kind.contentType, bytes.length);
    }

    /**
     * The files a record of {@code unitId} names: each must have been uploaded for that unit. The
     * names are the ones they were uploaded under; type and size come from the store, not the client.
     * Each is marked named as it is found, in the same step, so {@link UnnamedMaterialsSweep} removes
     * either a file no record named before it, whose record is then refused ("upload it first"), or none.
     */
    public List<Material> resolve(String unitId, List<String> sha256s, String field) {
        if (sha256s == null || sha256s.isEmpty()) {
            return List.of();
        }
        List<Material> out = new ArrayList<>();
        for (int i = 0; i < sha256s.size(); i++) {
            String sha256 = sha256s.get(i) == null ? "" : sha256s.get(i).strip().toLowerCase(Locale.ROOT);
            Document d = SHA256.matcher(sha256).matches()
                    ? index.findOneAndUpdate(Filters.and(Filters.eq("_id", sha256), Filters.eq("units", unitId)), Updates.set(NAMED, true))
                    : null;
            if (d == null) {
                throw new InvalidInputException(field + "[" + i + "]", "未找到为本单位上传的该文件，请先上传 / no such file uploaded for this unit: upload it first");
            }
            out.add(material(d));
        }
        return Material.listOf(out);
    }

    /** Marks the files these hashes name as named by a record (those stored; others are passed over). */
    void markNamed(java.util.Collection<String> sha256s) {
        List<String> all = List.copyOf(sha256s);
        for (int from = 0; from < all.size(); from += 1_000) {
            index.updateMany(Filters.in("_id", all.subList(from, Math.min(all.size(), from + 1_000))), Updates.set(NAMED, true));
        }
    }

    /** A file removed: what it was, and the units it had been uploaded for. */
    public record Removed(Material material, List<String> units) {
    }

    /**
     * Removes the files no record has named that were last uploaded before {@code uploadedBefore}:
     * each one's entry goes first, and only if it is still unnamed, then its bytes.
     */
    List<Removed> removeUnnamed(java.time.Instant uploadedBefore) {
        Date before = Date.from(uploadedBefore);
        List<Removed> removed = new ArrayList<>();
        for (Document d : index.find(Filters.ne(NAMED, true)).into(new ArrayList<>())) {
            Date last = d.getDate(LAST_UPLOADED_AT) != null ? d.getDate(LAST_UPLOADED_AT) : d.getDate("firstUploadedAt");
            if (last == null || !last.before(before)) {
                continue;
            }
            String sha256 = d.getString("_id");
            if (index.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.ne(NAMED, true))).getDeletedCount() == 0) {
                continue; // named meanwhile
            }
            files.find(Filters.eq("filename", sha256)).forEach(f -> files.delete(f.getObjectId()));
            removed.add(new Removed(material(d), d.getList("units", String.class, List.of())));
        }
        return removed;
    }

    /** What is stored under a hash, and for which units. */
    public record Stored(Material material, Set<String> units) {
    }

    public Optional<Stored> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.find(Filters.eq("_id", sha256)).first())
                .map(d -> new Stored(material(d), Set.copyOf(d.getList("units", String.class, List.of()))));
    }

    private static Material material(Document indexed) {
        return new Material(indexed.getString("_id"), indexed.getString("name"), indexed.getString("contentType"),
                ((Number) indexed.get("size")).longValue());
    }

    /** The file's bytes (at most the configured size, so reading them whole is bounded). */
    public byte[] read(String sha256) {
        if (files.find(Filters.eq("filename", sha256)).first() == null) {
            throw new NotFoundException("文件不存在 / no such file: " + sha256);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.downloadToStream(sha256, out);
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<Kind, byte[]> MAGIC = Map.of(
            Kind.PDF, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            Kind.JPEG, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            Kind.PNG, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** The type the first bytes show; Office files by their container and the entries in it. */
    static Optional<Kind> sniff(byte[] bytes) {
        for (var e : MAGIC.entrySet()) {
            if (startsWith(bytes, e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        if (startsWith(bytes, ZIP)) {
            String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (head.contains("word/")) {
                return Optional.of(Kind.WORD);
            }
            if (head.contains("xl/")) {
                return Optional.of(Kind.EXCEL);
            }
            return Optional.empty();
        }
        if (startsWith(bytes, OLE)) {
            // The compound file's directory names its main stream, in UTF-16LE.
            String all = new String(bytes, java.nio.charset.StandardCharsets.UTF_16LE);
            if (all.contains("WordDocument")) {
                return Optional.of(Kind.LEGACY_WORD);
            }
            if (all.contains("Workbook") || all.contains("Book")) {
                return Optional.of(Kind.LEGACY_EXCEL);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
