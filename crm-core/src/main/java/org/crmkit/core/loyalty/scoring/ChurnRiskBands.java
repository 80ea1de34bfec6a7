package org.crmkit.core.loyalty.scoring;

import org.crmkit.spi.ValidationException;

/**
 * The cut-offs that sort a churn risk into {@link ChurnRiskBand}s: below {@code mediumFrom} is low,
 * from {@code highFrom} on is high. Immutable and thread-safe.
 *
 * @param mediumFrom the lowest medium risk; in (0, 1), below {@code highFrom}
 * @param highFrom   the lowest high risk; in (0, 1]
 * @since 0.1
 */
public record ChurnRiskBands(double mediumFrom, double highFrom) {

    /** The default medium cut-off: one chance in four that the customer is gone. */
    public static final double DEFAULT_MEDIUM_FROM = 0.25;
    /** The default high cut-off: the customer is at least as likely gone as still active. */
    public static final double DEFAULT_HIGH_FROM = 0.5;

    /** @throws ValidationException on {@code mediumFrom} or {@code highFrom} when out of range or out of order */
    public ChurnRiskBands {
        Checks.aboveZeroAtMost("mediumFrom", mediumFrom, 1.0);
        Checks.aboveZeroAtMost("highFrom", highFrom, 1.0);
        if (!(mediumFrom < highFrom)) {
            throw new ValidationException("mediumFrom", "must be below highFrom " + highFrom, mediumFrom);
        }
    }

    /** @return medium from 0.25, high from 0.5 */
    public static ChurnRiskBands standard() {
        return new ChurnRiskBands(DEFAULT_MEDIUM_FROM, DEFAULT_HIGH_FROM);
    }

    /**
     * @param risk a churn risk in [0, 1]
     * @return its band
     * @throws ValidationException on {@code risk} outside [0, 1]
     */
    public ChurnRiskBand bandOf(double risk) {
        Checks.between("risk", risk, 0.0, 1.0);
        if (risk >= highFrom) {
            return ChurnRiskBand.HIGH;
        }
        return risk >= mediumFrom ? ChurnRiskBand.MEDIUM : ChurnRiskBand.LOW;
    }
}
