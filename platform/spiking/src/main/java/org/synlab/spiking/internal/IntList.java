package org.synlab.spiking.internal;

import java.util.Arrays;

/** A growable list of ints without boxing; grows by doubling so appends are amortised O(1). */
public final class IntList {

    private int[] items;
    private int size;

    /** An empty list with room for {@code capacity} items. */
    public IntList(int capacity) {
        items = new int[Math.max(4, capacity)];
    }

    /** Appends a value. */
    public void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(8, items.length * 2));
        }
        items[size++] = value;
    }

    /** The value at {@code index}. */
    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return items[index];
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    /** Makes room for {@code extra} more values so the next appends do not allocate. */
    public void reserve(int extra) {
        if (size + extra > items.length) {
            items = Arrays.copyOf(items, Math.max(size + extra, items.length * 2));
        }
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /** A copy of the values. */
    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
