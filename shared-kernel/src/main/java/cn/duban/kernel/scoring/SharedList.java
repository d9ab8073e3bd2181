package cn.duban.kernel.scoring;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list that grows at its end and whose {@link #copy copies} share the elements they have in
 * common: a copy costs O(1), not O(size). A ledger's lists hold one entry per fact, and a reader
 * keeps copies of a ledger as checkpoints, so with plain lists every checkpoint of a 125,000-fact
 * ledger copied them all (issue 14: most of an {@code asOf} answer's time, and every checkpoint
 * held a full copy).
 *
 * <p>How: copies point at one array and each sees its first {@code shared} slots. Slots below a
 * copy's count are never written again, so any thread handed the copy safely may read them. Only
 * the copy whose count equals the array's {@code used} count appends in place, claiming the slot
 * atomically; another copy appends to a tail of its own, which is what an {@code asOf} answer's
 * copy of a checkpoint does for the few facts it folds. A tail that grows long is moved with the
 * shared part into an array of the list's own. Removal (a rare disqualification) does that too.
 *
 * <p>One list instance is still confined to one thread at a time, as an {@link ArrayList} is.
 */
final class SharedList<T> extends AbstractList<T> implements RandomAccess {
    /** A tail longer than this is moved into an array of the list's own, so a list that lost the shared end regains one. */
    static final int MAX_TAIL = 1024;

    private static final class Slots {
        final Object[] items;
        /** How many slots are filled; only a copy that sees exactly this many appends in place. */
        final AtomicInteger used;

        Slots(Object[] items, int used) {
            this.items = items;
            this.used = new AtomicInteger(used);
        }
    }

    private Slots slots;
    /** How many of {@link #slots} this list sees. */
    private int shared;
    /** What this list appended after another copy took the shared end; null while it has none. */
    private List<T> tail;

    SharedList() {
        this.slots = new Slots(new Object[8], 0);
    }

    private SharedList(Slots slots, int shared, List<T> tail) {
        this.slots = slots;
        this.shared = shared;
        this.tail = tail;
    }

    /** A list with the same elements; appending to either, or removing from either, leaves the other as it was. */
    SharedList<T> copy() {
        return new SharedList<>(slots, shared, tail == null ? null : new ArrayList<>(tail));
    }

    @Override
    public boolean add(T item) {
        if (tail == null) {
            if (shared == slots.items.length && slots.used.get() == shared) {
                own(shared * 2);
            }
            if (shared < slots.items.length && slots.used.compareAndSet(shared, shared + 1)) {
                slots.items[shared++] = item;
                modCount++;
                return true;
            }
            tail = new ArrayList<>();
        }
        tail.add(item);
        if (tail.size() > MAX_TAIL) {
            own(size() * 2);
        }
        modCount++;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, size());
        return index < shared ? (T) slots.items[index] : tail.get(index - shared);
    }

    @Override
    public T remove(int index) {
        T removed = get(index);
        own(slots.items.length + (tail == null ? 0 : tail.size()));
        System.arraycopy(slots.items, index + 1, slots.items, index, shared - index - 1);
        slots.items[--shared] = null;
        slots.used.set(shared);
        modCount++;
        return removed;
    }

    @Override
    public int size() {
        return shared + (tail == null ? 0 : tail.size());
    }

    @Override
    public Object[] toArray() {
        Object[] all = Arrays.copyOf(slots.items, size());
        if (tail != null) {
            System.arraycopy(tail.toArray(), 0, all, shared, tail.size());
        }
        return all;
    }

    /** Moves every element into an array only this list uses, of this capacity, and appends in place from then on. */
    private void own(int capacity) {
        Object[] items = Arrays.copyOf(slots.items, Math.max(8, capacity));
        Arrays.fill(items, shared, items.length, null);
        if (tail != null) {
            System.arraycopy(tail.toArray(), 0, items, shared, tail.size());
            shared += tail.size();
            tail = null;
        }
        slots = new Slots(items, shared);
    }
}
