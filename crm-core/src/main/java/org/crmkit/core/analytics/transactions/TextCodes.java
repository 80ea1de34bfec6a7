package org.crmkit.core.analytics.transactions;

import java.util.Arrays;

/**
 * Gives each distinct text a dense code 0, 1, 2, ... in order of first appearance, with open
 * addressing over primitive arrays: no boxed entry per key. A key can be looked up by a
 * {@code String} or by a range of a {@code char[]}, so a reader need not make a {@code String} for a
 * text it has seen before. Not thread-safe.
 */
final class TextCodes {
    private static final int MAX_TABLE = 1 << 30;

    private String[] keys = new String[8];
    private int[] hashes = new int[8];
    /** code + 1 per slot; 0 for an empty slot. */
    private int[] table = new int[16];
    private int shift = Integer.SIZE - 4;
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

    /** @return the code of {@code key}, or -1 if it has none */
    int find(String key) {
        int h = key.hashCode();
        for (int slot = slot(h); ; slot = (slot + 1) & (table.length - 1)) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == h && keys[entry - 1].equals(key)) {
                return entry - 1;
            }
        }
    }

    /** @return the code of {@code key}, given a new one if it had none */
    int code(String key) {
        int h = key.hashCode();
        int slot = slot(h);
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
            if (hashes[entry - 1] == h && keys[entry - 1].equals(key)) {
                return entry - 1;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        return insert(slot, h, key);
    }

    /** @return the code of the text {@code chars[from, to)}, or -1 if it has none */
    int find(char[] chars, int from, int to) {
        int h = hash(chars, from, to);
        for (int slot = slot(h); ; slot = (slot + 1) & (table.length - 1)) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == h && sameText(keys[entry - 1], chars, from, to)) {
                return entry - 1;
            }
        }
    }

    /** @return the code of the text {@code chars[from, to)}, given a new one if it had none */
    int code(char[] chars, int from, int to) {
        int h = hash(chars, from, to);
        int slot = slot(h);
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
            if (hashes[entry - 1] == h && sameText(keys[entry - 1], chars, from, to)) {
                return entry - 1;
            }
            slot = (slot + 1) & (table.length - 1);
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

    private int slot(int hash) {
        // Fibonacci hashing spreads String hash codes, which differ little for similar keys
        return (hash * 0x9E3779B9) >>> shift;
    }

    private int insert(int slot, int hash, String key) {
        if (size == keys.length) {
            int grown = size + (size >> 1) + 1;
            if (grown < 0 || grown > MAX_TABLE / 2) {
                throw new IllegalStateException("too many distinct texts: " + size);
            }
            keys = Arrays.copyOf(keys, grown);
            hashes = Arrays.copyOf(hashes, grown);
        }
        int code = size++;
        keys[code] = key;
        hashes[code] = hash;
        table[slot] = code + 1;
        if (size > table.length >> 1) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        table = new int[table.length << 1];
        shift--;
        int mask = table.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = slot(hashes[code]);
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = code + 1;
        }
    }
}
