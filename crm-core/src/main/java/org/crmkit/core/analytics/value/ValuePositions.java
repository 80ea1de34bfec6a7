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
 *       customer's purchase history up to asOf ({@link #purchaseHistories}).</li>
 * </ul>
 * Only customers with a purchase occasion on or before asOf are placed.
 *
 * @since 0.1
 */
public final class ValuePositions {

    private ValuePositions() {
    }

    /**
     * The purchase history of every customer with a purchase occasion on or before {@code asOf}, in
     * customer order: x, t_x and T as in {@link Transactions#calibration} with calibration end
     * {@code asOf}, and the mean spend z̄ = net spend on the days after the first occasion / x, floored at
     * 0, present only when x &gt; 0.
     *
     * @param unit the model's time unit
     * @return customer key to history, in customer order; unmodifiable
     */
    public static Map<String, PurchaseHistory> purchaseHistories(Transactions transactions, LocalDate asOf,
                                                                 PeriodUnit unit) {
        check(transactions, asOf, unit);
        long a = asOf.toEpochDay();
        Map<String, PurchaseHistory> out = new LinkedHashMap<>();
        for (int c = 0; c < transactions.customerCount(); c++) {
            long first = 0;
            long last = 0;
            int occasions = 0;
            long repeatSpend = 0;
            for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= a; i++) {
                long day = transactions.epochDay(i);
                long amount = transactions.amountMinor(i);
                if (occasions > 0 && day > first) {
                    repeatSpend = Math.addExact(repeatSpend, amount);
                }
                if (amount >= 0 && (occasions == 0 || day != last)) {
                    if (occasions == 0) {
                        first = day;
                    }
                    occasions++;
                    last = day;
                }
            }
            if (occasions == 0) {
                continue;
            }
            int x = occasions - 1;
            double t = unit.fromDays(a - first);
            double tx = Math.min(unit.fromDays(last - first), t);
            OptionalDouble mean = x == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(transactions.amountOf(Math.max(0, repeatSpend)).doubleValue() / x);
            out.put(transactions.customerId(c), new PurchaseHistory(x, tx, t, mean));
        }
        return Collections.unmodifiableMap(out);
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
        Map<String, PurchaseHistory> histories = purchaseHistories(transactions, asOf, unit);
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
                    current = Math.addExact(current, transactions.amountMinor(i));
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
}
