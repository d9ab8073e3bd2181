package cn.duban.kernel.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveChainTest {
    static final byte[] KEY = "the district's own key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    final ObjectMapper mapper = new ObjectMapper();

    List<String> archive() {
        return archive(KEY, 4, i -> 10 + i);
    }

    List<String> archive(byte[] key, int n, java.util.function.IntUnaryOperator attendees) {
        ArchiveChain chain = new ArchiveChain();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode r = mapper.createObjectNode();
            r.put("eventId", "e" + i);
            r.put("type", "TrainingRecorded");
            r.putObject("payload").put("topic", "培训" + i).put("attendees", attendees.applyAsInt(i));
            lines.add(chain.append(r).trim());
        }
        lines.add(chain.seal(key).trim());
        return lines;
    }

    static ArchiveChain.Verdict verify(List<String> lines) {
        return ArchiveChain.verify(lines, KEY);
    }

    @Test
    void aCutOffTailIsCaughtByTheSignedHead() {
        List<String> lines = archive();
        List<String> cut = new ArrayList<>(lines.subList(0, 2));
        assertThat(verify(cut).valid()).as("head -n 2: no head at all").isFalse();
        cut.add(lines.get(lines.size() - 1));
        ArchiveChain.Verdict v = verify(cut);
        assertThat(v.valid()).as("lines cut before the head").isFalse();
        assertThat(v.reason()).contains("cut off");
    }

    @Test
    void aChainRecomputedAfterAnEditFailsTheSignature() {
        List<String> forged = archive("a forger's key".getBytes(java.nio.charset.StandardCharsets.UTF_8), 4, i -> i == 2 ? 120 : 10 + i);
        ArchiveChain.Verdict v = verify(forged);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("signature");
        assertThat(ArchiveChain.verify(archive(), null).valid()).as("unchecked without the key").isFalse();
        assertThat(ArchiveChain.verify(archive(), null).signed()).isFalse();
    }

    @Test
    void anUntouchedArchiveVerifies() {
        ArchiveChain.Verdict v = verify(archive());
        assertThat(v.valid()).isTrue();
        assertThat(v.signed()).isTrue();
        assertThat(v.records()).isEqualTo(4);
    }

    @Test
    void anEditedPayloadIsCaughtAtItsLine() {
        List<String> lines = archive();
        lines.set(2, lines.get(2).replace("\"attendees\":12", "\"attendees\":120"));
        ArchiveChain.Verdict v = verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(3);
        assertThat(v.reason()).contains("记录被改动", "edited");
    }

    @Test
    void aDeletedRecordIsCaught() {
        List<String> lines = archive();
        lines.remove(1);
        ArchiveChain.Verdict v = verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(2);
    }

    @Test
    void aSwappedPairIsCaught() {
        List<String> lines = archive();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        ArchiveChain.Verdict v = verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(2);
    }

    @Test
    void reformattingAValidLineIsNotAnEdit() throws Exception {
        List<String> lines = archive();
        lines.set(0, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(lines.get(0))).replace("\n", ""));
        assertThat(verify(lines).valid()).isTrue();
    }
}
