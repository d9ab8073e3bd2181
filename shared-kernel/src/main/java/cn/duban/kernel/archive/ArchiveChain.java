package cn.duban.kernel.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An event archive as NDJSON with a hash chain: every line is a record plus {@code line}, the
 * {@code prevHash} of the line before and its own {@code hash} = SHA-256(prevHash + canonical JSON of
 * the rest). Changing, removing or reordering any line breaks the chain from there on.
 */
public final class ArchiveChain {
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private String previous = GENESIS;
    private long line;

    /** Appends one record (a JSON object) and returns its NDJSON line, newline included. */
    public String append(ObjectNode record) {
        ObjectNode node = record.deepCopy();
        node.put("line", ++line);
        node.put("prevHash", previous);
        String hash = hash(node);
        node.put("hash", hash);
        previous = hash;
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Verdict(boolean valid, long records, Long firstBadLine, String reason) {
    }

    public static Verdict verify(List<String> lines) {
        String previous = GENESIS;
        long n = 0;
        for (String text : lines) {
            if (text.isBlank()) {
                continue;
            }
            n++;
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return new Verdict(false, n - 1, n, "not JSON");
            }
            if (!(node instanceof ObjectNode record) || !record.hasNonNull("hash")) {
                return new Verdict(false, n - 1, n, "no hash");
            }
            if (record.path("line").asLong() != n) {
                return new Verdict(false, n - 1, n, "line " + record.path("line").asLong() + " where " + n + " was expected (removed or reordered)");
            }
            if (!previous.equals(record.path("prevHash").asText())) {
                return new Verdict(false, n - 1, n, "prevHash does not match the line before (removed or reordered)");
            }
            String claimed = record.get("hash").asText();
            ObjectNode body = record.deepCopy();
            body.remove("hash");
            if (!claimed.equals(hash(body))) {
                return new Verdict(false, n - 1, n, "hash does not match the content (edited)");
            }
            previous = claimed;
        }
        return new Verdict(true, n, null, null);
    }

    /** SHA-256 of the record's canonical JSON: keys sorted at every level, no spaces. */
    static String hash(ObjectNode body) {
        try {
            Object canonical = MAPPER.treeToValue(body, Map.class);
            byte[] bytes = MAPPER.writeValueAsBytes(canonical);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
