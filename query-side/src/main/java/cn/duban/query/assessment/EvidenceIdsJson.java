package cn.duban.query.assessment;

import cn.duban.kernel.scoring.Contribution;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON of long evidence-id lists, reused by prefix (issue 14). An {@code asOf} answer for the
 * busiest unit at 1M events lists about 100,000 ids, and writing their strings was most of its
 * 32 ms on the server: separate small objects, made as the facts were read and scattered since, each
 * read through two references.
 *
 * <p>A ledger's id lists only grow at their end, and every answer's list holds the very strings of
 * the unit's fact log: the current list, and an {@code asOf} list folded from a checkpoint that
 * shares the ledger's lists. So a list written once tells what any list beginning with the same
 * strings (compared by identity, over one array of references) looks like as JSON: those bytes are
 * copied, and only the ids after them are written afresh. A list that extends the one kept replaces
 * it; one that leaves it early (a disqualified fact taken out) is kept beside it when most of it
 * was new.
 *
 * <p>The bytes are what the answer's own generator writes (its factory, features and escapes,
 * {@link RawJson#writingAs}); lists written with other settings, through a {@link java.io.Writer},
 * pretty-printed or shorter than {@link #MIN_IDS} are written as before. What is kept is bounded in
 * count and in bytes; the least recently used goes first.
 */
@Component
public class EvidenceIdsJson extends SimpleModule {
    /** Shorter lists are written as before: what the workbench asks for ({@code evidenceLimit}) and most items' lists. */
    static final int MIN_IDS = 256;
    static final int MAX_LISTS = 64;
    static final long MAX_BYTES = 64L << 20;
    /** Kept bytes go to the generator in pieces this long, which its buffer (8,000 bytes) mostly takes without a copy. */
    private static final int PIECE = 2048;

    /** What decides the bytes of a string: a list's bytes are reused only under the same. */
    private record Settings(JsonFactory factory, int features, CharacterEscapes escapes, int highestNonEscaped) {
        static Settings of(JsonGenerator gen) {
            return new Settings(gen.getCodec().getFactory(), gen.getFeatureMask(), gen.getCharacterEscapes(), gen.getHighestEscapedChar());
        }
    }

    /**
     * A list's ids and their JSON, {@code "a","b",…} without brackets: id {@code i} ends at
     * {@code ends[i]}. Never changed once made.
     */
    private record Encoded(Settings settings, Object[] ids, byte[] utf8, int[] ends) {
        int bytesOf(int count) {
            return count == 0 ? 0 : ends[count - 1];
        }

        /**
         * Its bytes and references, and the id strings as if only it held them (about 48 bytes and
         * the text each): a kept list keeps its strings alive after the ledger that made them is gone.
         */
        long weight() {
            return 2L * utf8.length + 56L * ids.length;
        }
    }

    /** Most recently used first. */
    private final ArrayDeque<Encoded> kept = new ArrayDeque<>();
    /** How many ids were written afresh rather than copied, for tests. */
    private long writtenAfresh;

    public EvidenceIdsJson() {
        super("duban-evidence-ids-json");
        setSerializerModifier(RawJson.serializing(Contribution.class, "evidence", IdsSerializer::new));
    }

    /** How many lists' JSON is kept now. */
    synchronized int kept() {
        return kept.size();
    }

    synchronized long writtenAfresh() {
        return writtenAfresh;
    }

    /** The kept lists that could begin {@code ids}: same settings, same first string. */
    private synchronized List<Encoded> candidates(Settings settings, Object first) {
        List<Encoded> found = new ArrayList<>();
        for (Encoded e : kept) {
            if (e.ids()[0] == first && e.settings().equals(settings)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Keeps {@code e} as the most recently used, in place of {@code replacing} if given; drops the least recent past the bounds. */
    private synchronized void keep(Encoded e, Encoded replacing, long afresh) {
        writtenAfresh += afresh;
        kept.remove(replacing);
        kept.remove(e);
        kept.addFirst(e);
        while (kept.size() > 1 && (kept.size() > MAX_LISTS || kept.stream().mapToLong(Encoded::weight).sum() > MAX_BYTES)) {
            kept.removeLast();
        }
    }

    private synchronized void used(Encoded e, long afresh) {
        writtenAfresh += afresh;
        if (kept.remove(e)) {
            kept.addFirst(e);
        }
    }

    /** How many leading elements of {@code ids} are the very objects {@code e} begins with. */
    private static int common(Encoded e, List<?> ids) {
        int n = Math.min(e.ids().length, ids.size());
        int i = 0;
        while (i < n && e.ids()[i] == ids.get(i)) {
            i++;
        }
        return i;
    }

    private final class IdsSerializer extends StdSerializer<Object> {
        IdsSerializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<?> ids = (List<?>) value;
            if (ids.size() < MIN_IDS || gen.getCodec() == null || gen.getPrettyPrinter() != null || !(gen.getOutputTarget() instanceof OutputStream)) {
                provider.defaultSerializeValue(ids, gen);
                return;
            }
            Settings settings = Settings.of(gen);
            Encoded from = null;
            int common = 0;
            for (Encoded e : candidates(settings, ids.get(0))) {
                int c = common(e, ids);
                if (c > common) {
                    from = e;
                    common = c;
                }
            }
            Encoded rest = common == ids.size() ? null : encode(settings, gen, ids, common);

            gen.writeRawValue("[");
            if (from != null) {
                writeRaw(gen, from.utf8(), 0, from.bytesOf(common));
            }
            if (rest != null) {
                if (common > 0) {
                    gen.writeRaw(',');
                }
                writeRaw(gen, rest.utf8(), 0, rest.utf8().length);
            }
            gen.writeRaw(']');

            int afresh = ids.size() - common;
            if (from != null && rest != null && common == from.ids().length) {
                keep(joined(from, rest), from, afresh);
            } else if (rest != null && afresh >= Math.max(MIN_IDS, ids.size() / 8)) {
                keep(from == null ? rest : joined(cut(from, common), rest), null, afresh);
            } else if (from != null) {
                used(from, afresh);
            }
        }

        /** Ids {@code from} to the end of {@code ids} as the answer's generator writes them. */
        private Encoded encode(Settings settings, JsonGenerator gen, List<?> ids, int from) throws IOException {
            int count = ids.size() - from;
            ByteArrayOutputStream out = new ByteArrayOutputStream(count * 40);
            int[] ends = new int[count];
            try (JsonGenerator own = RawJson.writingAs(gen, out)) {
                own.writeStartArray();
                for (int i = 0; i < count; i++) {
                    Object id = ids.get(from + i);
                    if (id == null) {
                        own.writeNull();
                    } else {
                        own.writeString(id.toString());
                    }
                    ends[i] = out.size() + own.getOutputBuffered() - 1; // past the '['
                }
                own.writeEndArray();
            }
            byte[] all = out.toByteArray();
            return new Encoded(settings, ids.subList(from, ids.size()).toArray(), Arrays.copyOfRange(all, 1, all.length - 1), ends);
        }
    }

    /** The first {@code count} ids of {@code e}. */
    private static Encoded cut(Encoded e, int count) {
        return new Encoded(e.settings(), Arrays.copyOf(e.ids(), count), Arrays.copyOf(e.utf8(), e.bytesOf(count)), Arrays.copyOf(e.ends(), count));
    }

    /** {@code head}'s ids followed by {@code tail}'s. */
    private static Encoded joined(Encoded head, Encoded tail) {
        if (head.ids().length == 0) {
            return tail;
        }
        int comma = head.utf8().length;
        byte[] utf8 = Arrays.copyOf(head.utf8(), comma + 1 + tail.utf8().length);
        utf8[comma] = ',';
        System.arraycopy(tail.utf8(), 0, utf8, comma + 1, tail.utf8().length);
        Object[] ids = Arrays.copyOf(head.ids(), head.ids().length + tail.ids().length);
        System.arraycopy(tail.ids(), 0, ids, head.ids().length, tail.ids().length);
        int[] ends = Arrays.copyOf(head.ends(), ids.length);
        for (int i = 0; i < tail.ends().length; i++) {
            ends[head.ids().length + i] = comma + 1 + tail.ends()[i];
        }
        return new Encoded(head.settings(), ids, utf8, ends);
    }

    private static void writeRaw(JsonGenerator gen, byte[] utf8, int from, int to) throws IOException {
        for (int at = from; at < to; at += PIECE) {
            gen.writeRaw(new RawJson(utf8, at, Math.min(PIECE, to - at)));
        }
    }
}
