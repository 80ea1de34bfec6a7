package org.crmkit.core.analytics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.CalibrationSummary;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;

/**
 * Turns a batch of transactions into the purchase histories of the lifetime-value models: the
 * adapter between {@code analytics.transactions} and {@code analytics.clv}.
 *
 * <p>Frequency, recency and T are those of {@link Transactions#calibration(LocalDate, PeriodUnit)}:
 * several purchases by one customer on one day are one occasion, refunds make no occasion, and only
 * occasions on or before the calibration end count. The <b>mean repeat spend</b> z̄ is the sum of the
 * purchase amounts (refunds left out) dated on the customer's repeat occasions, divided by the number
 * of repeat occasions x, in the currency's major unit. It is present only when x &gt; 0 and z̄ &gt; 0, so a
 * customer whose repeat purchases were all free is left out of the spend model but not of the purchase
 * models.
 *
 * @since 0.1
 */
public final class PurchaseHistoryAdapter {

    private PurchaseHistoryAdapter() {
    }

    /**
     * @param transactions   the batch; not null
     * @param calibrationEnd the last day of the calibration period, inclusive; not null
     * @param unit           the model time unit; not null
     * @return customer key to history, for every customer who first bought on or before the calibration
     *         end, in customer key order; unmodifiable
     * @throws org.crmkit.spi.ValidationException on field {@code calibrationEnd} if no purchase is on or
     *                                            before it
     */
    public static Map<String, PurchaseHistory> histories(Transactions transactions, LocalDate calibrationEnd,
                                                         PeriodUnit unit) {
        Objects.requireNonNull(transactions, "transactions must not be null");
        List<CalibrationSummary> summaries = transactions.calibration(calibrationEnd, unit);
        long end = calibrationEnd.toEpochDay();
        Map<String, PurchaseHistory> out = new LinkedHashMap<>();
        int next = 0;
        for (int c = 0; c < transactions.customerCount() && next < summaries.size(); c++) {
            CalibrationSummary s = summaries.get(next);
            if (!s.customerId().equals(transactions.customerId(c))) {
                continue;
            }
            next++;
            long repeatSpend = 0;
            long firstDay = Long.MIN_VALUE;
            for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= end; i++) {
                long minor = transactions.amountMinor(i);
                if (minor < 0) {
                    continue;
                }
                if (firstDay == Long.MIN_VALUE) {
                    firstDay = transactions.epochDay(i);
                } else if (transactions.epochDay(i) != firstDay) {
                    repeatSpend = transactions.addAmount(c, repeatSpend, minor);
                }
            }
            PurchaseHistory history;
            if (s.frequency() > 0 && repeatSpend > 0) {
                double mean = transactions.amountOf(repeatSpend).doubleValue() / s.frequency();
                history = PurchaseHistory.of(s.frequency(), s.recency(), s.age(), mean);
            } else {
                history = PurchaseHistory.of(s.frequency(), s.recency(), s.age());
            }
            out.put(s.customerId(), history);
        }
        return Collections.unmodifiableMap(out);
    }
}
