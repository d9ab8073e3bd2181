package cn.duban.kernel.material;

import cn.duban.kernel.error.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A file that proves a record (台账材料): a sign-in sheet, photos, a report's attachment. An event
 * records what the file is, never its bytes: its SHA-256 (the file is stored once under it and can
 * never change), the name it was uploaded under, its type and size. A correction is a new event
 * naming other files.
 */
public record Material(String sha256, String name, String contentType, long size) {
    /** A SHA-256 as records name it: 64 lower-case hex digits (request validation uses the same). */
    public static final String SHA256_REGEX = "[0-9a-f]{64}";
    private static final Pattern SHA256 = Pattern.compile(SHA256_REGEX);
    /** More files than a ledger entry plausibly needs is a mistake, not a record. */
    public static final int MAX_PER_RECORD = 20;

    public Material {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidInputException("materials", "文件哈希须为64位小写十六进制 / sha256 must be 64 lower-case hex digits");
        }
    }

    /** The files of a record: none is fine, more than {@link #MAX_PER_RECORD} or one twice is not. */
    public static List<Material> listOf(List<Material> materials) {
        if (materials == null) {
            return List.of();
        }
        if (materials.size() > MAX_PER_RECORD) {
            throw new InvalidInputException("materials", "每条记录最多" + MAX_PER_RECORD + "个文件 / at most " + MAX_PER_RECORD + " files per record");
        }
        if (materials.stream().map(Material::sha256).distinct().count() < materials.size()) {
            throw new InvalidInputException("materials", "同一文件重复附加 / the same file is attached twice");
        }
        return List.copyOf(materials);
    }
}
