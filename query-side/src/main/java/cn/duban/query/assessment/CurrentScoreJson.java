package cn.duban.query.assessment;

import cn.duban.kernel.scoring.ScoreCard;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The JSON of a current score's items, written once per state of the unit's ledger and reused until
 * it changes (issue 14). {@link FoldedLedgers} hands every current answer the same items list until
 * a fact of the unit is folded. For the busiest unit at 1M events that list is 3.9 MB of JSON, every
 * evidence id listed, and writing it was most of the answer's time on the server: 414 of the 503
 * thread samples in the message converter were spent writing the ids' strings.
 *
 * <p>Only the lists {@link #reuse} was told of are kept: the controller names current answers,
 * whose list comes back; an {@code asOf} answer's list is new every time and is written as before.
 * Lists are recognised by identity and held weakly, so a list the ledgers have replaced is
 * forgotten with them. What is kept is bounded in count and in bytes.
 *
 * <p>The bytes are what Jackson writes for the list with the answer's own generator settings, so
 * the answer is the same text ({@code CurrentScoreJsonTest}).
 */
@Component
public class CurrentScoreJson extends SimpleModule {
    static final int MAX_LISTS = 64;
    static final long MAX_BYTES = 64L << 20;

    private record Written(WeakReference<List<?>> items, RawJson json) {
    }

    /** Most recent first. */
    private final ArrayDeque<Written> written = new ArrayDeque<>();
    private final ArrayDeque<WeakReference<List<?>>> toReuse = new ArrayDeque<>();

    public CurrentScoreJson() {
        super("duban-current-score-json");
        setSerializerModifier(RawJson.serializing(ScoreCard.class, "items", ItemsSerializer::new));
    }

    /** {@code card} is a current answer: its items' JSON is kept once written. */
    public synchronized ScoreCard reuse(ScoreCard card) {
        if (written(card.items()) == null && !toReuse(card.items())) {
            toReuse.addFirst(new WeakReference<>(card.items()));
            while (toReuse.size() > MAX_LISTS) {
                toReuse.removeLast();
            }
        }
        return card;
    }

    /** How many lists' JSON is kept now. */
    synchronized int kept() {
        written.removeIf(w -> w.items().get() == null);
        return written.size();
    }

    private synchronized RawJson written(List<?> items) {
        for (Written w : written) {
            if (w.items().get() == items) {
                return w.json();
            }
        }
        return null;
    }

    private synchronized boolean toReuse(List<?> items) {
        return toReuse.stream().anyMatch(r -> r.get() == items);
    }

    /** Keeps the list's JSON, dropping the least recent past the bounds (never the one just kept). */
    private synchronized void keep(List<?> items, RawJson json) {
        toReuse.removeIf(r -> r.get() == items || r.get() == null);
        written.removeIf(w -> w.items().get() == null || w.items().get() == items);
        written.addFirst(new Written(new WeakReference<>(items), json));
        while (written.size() > 1 && (written.size() > MAX_LISTS || written.stream().mapToLong(w -> w.json().length()).sum() > MAX_BYTES)) {
            written.removeLast();
        }
    }

    private final class ItemsSerializer extends StdSerializer<Object> {
        ItemsSerializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<?> items = (List<?>) value;
            RawJson json = written(items);
            // Kept only as the answer's own mapper writes it: a generator without one, or a pretty one, writes as before.
            if (json == null && gen.getCodec() != null && gen.getPrettyPrinter() == null && toReuse(items)) {
                json = write(items, gen, provider);
                keep(items, json);
            }
            if (json != null) {
                gen.writeRawValue(json);
            } else {
                provider.defaultSerializeValue(items, gen);
            }
        }

        /** The list as the answer's generator would write it: its features and escapes, UTF-8. */
        private RawJson write(List<?> items, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ByteArrayBuilder out = new ByteArrayBuilder();
            try (JsonGenerator own = RawJson.writingAs(gen, out)) {
                provider.defaultSerializeValue(items, own);
            }
            byte[] utf8 = out.toByteArray();
            return new RawJson(utf8, 0, utf8.length);
        }
    }
}
