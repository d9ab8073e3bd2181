package cn.duban.platform.archive;

import cn.duban.platform.materials.MaterialStore;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files an archive names, checked against a folder holding them: each line lists the SHA-256 of
 * the files its event names ({@code materials}), and the folder must hold a file of that name whose
 * bytes hash to it. The chain itself is {@link cn.duban.kernel.archive.ArchiveChain}'s to check.
 */
public final class ArchiveFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArchiveFiles() {
    }

    /** The hashes the archive's lines name, in order of first mention. */
    public static Set<String> named(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                MAPPER.readTree(line).path("materials").forEach(h -> out.add(h.asText()));
            } catch (IOException e) {
                // Not JSON: the chain check reports the line; there is no file to name here.
            }
        }
        return out;
    }

    /** What is wrong with the folder: each file missing or altered, in words; empty if every file is there and intact. */
    public static List<String> problems(List<String> lines, Path folder) {
        List<String> problems = new ArrayList<>();
        for (String sha256 : named(lines)) {
            Path file = folder.resolve(sha256);
            if (!Files.isRegularFile(file)) {
                problems.add("缺少文件 / missing file " + sha256);
                continue;
            }
            try {
                if (!MaterialStore.sha256(Files.readAllBytes(file)).equals(sha256)) {
                    problems.add("文件内容与归档中的哈希不符 / file altered: " + sha256);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }
}
