package org.crmkit.core.loyalty;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * The rules of a tenant's customer club: how orders earn points, the tiers, what points are worth
 * as cash, and how long they last. Immutable and thread-safe (if the earn rule is).
 *
 * @param earnRule       the points an order earns before the tier's multiplier; not null
 * @param tiers          the tiers; not null
 * @param redemptionRate what points are worth as cash; not null
 * @param pointsValidity how long earned points last (added to the earning's instant in UTC); null
 *                       if they never expire; otherwise positive
 * @since 0.1
 */
public record LoyaltyProgram(EarnRule earnRule, TierPolicy tiers, RedemptionRate redemptionRate,
                             Period pointsValidity) {

    public LoyaltyProgram {
        Codes.notNull(earnRule, "earnRule");
        Codes.notNull(tiers, "tiers");
        Codes.notNull(redemptionRate, "redemptionRate");
        if (pointsValidity != null && (pointsValidity.isNegative() || pointsValidity.isZero())) {
            throw new ValidationException("pointsValidity", "must be a positive period", pointsValidity);
        }
    }

    /**
     * @return the standard program: {@link EarnRule#standard()}, {@link TierPolicy#standard()},
     *         {@link RedemptionRate#standard()} (100 points = 1.00), points valid for 24 months
     */
    public static LoyaltyProgram standard() {
        return new LoyaltyProgram(EarnRule.standard(), TierPolicy.standard(), RedemptionRate.standard(),
                Period.ofMonths(24));
    }

    /** @return this program with another earn rule */
    public LoyaltyProgram withEarnRule(EarnRule rule) {
        return new LoyaltyProgram(rule, tiers, redemptionRate, pointsValidity);
    }

    /** @return this program with another tier policy */
    public LoyaltyProgram withTiers(TierPolicy policy) {
        return new LoyaltyProgram(earnRule, policy, redemptionRate, pointsValidity);
    }

    /** @return this program with another redemption rate */
    public LoyaltyProgram withRedemptionRate(RedemptionRate rate) {
        return new LoyaltyProgram(earnRule, tiers, rate, pointsValidity);
    }

    /** @return this program with another validity of points; null for points that never expire */
    public LoyaltyProgram withPointsValidity(Period validity) {
        return new LoyaltyProgram(earnRule, tiers, redemptionRate, validity);
    }

    /** @return when points earned at {@code earnedAt} expire, if they do */
    public Optional<Instant> expiryOf(Instant earnedAt) {
        Codes.notNull(earnedAt, "earnedAt");
        return Optional.ofNullable(pointsValidity)
                .map(p -> earnedAt.atZone(ZoneOffset.UTC).plus(p).toInstant());
    }
}
