package org.crmkit.core.analytics.rfm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * A customer's raw recency, frequency and monetary value at an as-of date.
 *
 * <p>Definitions, over the transactions on or before the as-of date: {@code recencyDays} is the
 * number of days from the last purchase occasion to the as-of date (0 if the customer bought that
 * day); {@code frequency} is the number of purchase occasions (days with a purchase);
 * {@code monetary} is the net spend, refunds included (see {@code Transactions}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId  the host's customer key
 * @param recencyDays days since the last purchase occasion, at least 0
 * @param frequency   purchase occasions, at least 1
 * @param monetary    net spend; not null
 * @since 0.1
 */
public record RfmValues(String customerId, long recencyDays, int frequency, BigDecimal monetary) {

    /** Validates the values. */
    public RfmValues {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (recencyDays < 0) {
            throw new ValidationException("recencyDays", "must not be negative", recencyDays);
        }
        if (frequency < 1) {
            throw new ValidationException("frequency", "must be at least 1", frequency);
        }
        if (monetary == null) {
            throw new ValidationException("monetary", "must not be null");
        }
    }

    /**
     * The values of every customer with at least one purchase occasion on or before {@code asOf},
     * in customer order. Others (first purchase later, or only refunds) are not in the list.
     *
     * @param transactions the batch; not null
     * @param asOf         the as-of date, inclusive; not null
     * @return the values; unmodifiable
     */
    public static List<RfmValues> from(Transactions transactions, LocalDate asOf) {
        if (transactions == null) {
            throw new ValidationException("transactions", "must not be null");
        }
        if (asOf == null) {
            throw new ValidationException("asOf", "must not be null");
        }
        Columns columns = Columns.of(transactions, asOf.toEpochDay());
        List<RfmValues> out = new ArrayList<>(columns.customer.length);
        for (int k = 0; k < columns.customer.length; k++) {
            out.add(new RfmValues(transactions.customerId(columns.customer[k]), columns.recency[k], columns.frequency[k],
                    transactions.amountOf(columns.monetary[k])));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The raw values of every customer with a purchase occasion by day {@code end}, in primitive
     * columns: the batch's customer index, recency in days, frequency and net spend in minor units.
     */
    record Columns(int[] customer, long[] recency, int[] frequency, long[] monetary) {

        static Columns of(Transactions transactions, long end) {
            int customers = transactions.customerCount();
            int[] customer = new int[customers];
            long[] recency = new long[customers];
            int[] frequency = new int[customers];
            long[] monetary = new long[customers];
            int n = 0;
            for (int c = 0; c < customers; c++) {
                long last = Long.MIN_VALUE;
                int occasions = 0;
                long spend = 0;
                for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= end; i++) {
                    long minor = transactions.amountMinor(i);
                    spend = transactions.addAmount(c, spend, minor);
                    if (minor >= 0 && transactions.epochDay(i) != last) {
                        occasions++;
                        last = transactions.epochDay(i);
                    }
                }
                if (occasions > 0) {
                    customer[n] = c;
                    recency[n] = end - last;
                    frequency[n] = occasions;
                    monetary[n] = spend;
                    n++;
                }
            }
            return new Columns(Arrays.copyOf(customer, n), Arrays.copyOf(recency, n), Arrays.copyOf(frequency, n),
                    Arrays.copyOf(monetary, n));
        }
    }
}
