package org.crmkit.core.analytics.transactions;

/**
 * Reads a plain decimal text straight into whole minor units of a currency, without a
 * {@link java.math.BigDecimal}, by the same rules as {@link TransactionCsv} and {@link Transaction}:
 * the text is {@code [+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)} of at most {@value #MAX_LENGTH}
 * characters; trailing zeros of the fraction and leading zeros of the whole part do not count; a
 * non-zero value may have at most the currency's number of decimals and at most 18 whole digits, and
 * must fit in a {@code long} of minor units. Not thread-safe: the value is kept in the instance.
 */
final class MinorUnits {
    /** The text was read; {@link #value()} holds it. */
    static final int OK = 0;
    /** The text is not a plain decimal number of at most {@value #MAX_LENGTH} characters. */
    static final int NOT_PLAIN = 3;
    /** The text has more decimals than the currency allows. */
    static final int TOO_MANY_DECIMALS = 1;
    /** The value does not fit in 64-bit minor units. */
    static final int TOO_LARGE = 2;
    /** The longest text accepted, in characters. */
    static final int MAX_LENGTH = 40;

    private static final int MAX_WHOLE_DIGITS = 18;

    private final int digits;
    private long value;

    /** @param digits the currency's number of decimals (minor unit digits); not negative */
    MinorUnits(int digits) {
        this.digits = digits;
    }

    /**
     * Reads a text in one pass.
     *
     * @return {@link #OK} (then {@link #value()} holds the minor units), {@link #NOT_PLAIN},
     *         {@link #TOO_MANY_DECIMALS} or {@link #TOO_LARGE}
     */
    int read(char[] chars, int from, int to) {
        if (to - from > MAX_LENGTH || from == to) {
            return NOT_PLAIN;
        }
        int i = from;
        boolean negative = false;
        if (chars[i] == '+' || chars[i] == '-') {
            negative = chars[i] == '-';
            i++;
        }
        // the digits that count: the whole part without leading zeros, the fraction without trailing ones
        int wholeFrom = i;
        while (i < to && isDigit(chars[i])) {
            i++;
        }
        int wholeTo = i;
        int fractionFrom = i;
        int fractionTo = i;
        if (i < to) {
            if (chars[i] != '.') {
                return NOT_PLAIN;
            }
            i++;
            fractionFrom = i;
            while (i < to && isDigit(chars[i])) {
                i++;
            }
            if (i < to) {
                return NOT_PLAIN;
            }
            fractionTo = i;
        }
        if (wholeFrom == wholeTo && fractionFrom == fractionTo) {
            return NOT_PLAIN;
        }
        while (wholeFrom < wholeTo && chars[wholeFrom] == '0') {
            wholeFrom++;
        }
        while (fractionTo > fractionFrom && chars[fractionTo - 1] == '0') {
            fractionTo--;
        }
        if (wholeFrom == wholeTo && fractionFrom == fractionTo) {
            value = 0;
            return OK;
        }
        if (fractionTo - fractionFrom > digits) {
            return TOO_MANY_DECIMALS;
        }
        if (wholeTo - wholeFrom > MAX_WHOLE_DIGITS) {
            return TOO_LARGE;
        }
        // accumulate the negated value, whose range reaches Long.MIN_VALUE
        long negated = 0;
        try {
            for (int j = wholeFrom; j < wholeTo; j++) {
                negated = Math.subtractExact(Math.multiplyExact(negated, 10), chars[j] - '0');
            }
            for (int j = fractionFrom; j < fractionTo; j++) {
                negated = Math.subtractExact(Math.multiplyExact(negated, 10), chars[j] - '0');
            }
            for (int k = fractionTo - fractionFrom; k < digits; k++) {
                negated = Math.multiplyExact(negated, 10);
            }
        } catch (ArithmeticException e) {
            return TOO_LARGE;
        }
        if (!negative && negated == Long.MIN_VALUE) {
            return TOO_LARGE;
        }
        value = negative ? negated : -negated;
        return OK;
    }

    /** @return the minor units of the last text {@link #parse} read with {@link #OK} */
    long value() {
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
