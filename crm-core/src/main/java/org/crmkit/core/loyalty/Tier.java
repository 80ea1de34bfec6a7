package org.crmkit.core.loyalty;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/**
 * One tier of a {@link TierPolicy}: members whose measure reaches {@code threshold} are in it
 * (unless a higher tier's threshold is reached too). Immutable and thread-safe.
 *
 * @param name      the tier's name, for example {@code "GOLD"}; stripped and upper-cased
 * @param threshold the measure from which a member is in the tier, in the policy's unit (points,
 *                  or currency units of spend); 0 or more
 * @param benefits  what the tier gives; not null
 * @since 0.1
 */
public record Tier(String name, BigDecimal threshold, TierBenefits benefits) {

    public Tier {
        name = Codes.code(name, "tier");
        if (threshold == null || threshold.signum() < 0) {
            throw new ValidationException("threshold", "must not be negative", threshold);
        }
        Codes.notNull(benefits, "benefits");
    }

    /** @return a tier from {@code threshold} (decimal text) on */
    public static Tier of(String name, String threshold, TierBenefits benefits) {
        try {
            return new Tier(name, threshold == null ? null : new BigDecimal(threshold.strip()), benefits);
        } catch (NumberFormatException e) {
            throw new ValidationException("threshold", "must be a decimal number", threshold);
        }
    }
}
