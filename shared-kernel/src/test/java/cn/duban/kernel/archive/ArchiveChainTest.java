package cn.duban.kernel.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveChainTest {
    final ObjectMapper mapper = new ObjectMapper();

    List<String> archive() {
        ArchiveChain chain = new ArchiveChain();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectNode r = mapper.createObjectNode();
            r.put("eventId", "e" + i);
            r.put("type", "TrainingRecorded");
            r.putObject("payload").put("topic", "培训" + i).put("attendees", 10 + i);
            lines.add(chain.append(r).trim());
        }
        return lines;
    }

    @Test
    void anUntouchedArchiveVerifies() {
        ArchiveChain.Verdict v = ArchiveChain.verify(archive());
        assertThat(v.valid()).isTrue();
        assertThat(v.records()).isEqualTo(4);
    }

    @Test
    void anEditedPayloadIsCaughtAtItsLine() {
        List<String> lines = archive();
        lines.set(2, lines.get(2).replace("\"attendees\":12", "\"attendees\":120"));
        ArchiveChain.Verdict v = ArchiveChain.verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(3);
        assertThat(v.reason()).contains("edited");
    }

    @Test
    void aDeletedRecordIsCaught() {
        List<String> lines = archive();
        lines.remove(1);
        ArchiveChain.Verdict v = ArchiveChain.verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(2);
    }

    @Test
    void aSwappedPairIsCaught() {
        List<String> lines = archive();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        ArchiveChain.Verdict v = ArchiveChain.verify(lines);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(2);
    }

    @Test
    void reformattingAValidLineIsNotAnEdit() throws Exception {
        List<String> lines = archive();
        lines.set(0, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(lines.get(0))).replace("\n", ""));
        assertThat(ArchiveChain.verify(lines).valid()).isTrue();
    }
}
