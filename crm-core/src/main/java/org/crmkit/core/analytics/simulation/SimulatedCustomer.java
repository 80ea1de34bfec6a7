package org.crmkit.core.analytics.simulation;

import java.util.List;

import org.crmkit.core.analytics.transactions.Transaction;

/**
 * One simulated customer: the hidden values drawn for it and the transactions it made in the
 * observation window. Immutable.
 *
 * @param customerId          the customer's key
 * @param purchaseRate        λ, purchases per time unit while active
 * @param dropoutProbability  p, the chance of dropping out after each repeat purchase
 * @param spendRate           ν; each purchase is worth Gamma(p, ν), so the mean spend is p / ν
 * @param activeAtEnd         whether the customer had not dropped out by the end of the window
 * @param transactions        its purchases in date order; the first is its first purchase; unmodifiable
 * @since 0.1
 */
public record SimulatedCustomer(String customerId, double purchaseRate, double dropoutProbability, double spendRate,
                                boolean activeAtEnd, List<Transaction> transactions) {

    /** Copies the list. */
    public SimulatedCustomer {
        transactions = List.copyOf(transactions);
    }
}
