package org.crmkit.core.loyalty.scoring;

import java.util.OptionalDouble;

import org.crmkit.spi.ValidationException;

/**
 * What the customer does: the inputs of the behavioural side of the loyalty score, as plain values
 * (domain §8, behavioural loyalty). Immutable and thread-safe.
 *
 * @param repeatPurchaseRate the share of the customer's purchase occasions that were repeat purchases,
 *                           in [0, 1] (one purchase: 0; n occasions: (n − 1) / n)
 * @param purchasesPerPeriod purchase occasions per period (the period of
 *                           {@link LoyaltyScoreSettings#frequencyPeriod()}); finite, &ge; 0
 * @param tenureDays         how long the customer has been a customer, in days; finite, &ge; 0
 * @param shareOfWallet      the share of the customer's spending in the category that goes to the
 *                           company, in [0, 1]; empty when not known (it then does not count)
 * @since 0.1
 */
public record BehaviouralInputs(double repeatPurchaseRate, double purchasesPerPeriod, double tenureDays,
                                OptionalDouble shareOfWallet) {

    /**
     * @throws org.crmkit.spi.ValidationException naming the field that is out of range, not finite or null
     */
    public BehaviouralInputs {
        Checks.between("repeatPurchaseRate", repeatPurchaseRate, 0.0, 1.0);
        Checks.nonNegative("purchasesPerPeriod", purchasesPerPeriod);
        Checks.nonNegative("tenureDays", tenureDays);
        Checks.notNull("shareOfWallet", shareOfWallet);
        if (shareOfWallet.isPresent()) {
            Checks.between("shareOfWallet", shareOfWallet.getAsDouble(), 0.0, 1.0);
        }
    }

    /** @return inputs without share of wallet */
    public static BehaviouralInputs of(double repeatPurchaseRate, double purchasesPerPeriod, double tenureDays) {
        return new BehaviouralInputs(repeatPurchaseRate, purchasesPerPeriod, tenureDays, OptionalDouble.empty());
    }

    /** @return these inputs with a known share of wallet in [0, 1] */
    public BehaviouralInputs withShareOfWallet(double share) {
        return new BehaviouralInputs(repeatPurchaseRate, purchasesPerPeriod, tenureDays, OptionalDouble.of(share));
    }

    /**
     * The repeat purchase rate of a customer with {@code occasions} purchase occasions: (n − 1) / n,
     * and 0 for no or one occasion.
     *
     * @param occasions purchase occasions (days with at least one purchase); &ge; 0
     * @return the rate, in [0, 1)
     */
    public static double repeatRate(long occasions) {
        if (occasions < 0) {
            throw new ValidationException("occasions", "must not be negative", occasions);
        }
        return occasions <= 1 ? 0.0 : (double) (occasions - 1) / occasions;
    }
}
