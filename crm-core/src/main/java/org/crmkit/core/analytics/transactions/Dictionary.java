package org.crmkit.core.analytics.transactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A dictionary-encoded optional text column: one int code per row, -1 for absent. */
final class Dictionary {
    private final String[] values;
    private final int[] codes;

    private Dictionary(String[] values, int[] codes) {
        this.values = values;
        this.codes = codes;
    }

    Optional<String> get(int row) {
        int code = codes[row];
        return code < 0 ? Optional.empty() : Optional.of(values[code]);
    }

    /** Assigns codes in order of first appearance. */
    static final class Encoder {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int encode(String value) {
            if (value == null) {
                return -1;
            }
            Integer code = codes.get(value);
            if (code == null) {
                code = values.size();
                codes.put(value, code);
                values.add(value);
            }
            return code;
        }

        Dictionary freeze(int[] rowCodes) {
            return new Dictionary(values.toArray(new String[0]), rowCodes);
        }
    }
}
