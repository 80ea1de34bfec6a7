package org.crmkit.core.analytics.clv;

import java.util.OptionalDouble;

import org.crmkit.spi.ValidationException;

/**
 * One customer's purchase history over a calibration period, summarised as the "buy till you die"
 * models need it, in model time units (weeks, say) counted from the customer's first purchase.
 * Immutable and thread-safe.
 *
 * @param frequency x, the number of repeat purchase occasions after the first purchase; a whole number
 *                  >= 0 (held as a double because the models treat it as one)
 * @param recency   t_x, the time of the last repeat purchase since the first purchase; 0 when x = 0,
 *                  otherwise 0 &le; t_x &le; T
 * @param age       T, the time from the first purchase to the end of the calibration period; >= 0
 * @param meanSpend the mean value of the repeat purchases, in the caller's money unit; empty when unknown
 *                  or when there are none; if present finite and >= 0
 * @since 0.1
 */
public record PurchaseHistory(double frequency, double recency, double age, OptionalDouble meanSpend) {

    public PurchaseHistory {
        if (meanSpend == null) {
            throw new ValidationException("meanSpend", "must not be null (use OptionalDouble.empty())");
        }
        check(frequency, recency, age, "");
        if (meanSpend.isPresent()) {
            double m = meanSpend.getAsDouble();
            if (!Double.isFinite(m) || m < 0.0) {
                throw new ValidationException("meanSpend", "must be finite and >= 0", m);
            }
        }
    }

    /** @return a history without spend */
    public static PurchaseHistory of(double frequency, double recency, double age) {
        return new PurchaseHistory(frequency, recency, age, OptionalDouble.empty());
    }

    /** @return a history with the mean value of its repeat purchases */
    public static PurchaseHistory of(double frequency, double recency, double age, double meanSpend) {
        return new PurchaseHistory(frequency, recency, age, OptionalDouble.of(meanSpend));
    }

    /** Same as {@link #check(double, double, double, String)} with the suffix {@code "[index]"}. */
    static void check(double x, double tx, double t, int index) {
        boolean valid = Double.isFinite(x) && x >= 0.0 && Math.rint(x) == x && Double.isFinite(t) && t >= 0.0
                && Double.isFinite(tx) && tx >= 0.0 && tx <= t && (x != 0.0 || tx == 0.0);
        if (!valid) {
            // the field names are built only for the error
            check(x, tx, t, "[" + index + "]");
        }
    }

    /**
     * Checks one (x, t_x, T) triple, naming fields with the given suffix (for example {@code "[17]"}).
     */
    static void check(double x, double tx, double t, String suffix) {
        if (!Double.isFinite(x) || x < 0.0 || Math.rint(x) != x) {
            throw new ValidationException("frequency" + suffix, "must be a whole number >= 0", x);
        }
        if (!Double.isFinite(t) || t < 0.0) {
            throw new ValidationException("age" + suffix, "must be finite and >= 0", t);
        }
        if (!Double.isFinite(tx) || tx < 0.0 || tx > t) {
            throw new ValidationException("recency" + suffix, "must lie between 0 and age (" + t + ")", tx);
        }
        if (x == 0.0 && tx != 0.0) {
            throw new ValidationException("recency" + suffix, "must be 0 when frequency is 0", tx);
        }
    }
}
