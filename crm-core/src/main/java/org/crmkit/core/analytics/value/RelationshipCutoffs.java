package org.crmkit.core.analytics.value;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/**
 * The cut-offs that put a customer count and a unit margin into the bands of Kotler's matrix. Kotler
 * gives no numbers; the defaults ({@link #defaults()}) are this library's own choice and should be
 * set for the market at hand:
 * <ul>
 *   <li>many customers: at least 10,000; few: at most 100; medium in between;</li>
 *   <li>the margin is read as a share of the unit price: high from 0.40 (40 %), low below 0.15
 *       (15 %), medium in between. A caller may pass margins in money instead, with cut-offs in
 *       money.</li>
 * </ul>
 *
 * @param manyCustomersFrom a count at or above this is {@link CustomerBase#MANY}
 * @param fewCustomersUpTo  a count at or below this is {@link CustomerBase#FEW}; below manyCustomersFrom, >= 0
 * @param highMarginFrom    a margin at or above this is {@link MarginLevel#HIGH}
 * @param lowMarginBelow    a margin below this is {@link MarginLevel#LOW}; not above highMarginFrom
 * @since 0.1
 */
public record RelationshipCutoffs(long manyCustomersFrom, long fewCustomersUpTo, BigDecimal highMarginFrom,
                                  BigDecimal lowMarginBelow) {

    /** Validates the order of the cut-offs. */
    public RelationshipCutoffs {
        if (fewCustomersUpTo < 0) {
            throw new ValidationException("fewCustomersUpTo", "must not be negative", fewCustomersUpTo);
        }
        if (manyCustomersFrom <= fewCustomersUpTo) {
            throw new ValidationException("manyCustomersFrom", "must be above fewCustomersUpTo (" + fewCustomersUpTo + ")",
                    manyCustomersFrom);
        }
        if (highMarginFrom == null || lowMarginBelow == null) {
            throw new ValidationException("highMarginFrom", "margin cut-offs must not be null");
        }
        if (lowMarginBelow.compareTo(highMarginFrom) > 0) {
            throw new ValidationException("lowMarginBelow", "must not be above highMarginFrom ("
                    + highMarginFrom.toPlainString() + ")", lowMarginBelow.toPlainString());
        }
    }

    /** @return many from 10,000 customers, few up to 100; high margin from 0.40, low below 0.15 */
    public static RelationshipCutoffs defaults() {
        return new RelationshipCutoffs(10_000, 100, new BigDecimal("0.40"), new BigDecimal("0.15"));
    }

    /** @return the band of a customer count (>= 0) */
    public CustomerBase customerBase(long customers) {
        if (customers < 0) {
            throw new ValidationException("customers", "must not be negative", customers);
        }
        if (customers >= manyCustomersFrom) {
            return CustomerBase.MANY;
        }
        return customers <= fewCustomersUpTo ? CustomerBase.FEW : CustomerBase.MEDIUM;
    }

    /** @return the band of a unit margin (may be negative: a loss is a low margin) */
    public MarginLevel marginLevel(BigDecimal margin) {
        if (margin == null) {
            throw new ValidationException("margin", "must not be null");
        }
        if (margin.compareTo(highMarginFrom) >= 0) {
            return MarginLevel.HIGH;
        }
        return margin.compareTo(lowMarginBelow) < 0 ? MarginLevel.LOW : MarginLevel.MEDIUM;
    }
}
