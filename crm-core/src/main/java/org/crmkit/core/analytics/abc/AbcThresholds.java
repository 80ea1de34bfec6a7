package org.crmkit.core.analytics.abc;

import org.crmkit.spi.ValidationException;

/**
 * The shares of value that classes A and B cover; C covers the rest. The default is 80 / 15 / 5 %.
 *
 * <p>Immutable and thread-safe.
 *
 * @param a the share of value of class A, a fraction in (0, 1]
 * @param b the share of value of class B, a fraction in [0, 1 - a]
 * @since 0.1
 */
public record AbcThresholds(double a, double b) {

    /** 80 % A, 15 % B, 5 % C. */
    public static final AbcThresholds DEFAULT = new AbcThresholds(0.80, 0.15);

    /** Checks the shares. */
    public AbcThresholds {
        if (!(a > 0 && a <= 1)) {
            throw new ValidationException("a", "must be a fraction in (0, 1]", a);
        }
        if (!(b >= 0 && a + b <= 1 + 1e-12)) {
            throw new ValidationException("b", "must be a fraction in [0, 1 - a]", b);
        }
    }

    /**
     * @param aPercent the percentage of value of class A
     * @param bPercent the percentage of value of class B
     * @param cPercent the percentage of value of class C; the three must add up to 100
     * @return the thresholds
     */
    public static AbcThresholds percent(double aPercent, double bPercent, double cPercent) {
        if (!(Math.abs(aPercent + bPercent + cPercent - 100) < 1e-9) || cPercent < 0) {
            throw new ValidationException("percent", "must be three non-negative shares adding up to 100",
                    aPercent + " / " + bPercent + " / " + cPercent);
        }
        return new AbcThresholds(aPercent / 100, bPercent / 100);
    }
}
