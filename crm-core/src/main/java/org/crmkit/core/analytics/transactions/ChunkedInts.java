package org.crmkit.core.analytics.transactions;

import java.util.Arrays;

/**
 * A growable column of {@code int}s kept in fixed-size chunks: growing never copies the values,
 * and a chunk in which no row was set is never allocated (its rows read as the absent value).
 * Not thread-safe.
 */
final class ChunkedInts {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int absent;
    private int[][] chunks = new int[0][];
    private boolean any;

    /** @param absent the value of a row that was never set */
    ChunkedInts(int absent) {
        this.absent = absent;
    }

    void set(int row, int value) {
        int c = row >>> SHIFT;
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new int[CHUNK];
            if (absent != 0) {
                Arrays.fill(chunk, absent);
            }
            chunks[c] = chunk;
            any = true;
        }
        chunk[row & MASK] = value;
    }

    int get(int row) {
        int c = row >>> SHIFT;
        int[] chunk = c < chunks.length ? chunks[c] : null;
        return chunk == null ? absent : chunk[row & MASK];
    }

    /** @return true if no row was ever set */
    boolean isEmpty() {
        return !any;
    }
}
