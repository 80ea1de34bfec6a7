package org.crmkit.core.analytics.clv;

import java.util.Arrays;

/**
 * Numbers distinct tuples of one to three doubles 0, 1, 2, ... in the order they are first seen: an
 * open-addressing hash table over primitive arrays, so that collapsing millions of customers into
 * distinct (x, t_x, T) rows allocates no object per customer. Components compare with {@code ==}
 * after {@code -0.0} is turned into {@code 0.0}; NaN is not expected (it would never match, so callers
 * validate first).
 * Not thread-safe; used while building immutable data.
 */
final class TupleIndex {

    private final int arity;
    /** The tuples, row after row ({@code arity} doubles each). */
    private double[] tuples;
    /** Slot to row + 1; 0 is an empty slot. */
    private int[] slots;
    private int mask;
    private int size;

    /**
     * @param arity    the number of doubles in a tuple, 1 to 3
     * @param expected the number of distinct tuples expected (the table grows beyond it)
     */
    TupleIndex(int arity, int expected) {
        if (arity < 1 || arity > 3) {
            throw new IllegalArgumentException("arity must be 1 to 3: " + arity);
        }
        this.arity = arity;
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 29)) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.tuples = new double[Math.max(16, Math.min(expected, 1 << 20)) * arity];
    }

    /** @return the number of distinct tuples seen */
    int size() {
        return size;
    }

    /** @return component {@code k} of row {@code row} */
    double component(int row, int k) {
        return tuples[row * arity + k];
    }

    /**
     * @return the row of the tuple (a, b, c): an existing row, or {@link #size()} − 1 after the call when
     *         the tuple is new (unused components are ignored)
     */
    int rowOf(double a, double b, double c) {
        a += 0.0;
        b += 0.0;
        c += 0.0;
        int slot = slotOf(a, b, c);
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(slot, a, b, c);
            }
            int row = entry - 1;
            int at = row * arity;
            if (tuples[at] == a && (arity < 2 || tuples[at + 1] == b) && (arity < 3 || tuples[at + 2] == c)) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, double a, double b, double c) {
        int row = size++;
        int at = row * arity;
        if (at + arity > tuples.length) {
            tuples = Arrays.copyOf(tuples, Math.max(at + arity, tuples.length * 2));
        }
        tuples[at] = a;
        if (arity > 1) {
            tuples[at + 1] = b;
        }
        if (arity > 2) {
            tuples[at + 2] = c;
        }
        slots[slot] = row + 1;
        if (size * 2L > slots.length) {
            grow();
        }
        return row;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = slots.length - 1;
        for (int row = 0; row < size; row++) {
            int at = row * arity;
            double a = tuples[at];
            double b = arity > 1 ? tuples[at + 1] : 0.0;
            double c = arity > 2 ? tuples[at + 2] : 0.0;
            int slot = slotOf(a, b, c);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = row + 1;
        }
    }

    private int slotOf(double a, double b, double c) {
        long h = Double.doubleToLongBits(a);
        if (arity > 1) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(b);
        }
        if (arity > 2) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(c);
        }
        // the bits of a double that holds a small whole number are all in its high half
        return (int) mix(h) & mask;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit, the low ones included. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
