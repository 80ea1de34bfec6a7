package org.crmkit.core.analytics.transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

import org.crmkit.spi.ValidationException;

/**
 * What one customer bought, over every transaction in a batch.
 *
 * <p>A purchase <em>occasion</em> is a day on which the customer made at least one transaction
 * that is not a refund: several purchases on one day are one occasion (the rule of the customer-base
 * analysis literature). {@code totalSpend} is net of refunds; {@code meanSpend} is
 * {@code totalSpend / occasions}, rounded half-even to four more decimal places than the currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId    the host's customer key
 * @param firstPurchase the day of the first occasion
 * @param lastPurchase  the day of the last occasion
 * @param occasions     the number of purchase occasions, at least 1
 * @param transactions  the number of transactions, refunds included
 * @param totalSpend    the sum of all amounts, refunds included
 * @param meanSpend     the mean net spend per occasion
 * @param currency      the currency of the spend
 * @since 0.1
 */
public record CustomerSummary(String customerId, LocalDate firstPurchase, LocalDate lastPurchase,
                              int occasions, int transactions, BigDecimal totalSpend, BigDecimal meanSpend,
                              Currency currency) {

    /** Validates the summary's invariants. */
    public CustomerSummary {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (firstPurchase == null || lastPurchase == null || lastPurchase.isBefore(firstPurchase)) {
            throw new ValidationException("lastPurchase", "must not be before firstPurchase", lastPurchase);
        }
        if (occasions < 1 || transactions < occasions) {
            throw new ValidationException("occasions", "must be between 1 and the number of transactions",
                    occasions);
        }
        if (totalSpend == null || meanSpend == null || currency == null) {
            throw new ValidationException("totalSpend", "must not be null");
        }
    }

    static BigDecimal mean(BigDecimal total, int occasions, Currency currency) {
        return total.divide(BigDecimal.valueOf(occasions), Transaction.minorDigits(currency) + 4,
                RoundingMode.HALF_EVEN);
    }
}
