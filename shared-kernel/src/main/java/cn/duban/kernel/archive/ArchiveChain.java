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
 *
 * <p>The last line is the signed head ({@link #seal}): the number of records and the last hash,
 * with an HMAC-SHA256 under a key the district keeps. Cutting lines off the end no longer matches
 * the head, and a chain recomputed after an edit cannot be signed again without the key.
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

    /** The signed head, the archive's last line: records so far, the last hash, and their HMAC. */
    public String seal(byte[] key) {
        ObjectNode head = MAPPER.createObjectNode();
        head.put("records", line).put("lastHash", previous).put("hmac", hmac(key, line, previous));
        ObjectNode node = MAPPER.createObjectNode();
        node.set("seal", head);
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param signed whether the head's signature was checked with the key and matched
     */
    public record Verdict(boolean valid, long records, Long firstBadLine, String reason, boolean signed) {
    }

    /**
     * Checks the chain line by line and the signed head at the end. Without a key the head's count
     * and last hash are still checked (a cut-off tail fails), but not its signature: the verdict
     * then says {@code signed=false} and is not valid, since a recomputed chain would pass.
     */
    public static Verdict verify(List<String> lines, byte[] key) {
        List<String> records = new java.util.ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        if (records.isEmpty() || !records.get(records.size() - 1).contains("\"seal\"")) {
            return new Verdict(false, 0, (long) records.size() + 1,
                    "没有签名的归档头：归档被截断或并非由本系统导出 / no signed head: cut off, or not exported by Duban", false);
        }
        JsonNode head;
        try {
            head = MAPPER.readTree(records.remove(records.size() - 1)).path("seal");
        } catch (JsonProcessingException e) {
            return new Verdict(false, 0, (long) records.size() + 1, "签名头不是 JSON / the head is not JSON", false);
        }
        Verdict chain = verifyChain(records);
        if (!chain.valid()) {
            return chain;
        }
        String last = records.isEmpty() ? GENESIS : chainHashOf(records.get(records.size() - 1));
        if (head.path("records").asLong(-1) != chain.records() || !last.equals(head.path("lastHash").asText())) {
            return new Verdict(false, chain.records(), chain.records() + 1, "记录数或末尾哈希与签名头不符：归档被截断 / the head names "
                    + head.path("records").asLong(-1) + " records and another last hash: lines were cut off", false);
        }
        if (key == null) {
            return new Verdict(false, chain.records(), null, "未提供密钥，签名未校验 / no key given: the signature was not checked", false);
        }
        if (!hmac(key, chain.records(), last).equals(head.path("hmac").asText())) {
            return new Verdict(false, chain.records(), chain.records() + 1,
                    "签名不符：归档被改动后重新计算了哈希，或密钥不对 / the signature does not match: re-hashed after a change, or another key", false);
        }
        return new Verdict(true, chain.records(), null, null, true);
    }

    private static String chainHashOf(String line) {
        try {
            return MAPPER.readTree(line).path("hash").asText();
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static String hmac(byte[] key, long records, String lastHash) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((records + "\n" + lastHash).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verifyChain(List<String> lines) {
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
                return new Verdict(false, n - 1, n, "不是 JSON / not JSON", false);
            }
            if (!(node instanceof ObjectNode record) || !record.hasNonNull("hash")) {
                return new Verdict(false, n - 1, n, "缺少哈希 / no hash", false);
            }
            if (record.path("line").asLong() != n) {
                return new Verdict(false, n - 1, n, "行号为 " + record.path("line").asLong() + "，应为 " + n + "：有记录被删除或调换 / line " + record.path("line").asLong() + " where " + n
                        + " was expected (removed or reordered)", false);
            }
            if (!previous.equals(record.path("prevHash").asText())) {
                return new Verdict(false, n - 1, n, "与上一行的哈希不符：有记录被删除或调换 / prevHash does not match the line before (removed or reordered)", false);
            }
            String claimed = record.get("hash").asText();
            ObjectNode body = record.deepCopy();
            body.remove("hash");
            if (!claimed.equals(hash(body))) {
                return new Verdict(false, n - 1, n, "内容与哈希不符：记录被改动 / hash does not match the content (edited)", false);
            }
            previous = claimed;
        }
        return new Verdict(true, n, null, null, false);
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
