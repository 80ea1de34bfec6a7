package org.crmkit.core.analytics.segment;

import java.util.Locale;

import org.crmkit.core.customer.AttributeValue;

/** Typed comparison of attribute values, as documented on {@link SegmentRule}. */
final class Values {

    private Values() {
    }

    /** @return whether values of this kind have an order (all but booleans) */
    static boolean ordered(AttributeValue v) {
        return !(v instanceof AttributeValue.Flag);
    }

    /** @return whether both are of the same kind */
    static boolean sameType(AttributeValue a, AttributeValue b) {
        return a.getClass() == b.getClass();
    }

    /**
     * Compares two values of the same kind.
     *
     * @param ignoreCase for texts: compare case-folded
     * @return negative, zero or positive
     * @throws IllegalArgumentException if the kinds differ (callers check first)
     */
    static int compare(AttributeValue a, AttributeValue b, boolean ignoreCase) {
        if (a instanceof AttributeValue.Number x && b instanceof AttributeValue.Number y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.Text x && b instanceof AttributeValue.Text y) {
            return ignoreCase ? compareCodePoints(fold(x.value()), fold(y.value()))
                    : compareCodePoints(x.value(), y.value());
        }
        if (a instanceof AttributeValue.Date x && b instanceof AttributeValue.Date y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.Timestamp x && b instanceof AttributeValue.Timestamp y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.Flag x && b instanceof AttributeValue.Flag y) {
            return Boolean.compare(x.value(), y.value());
        }
        throw new IllegalArgumentException("cannot compare " + a.typeCode() + " with " + b.typeCode());
    }

    /** Case folding for case-insensitive text rules: upper-case, then lower-case, in {@link Locale#ROOT}. */
    static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** @return the value as an explanation shows it: texts quoted, others in canonical form */
    static String show(AttributeValue v) {
        String s = v.canonical();
        if (s.length() > 60) {
            s = s.substring(0, 57) + "...";
        }
        return v instanceof AttributeValue.Text ? "\"" + s + "\"" : s;
    }
}
