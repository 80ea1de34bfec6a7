package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * What a tier gives its members (domain §8: member prices, member-only service). Immutable and thread-safe.
 *
 * @param memberDiscountPercent the member price's discount off the list price, in percent; 0 to 100
 * @param serviceLevel          the service level code members of the tier get, for example
 *                              {@code "STANDARD"} or {@code "PRIORITY"}; stripped and upper-cased
 * @param earnMultiplier        what the points an order earns are multiplied by (rounded down to whole
 *                              points); at least 1
 * @since 0.1
 */
public record TierBenefits(BigDecimal memberDiscountPercent, String serviceLevel, BigDecimal earnMultiplier) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TierBenefits {
        if (memberDiscountPercent == null || memberDiscountPercent.signum() < 0
                || memberDiscountPercent.compareTo(HUNDRED) > 0) {
            throw new ValidationException("memberDiscountPercent", "must be between 0 and 100", memberDiscountPercent);
        }
        serviceLevel = Codes.code(serviceLevel, "serviceLevel");
        if (earnMultiplier == null || earnMultiplier.compareTo(BigDecimal.ONE) < 0) {
            throw new ValidationException("earnMultiplier", "must be at least 1", earnMultiplier);
        }
    }

    /** @return benefits with that discount (decimal text, percent) and service level, earning ×1 */
    public static TierBenefits of(String memberDiscountPercent, String serviceLevel) {
        return of(memberDiscountPercent, serviceLevel, "1");
    }

    /** @return benefits with that discount (percent), service level and earn multiplier (decimal texts) */
    public static TierBenefits of(String memberDiscountPercent, String serviceLevel, String earnMultiplier) {
        return new TierBenefits(decimal(memberDiscountPercent, "memberDiscountPercent"), serviceLevel,
                decimal(earnMultiplier, "earnMultiplier"));
    }

    /**
     * @param listPrice the list price; not null
     * @return the member price: {@code listPrice × (100 − discount) / 100}, rounded once half up
     */
    public Money memberPrice(Money listPrice) {
        Codes.notNull(listPrice, "listPrice");
        return listPrice.times(HUNDRED.subtract(memberDiscountPercent).divide(HUNDRED, 12, RoundingMode.HALF_UP));
    }

    /** @return {@code basePoints × earnMultiplier}, rounded down; {@code basePoints} must be 0 or more */
    public long multiply(long basePoints) {
        if (basePoints < 0) {
            throw new ValidationException("points", "must not be negative", basePoints);
        }
        try {
            return BigDecimal.valueOf(basePoints).multiply(earnMultiplier).setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("points", "must be at most " + Long.MAX_VALUE, basePoints);
        }
    }

    private static BigDecimal decimal(String text, String field) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number", text);
        }
    }
}
