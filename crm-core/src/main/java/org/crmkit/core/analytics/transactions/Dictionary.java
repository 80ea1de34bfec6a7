package org.crmkit.core.analytics.transactions;

import java.util.Optional;

/**
 * A dictionary-encoded optional text column: one int code per row, -1 for absent. A column in
 * which no row has a value holds no per-row array at all.
 */
final class Dictionary {
    private final String[] values;
    private final int[] codes;

    private Dictionary(String[] values, int[] codes) {
        this.values = values;
        this.codes = codes;
    }

    Optional<String> get(int row) {
        int code = codes == null ? -1 : codes[row];
        return code < 0 ? Optional.empty() : Optional.of(values[code]);
    }

    /** Assigns codes in order of first appearance. */
    static final class Encoder {
        private final TextCodes codes = new TextCodes();

        int encode(String value) {
            return value == null ? -1 : codes.code(value);
        }

        /** @return the code of the non-empty text {@code chars[from, to)} */
        int encode(char[] chars, int from, int to) {
            return codes.code(chars, from, to);
        }

        /** @param rowCodes one code per row, or null if no row has a value */
        Dictionary freeze(int[] rowCodes) {
            return new Dictionary(codes.keys(), rowCodes);
        }
    }
}
