package org.crmkit.core.analytics.ledger;

import java.util.Objects;

import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * Delivered orders read as a batch of transactions in one currency
 * ({@link DeliveredOrderTransactions#read}). Immutable.
 *
 * @param transactions  one transaction per delivered order in the currency; not null
 * @param orders        how many delivered orders are in the batch; 0 or more
 * @param otherCurrency how many delivered orders were left out because they are in another currency; 0 or more
 * @since 0.1
 */
public record OrderTransactions(Transactions transactions, int orders, int otherCurrency) {

    /** Validates the fields. */
    public OrderTransactions {
        Objects.requireNonNull(transactions, "transactions must not be null");
        if (orders != transactions.size()) {
            throw new ValidationException("orders", "must equal the batch size " + transactions.size(), orders);
        }
        if (otherCurrency < 0) {
            throw new ValidationException("otherCurrency", "must not be negative", otherCurrency);
        }
    }
}
