package org.crmkit.core.analytics.segment;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a {@link SegmentRule.Compare} compares a customer's fact with the rule's value.
 *
 * @since 0.1
 */
public enum ComparisonOperator {
    /** Equal ({@code =}). */
    EQ("eq", "="),
    /** Not equal ({@code ≠}). */
    NE("ne", "≠"),
    /** Less than ({@code <}). */
    LT("lt", "<"),
    /** Less than or equal ({@code ≤}). */
    LE("le", "≤"),
    /** Greater than ({@code >}). */
    GT("gt", ">"),
    /** Greater than or equal ({@code ≥}). */
    GE("ge", "≥");

    private final String code;
    private final String symbol;

    ComparisonOperator(String code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** @return the name in the JSON format: {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt} or {@code ge} */
    public String code() {
        return code;
    }

    /** @return the mathematical symbol, for explanations */
    public String symbol() {
        return symbol;
    }

    /** @return whether the operator needs an order (all but {@link #EQ} and {@link #NE}) */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /**
     * @param comparison the sign of {@code fact.compareTo(value)}
     * @return whether the operator holds for that sign
     */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    /** @return the operator with that {@linkplain #code() code}, if any */
    public static Optional<ComparisonOperator> ofCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
