package org.crmkit.core.analytics.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import org.crmkit.core.analytics.PurchaseHistoryAdapter;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * Builds the {@link ValuePosition}s of a batch for the value matrix:
 * <ul>
 *   <li><b>current value</b>: the net spend in the last period, the {@code currentPeriodDays} days
 *       (asOf − currentPeriodDays, asOf], refunds included (it may be negative);</li>
 *   <li><b>potential value</b>: the predicted lifetime value {@link LifetimeValue#valueOf} of the
 *       customer's purchase history up to asOf ({@link PurchaseHistoryAdapter#histories}).</li>
 * </ul>
 * Only customers with a purchase occasion on or before asOf are placed.
 *
 * @since 0.1
 */
public final class ValuePositions {

    private ValuePositions() {
    }

    /**
     * @param currentPeriodDays the length of the last period, in days, at least 1
     * @param clv               the lifetime value model, fitted in {@code unit}
     * @return one position per customer with a purchase occasion on or before asOf, in customer order
     */
    public static List<ValuePosition> of(Transactions transactions, LocalDate asOf, int currentPeriodDays,
                                         LifetimeValue clv, PeriodUnit unit) {
        check(transactions, asOf, unit);
        if (currentPeriodDays < 1) {
            throw new ValidationException("currentPeriodDays", "must be at least 1", currentPeriodDays);
        }
        Objects.requireNonNull(clv, "clv must not be null");
        if (!anyTransactionBy(transactions, asOf.toEpochDay())) {
            return List.of();
        }
        Map<String, PurchaseHistory> histories = PurchaseHistoryAdapter.histories(transactions, asOf, unit);
        long a = asOf.toEpochDay();
        List<ValuePosition> out = new ArrayList<>(histories.size());
        for (int c = 0; c < transactions.customerCount(); c++) {
            PurchaseHistory h = histories.get(transactions.customerId(c));
            if (h == null) {
                continue;
            }
            long current = 0;
            for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= a; i++) {
                if (transactions.epochDay(i) > a - currentPeriodDays) {
                    current = transactions.addAmount(c, current, transactions.amountMinor(i));
                }
            }
            BigDecimal currentValue = transactions.amountOf(current);
            out.add(new ValuePosition(transactions.customerId(c), currentValue.doubleValue(), clv.valueOf(h)));
        }
        return Collections.unmodifiableList(out);
    }

    private static void check(Transactions transactions, LocalDate asOf, PeriodUnit unit) {
        Objects.requireNonNull(transactions, "transactions must not be null");
        if (asOf == null) {
            throw new ValidationException("asOf", "must not be null");
        }
        if (unit == null) {
            throw new ValidationException("unit", "must not be null");
        }
    }

    private static boolean anyTransactionBy(Transactions transactions, long epochDay) {
        for (int c = 0; c < transactions.customerCount(); c++) {
            if (transactions.end(c) > transactions.start(c) && transactions.epochDay(transactions.start(c)) <= epochDay) {
                return true;
            }
        }
        return false;
    }
}
