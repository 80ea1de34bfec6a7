package org.crmkit.core.analytics.transactions;

import java.util.Arrays;

/**
 * Gives each distinct text a dense code 0, 1, 2, ... in order of first appearance, with open
 * addressing over primitive arrays: no boxed entry per key. A key can be looked up by a
 * {@code String} or by a range of a {@code char[]}, so a reader need not make a {@code String} for a
 * text it has seen before.
 *
 * <p>While the keys arrive in ascending {@code String} order (as from a file sorted by customer),
 * each new key is known to be new by comparing it with the last one, and the hash table is not
 * built at all; the first key out of order builds it. Not thread-safe.
 */
final class TextCodes {
    private static final int MAX_TABLE = 1 << 30;

    private String[] keys = new String[8];
    /** Per slot: the key's hash in the high half and its code + 1 in the low half; 0 for an empty slot. */
    private long[] table;
    private int shift;
    private int size;

    /** @return the number of distinct keys */
    int size() {
        return size;
    }

    /** @return the keys, index = code; a copy */
    String[] keys() {
        return Arrays.copyOf(keys, size);
    }

    /** @return the key of {@code code} */
    String key(int code) {
        return keys[code];
    }

    /** @return true if the keys, in code order, are in ascending {@code String} order */
    boolean ascending() {
        return table == null;
    }

    /** @return the code of {@code key}, or -1 if it has none */
    int find(String key) {
        index();
        int h = key.hashCode();
        int mask = table.length - 1;
        for (int slot = slot(h); ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == h && keys[(int) entry - 1].equals(key)) {
                return (int) entry - 1;
            }
        }
    }

    /** @return the code of {@code key}, given a new one if it had none */
    int code(String key) {
        if (table == null) {
            int order = size == 0 ? 1 : key.compareTo(keys[size - 1]);
            if (order > 0) {
                return append(key);
            } else if (order == 0) {
                return size - 1;
            }
            index();
        }
        int h = key.hashCode();
        int mask = table.length - 1;
        int slot = slot(h);
        for (long entry = table[slot]; entry != 0; entry = table[slot]) {
            if ((int) (entry >>> 32) == h && keys[(int) entry - 1].equals(key)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return insert(slot, h, key);
    }

    /** @return the code of the text {@code chars[from, to)}, or -1 if it has none */
    int find(char[] chars, int from, int to) {
        index();
        int h = hash(chars, from, to);
        int mask = table.length - 1;
        for (int slot = slot(h); ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == h && sameText(keys[(int) entry - 1], chars, from, to)) {
                return (int) entry - 1;
            }
        }
    }

    /** @return the code of the text {@code chars[from, to)}, given a new one if it had none */
    int code(char[] chars, int from, int to) {
        if (table == null) {
            int order = size == 0 ? 1 : compare(chars, from, to, keys[size - 1]);
            if (order > 0) {
                return append(new String(chars, from, to - from));
            } else if (order == 0) {
                return size - 1;
            }
            index();
        }
        int h = hash(chars, from, to);
        int mask = table.length - 1;
        int slot = slot(h);
        for (long entry = table[slot]; entry != 0; entry = table[slot]) {
            if ((int) (entry >>> 32) == h && sameText(keys[(int) entry - 1], chars, from, to)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return insert(slot, h, new String(chars, from, to - from));
    }

    /** The {@link String#hashCode} of the text, so that both kinds of look-up meet. */
    private static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    private static boolean sameText(String key, char[] chars, int from, int to) {
        if (key.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (key.charAt(i - from) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** Compares the text with {@code key} as {@link String#compareTo} would. */
    private static int compare(char[] chars, int from, int to, String key) {
        int n = Math.min(to - from, key.length());
        for (int i = 0; i < n; i++) {
            char c = chars[from + i];
            char k = key.charAt(i);
            if (c != k) {
                return c - k;
            }
        }
        return (to - from) - key.length();
    }

    private int slot(int hash) {
        // Fibonacci hashing spreads String hash codes, which differ little for similar keys
        return (hash * 0x9E3779B9) >>> shift;
    }

    private int insert(int slot, int hash, String key) {
        int code = append(key);
        table[slot] = entry(hash, code);
        if (size > table.length >> 1) {
            rehash(table.length << 1);
        }
        return code;
    }

    private int append(String key) {
        if (size == keys.length) {
            int grown = size + (size >> 1) + 1;
            if (grown < 0 || grown > MAX_TABLE / 2) {
                throw new IllegalStateException("too many distinct texts: " + size);
            }
            keys = Arrays.copyOf(keys, grown);
        }
        keys[size] = key;
        return size++;
    }

    /** Builds the hash table, if it is not there yet. */
    private void index() {
        if (table != null) {
            return;
        }
        int length = 16;
        while (length >> 1 < size) {
            length <<= 1;
        }
        table = new long[length];
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(length);
        for (int code = 0; code < size; code++) {
            int slot = slot(keys[code].hashCode());
            while (table[slot] != 0) {
                slot = (slot + 1) & (length - 1);
            }
            table[slot] = entry(keys[code].hashCode(), code);
        }
    }

    private static long entry(int hash, int code) {
        return ((long) hash << 32) | (code + 1);
    }

    private void rehash(int length) {
        long[] old = table;
        table = new long[length];
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(length);
        int mask = length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = slot((int) (entry >>> 32));
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }
}
