package org.crmkit.core.analytics.transactions;

import org.crmkit.spi.ValidationException;

/**
 * The repeat-buying summary of one customer up to a calibration end date, as the
 * "buy till you die" models (BG/NBD, Pareto/NBD) take it. Only occasions on or before the
 * calibration end count; lengths are in the chosen {@link PeriodUnit}.
 *
 * <ul>
 *   <li>{@code frequency}: the number of repeat occasions, that is occasions after the first;</li>
 *   <li>{@code recency}: the time from the first occasion to the last one (0 without repeats);</li>
 *   <li>{@code age} (the literature's T): the time from the first occasion to the calibration end.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the host's customer key
 * @param frequency  repeat occasions, at least 0
 * @param recency    time of the last occasion since the first, in {@code unit}
 * @param age        time from the first occasion to the calibration end (T), in {@code unit}
 * @param unit       the unit of recency and age
 * @since 0.1
 */
public record CalibrationSummary(String customerId, int frequency, double recency, double age, PeriodUnit unit) {

    /** Validates {@code 0 <= recency <= age} and {@code frequency >= 0}. */
    public CalibrationSummary {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (unit == null) {
            throw new ValidationException("unit", "must not be null");
        }
        if (frequency < 0) {
            throw new ValidationException("frequency", "must not be negative", frequency);
        }
        if (!(recency >= 0) || !(age >= recency)) {
            throw new ValidationException("recency", "must satisfy 0 <= recency <= age", recency);
        }
    }
}
