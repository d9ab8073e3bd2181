package cn.duban.kernel.scoring;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A set of strings that only grows and whose {@link #copy copies} share what they have in common,
 * as {@link SharedList} does for lists: copies read one map of each element to the place it was
 * added at, and each sees the elements placed below its own count. Only the copy whose count is the
 * map's {@code used} count adds to it, claiming the place atomically; another copy keeps what it
 * adds in a set of its own, and moves everything into a map of its own once that set grows long.
 *
 * <p>The shared map is concurrent because the copy that adds to it may do so while others read it.
 * One instance is still confined to one thread at a time.
 */
final class SharedSet {
    private static final class Places {
        final ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
        final AtomicInteger used = new AtomicInteger();
    }

    private Places places = new Places();
    /** How many of {@link #places} this set sees: those placed below it. */
    private int shared;
    /** What this set added after another copy took the shared end; null while it has none. */
    private Set<String> added;

    /** A set with the same elements; adding to either leaves the other as it was. */
    SharedSet copy() {
        SharedSet c = new SharedSet();
        c.places = places;
        c.shared = shared;
        c.added = added == null ? null : new HashSet<>(added);
        return c;
    }

    boolean contains(String element) {
        Integer place = places.index.get(element);
        return place != null && place < shared || added != null && added.contains(element);
    }

    /** Adds {@code element}; false when it was there already. */
    boolean add(String element) {
        if (contains(element)) {
            return false;
        }
        if (added == null && places.used.compareAndSet(shared, shared + 1)) {
            places.index.put(element, shared++);
            return true;
        }
        if (added == null) {
            added = new HashSet<>();
        }
        added.add(element);
        if (added.size() > SharedList.MAX_TAIL) {
            own();
        }
        return true;
    }

    /** Moves every element into a map only this set adds to. */
    private void own() {
        Places own = new Places();
        places.index.forEach((element, place) -> {
            if (place < shared) {
                own.index.put(element, place);
            }
        });
        for (String element : added) {
            own.index.put(element, shared++);
        }
        own.used.set(shared);
        places = own;
        added = null;
    }

    /** The elements in the order they were added. */
    java.util.List<String> elements() {
        String[] inOrder = new String[shared];
        places.index.forEach((element, place) -> {
            if (place < shared) {
                inOrder[place] = element;
            }
        });
        java.util.List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList(inOrder));
        if (added != null) {
            all.addAll(added);
        }
        return all;
    }
}
