package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The key type of the embedded server's unique indexes. mongo-java-server keeps each unique index
 * in an H2 map whose keys ({@link KeyValue}) are neither {@code Comparable} nor known to H2, so H2's
 * generic type Java-serializes both keys to compare them, and Java-serializes every key of a page
 * (class descriptors included, some 200 bytes each) whenever a commit rewrites it: every index
 * look-up and insert paid a tree search of serializations (a profile of appends showed each unique
 * index costing about a fifth of an append).
 * <p>
 * This type compares element by element, by the element's own natural order where that order
 * agrees with {@code equals} (strings, numbers of one class, dates, booleans, UUIDs) and by the
 * serialized form otherwise, as before. Point look-ups are all mongo-java-server asks of these maps
 * (no query walks an index in key order), so any total order consistent with {@code equals} serves;
 * a map sorted by the old order is re-sorted once when opened ({@link OrderedIndexH2Backend}). It
 * writes a key as a marker byte H2's generic type never writes, the element count and each element
 * in H2's own compact encoding, and still reads keys written the old way.
 */
final class IndexKeyOrder extends ObjectDataType {
    /** A first byte none of H2's generic type tags use (they end at 119). */
    private static final byte COMPACT_KEY = 127;

    /** Classes whose {@code compareTo} is zero exactly when {@code equals} is true. */
    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(
            String.class, Long.class, Integer.class, Double.class, Boolean.class, Date.class, UUID.class);

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof KeyValue key) {
            buffer.put(COMPACT_KEY).putVarInt(key.size());
            for (Object element : key) {
                super.write(buffer, element);
            }
        } else {
            super.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != COMPACT_KEY) {
            return super.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(super.read(buffer));
        }
        return new KeyValue(elements);
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof KeyValue key) {
            int memory = 24;
            for (Object element : key) {
                memory += super.getMemory(element);
            }
            return memory;
        }
        return super.getMemory(value);
    }

    private int compareKeys(KeyValue a, KeyValue b) {
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        for (int i = 0; i < a.size(); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        Class<?> type = a.getClass();
        if (type != b.getClass()) {
            return type.getName().compareTo(b.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(type) || a instanceof Comparable) {
            // For a class of its own that is Comparable (an ObjectId, a decimal) H2's generic type
            // answers compareTo too, but not safely: see below.
            return ((Comparable) a).compareTo(b);
        }
        // H2's generic type keeps the type of the value it last met in a field of the instance, which
        // every thread using this index shares; comparing two values of a type it knows only by
        // serialization while another thread met another type, it found neither its own and threw
        // "Can not compare" (a CI run's demo load, storing a file; IndexKeyOrderThreadsTest). A
        // private instance for the rare value that is not Comparable (a document, a list).
        return new ObjectDataType().compare(a, b);
    }
}
