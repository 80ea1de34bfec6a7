package org.crmkit.core.analytics.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.crmkit.spi.ValidationException;

/**
 * An immutable batch of transactions in one currency, held column by column: one {@code int}
 * epoch day, one {@code long} amount and one {@code long} margin in minor units and three
 * {@code int} dictionary codes per transaction (about 36 bytes), no object per transaction.
 *
 * <p>Transactions are sorted by customer key (natural {@code String} order), then by day, then by
 * the order in which they were given. Customer {@code c} (0-based, in that order) owns the index
 * range {@code [start(c), end(c))}.
 *
 * <p>Rules:
 * <ul>
 *   <li>All transactions of a batch share one currency; a second currency is a
 *       {@link ValidationException} on field {@code currency}. An empty batch has no currency.</li>
 *   <li>Amounts are stored exactly, as whole minor units of the currency ({@link #amountMinor});
 *       {@link #amountAsDouble} is {@code minor / 10^digits}, the documented lossy view for
 *       analytics.</li>
 *   <li>A negative amount is a refund: it counts in the net spend of its customer, never as a
 *       purchase occasion. A zero amount is a purchase.</li>
 *   <li>A purchase occasion is a customer-day with at least one purchase.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Transactions {

    private final Currency currency;
    private final int minorDigits;
    private final String[] customers;
    private final int[] start;
    private final int[] customerOf;
    private final int[] days;
    private final long[] amounts;
    private final long[] margins;
    private final BitSet hasMargin;
    private final Dictionary products;
    private final Dictionary categories;
    private final Dictionary channels;

    private Transactions(Builder b) {
        int n = b.size;
        this.currency = b.currency;
        this.minorDigits = currency == null ? 0 : Transaction.minorDigits(currency);
        // rank the customer dictionary by key, then bucket transactions by customer rank
        String[] keys = b.customerKeys.toArray(new String[0]);
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> keys[x].compareTo(keys[y]));
        int[] rankOfCode = new int[keys.length];
        this.customers = new String[keys.length];
        for (int r = 0; r < order.length; r++) {
            rankOfCode[order[r]] = r;
            customers[r] = keys[order[r]];
        }
        this.start = new int[keys.length + 1];
        for (int i = 0; i < n; i++) {
            start[rankOfCode[b.customer[i]] + 1]++;
        }
        for (int r = 0; r < keys.length; r++) {
            start[r + 1] += start[r];
        }
        long[] sortKeys = new long[n];
        int[] fill = Arrays.copyOf(start, keys.length);
        for (int i = 0; i < n; i++) {
            // the signed day in the high half, the input position (0 <= i < 2^31) in the low half:
            // sorting the keys sorts by day, then stably by input order
            sortKeys[fill[rankOfCode[b.customer[i]]]++] = ((long) b.day[i] << 32) | i;
        }
        for (int r = 0; r < keys.length; r++) {
            Arrays.sort(sortKeys, start[r], start[r + 1]);
        }
        this.customerOf = new int[n];
        this.days = new int[n];
        this.amounts = new long[n];
        this.margins = new long[n];
        this.hasMargin = new BitSet(n);
        int[] product = new int[n];
        int[] category = new int[n];
        int[] channel = new int[n];
        for (int r = 0; r < keys.length; r++) {
            for (int j = start[r]; j < start[r + 1]; j++) {
                int src = (int) sortKeys[j];
                customerOf[j] = r;
                days[j] = b.day[src];
                amounts[j] = b.amount[src];
                margins[j] = b.margin[src];
                hasMargin.set(j, b.hasMargin.get(src));
                product[j] = b.product[src];
                category[j] = b.category[src];
                channel[j] = b.channel[src];
            }
        }
        this.products = b.products.freeze(product);
        this.categories = b.categories.freeze(category);
        this.channels = b.channels.freeze(channel);
    }

    /** @return a builder for a new batch */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param transactions the transactions, in any order; not null, no null element
     * @return the batch
     * @throws ValidationException on field {@code currency} if two currencies are mixed
     */
    public static Transactions of(Iterable<Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions must not be null");
        Builder b = builder();
        for (Transaction t : transactions) {
            b.add(t);
        }
        return b.build();
    }

    /** Same as {@link #of(Iterable)}, for a stream (consumed). */
    public static Transactions of(Stream<Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions must not be null");
        Builder b = builder();
        transactions.forEachOrdered(b::add);
        return b.build();
    }

    /** @return the number of transactions */
    public int size() {
        return days.length;
    }

    /** @return true if there are no transactions */
    public boolean isEmpty() {
        return days.length == 0;
    }

    /** @return the batch's currency; empty only for an empty batch */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** @return the number of distinct customers */
    public int customerCount() {
        return customers.length;
    }

    /** @return the customer keys in sorted order; index {@code c} is customer {@code c} */
    public List<String> customerIds() {
        return Collections.unmodifiableList(Arrays.asList(customers));
    }

    /** @return the key of customer {@code c} */
    public String customerId(int c) {
        return customers[c];
    }

    /** @return the index of the first transaction of customer {@code c} */
    public int start(int c) {
        return start[c];
    }

    /** @return one past the index of the last transaction of customer {@code c} */
    public int end(int c) {
        return start[c + 1];
    }

    /** @return the customer index (not key) of transaction {@code i} */
    public int customerIndexOf(int i) {
        return customerOf[i];
    }

    /** @return the day of transaction {@code i} as an epoch day */
    public long epochDay(int i) {
        return days[i];
    }

    /** @return the day of transaction {@code i} */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    /** @return the amount of transaction {@code i} in whole minor units of the currency; exact */
    public long amountMinor(int i) {
        return amounts[i];
    }

    /** @return the amount of transaction {@code i}; exact */
    public BigDecimal amount(int i) {
        return BigDecimal.valueOf(amounts[i], minorDigits);
    }

    /**
     * Turns a number of minor units (a sum of {@link #amountMinor} values, say) back into an exact
     * amount in the batch's currency.
     *
     * @param minorUnits whole minor units
     * @return the amount, with the currency's number of decimal places
     */
    public BigDecimal amountOf(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, minorDigits);
    }

    /** @return the amount of transaction {@code i} as {@code minor / 10^digits}; may round */
    public double amountAsDouble(int i) {
        return amounts[i] / Math.pow(10, minorDigits);
    }

    /** @return the margin of transaction {@code i}, if one was given; exact */
    public Optional<BigDecimal> margin(int i) {
        return hasMargin.get(i) ? Optional.of(BigDecimal.valueOf(margins[i], minorDigits)) : Optional.empty();
    }

    /** @return the product of transaction {@code i}, if one was given */
    public Optional<String> product(int i) {
        return products.get(i);
    }

    /** @return the category of transaction {@code i}, if one was given */
    public Optional<String> category(int i) {
        return categories.get(i);
    }

    /** @return the channel of transaction {@code i}, if one was given */
    public Optional<String> channel(int i) {
        return channels.get(i);
    }

    /** @return transaction {@code i} as a value object (allocates) */
    public Transaction get(int i) {
        return new Transaction(customers[customerOf[i]], date(i), amount(i), currency, margin(i).orElse(null),
                product(i).orElse(null), category(i).orElse(null), channel(i).orElse(null));
    }

    /** @return the transactions in batch order, materialised one at a time */
    public Stream<Transaction> stream() {
        return IntStream.range(0, size()).mapToObj(this::get);
    }

    /**
     * One summary per customer with at least one purchase occasion, in customer order. Customers
     * whose every transaction is a refund have no first purchase and are listed instead by
     * {@link #customersWithoutPurchase()}.
     *
     * @return the summaries; unmodifiable
     */
    public List<CustomerSummary> summaries() {
        List<CustomerSummary> out = new ArrayList<>(customers.length);
        for (int c = 0; c < customers.length; c++) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            int occasions = 0;
            long total = 0;
            for (int i = start[c]; i < start[c + 1]; i++) {
                total = Math.addExact(total, amounts[i]);
                if (amounts[i] >= 0) {
                    if (occasions == 0 || days[i] != last) {
                        occasions++;
                    }
                    first = Math.min(first, days[i]);
                    last = days[i];
                }
            }
            if (occasions > 0) {
                BigDecimal totalSpend = BigDecimal.valueOf(total, minorDigits);
                out.add(new CustomerSummary(customers[c], LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last),
                        occasions, start[c + 1] - start[c], totalSpend,
                        CustomerSummary.mean(totalSpend, occasions, currency), currency));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the keys of customers that have only refunds, in customer order; unmodifiable */
    public List<String> customersWithoutPurchase() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < customers.length; c++) {
            boolean any = false;
            for (int i = start[c]; i < start[c + 1] && !any; i++) {
                any = amounts[i] >= 0;
            }
            if (!any) {
                out.add(customers[c]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The repeat-buying summary of every customer whose first purchase occasion is on or before
     * {@code calibrationEnd}, in customer order (see {@link CalibrationSummary}). Transactions
     * after {@code calibrationEnd} are ignored; customers who first bought later are not in the
     * result, since they were not yet customers.
     *
     * @param calibrationEnd the last day of the calibration period, inclusive; not null
     * @param unit           the unit of recency and T; not null
     * @return the summaries; unmodifiable
     * @throws ValidationException on field {@code calibrationEnd} if no purchase is on or before it
     */
    public List<CalibrationSummary> calibration(LocalDate calibrationEnd, PeriodUnit unit) {
        if (calibrationEnd == null) {
            throw new ValidationException("calibrationEnd", "must not be null");
        }
        if (unit == null) {
            throw new ValidationException("unit", "must not be null");
        }
        long end = calibrationEnd.toEpochDay();
        List<CalibrationSummary> out = new ArrayList<>();
        for (int c = 0; c < customers.length; c++) {
            long first = 0;
            long last = 0;
            int occasions = 0;
            for (int i = start[c]; i < start[c + 1] && days[i] <= end; i++) {
                if (amounts[i] >= 0 && (occasions == 0 || days[i] != last)) {
                    if (occasions == 0) {
                        first = days[i];
                    }
                    occasions++;
                    last = days[i];
                }
            }
            if (occasions > 0) {
                out.add(new CalibrationSummary(customers[c], occasions - 1, unit.fromDays(last - first),
                        unit.fromDays(end - first), unit));
            }
        }
        if (out.isEmpty()) {
            throw new ValidationException("calibrationEnd", "must not be before every purchase", calibrationEnd);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "Transactions[" + size() + " transactions, " + customers.length + " customers, "
                + (currency == null ? "no currency" : currency.getCurrencyCode()) + "]";
    }

    /**
     * Collects transactions into a {@link Transactions} batch. Not thread-safe; use once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Currency currency;
        private int size;
        private final Map<String, Integer> customerCodes = new HashMap<>();
        private final List<String> customerKeys = new ArrayList<>();
        private int[] customer = new int[16];
        private int[] day = new int[16];
        private long[] amount = new long[16];
        private long[] margin = new long[16];
        private final BitSet hasMargin = new BitSet();
        private int[] product = new int[16];
        private int[] category = new int[16];
        private int[] channel = new int[16];
        private final Dictionary.Encoder products = new Dictionary.Encoder();
        private final Dictionary.Encoder categories = new Dictionary.Encoder();
        private final Dictionary.Encoder channels = new Dictionary.Encoder();

        private Builder() {
        }

        /**
         * @param t a transaction; not null
         * @return this builder
         * @throws ValidationException on field {@code currency} if its currency differs from earlier ones
         */
        public Builder add(Transaction t) {
            Objects.requireNonNull(t, "transaction must not be null");
            checkCurrency(t.currency());
            return add(t.customerId(), t.date(), Transaction.toMinor("amount", t.amount(), currency),
                    t.margin() == null ? null : Transaction.toMinor("margin", t.margin(), currency),
                    t.product(), t.category(), t.channel());
        }

        void checkCurrency(Currency c) {
            if (currency == null) {
                currency = c;
            } else if (!currency.equals(c)) {
                throw new ValidationException("currency",
                        "must be the same for every transaction in a batch (batch is " + currency.getCurrencyCode()
                                + ")", c.getCurrencyCode());
            }
        }

        Builder add(String customerId, LocalDate date, long amountMinor, Long marginMinor, String productName,
                    String categoryName, String channelName) {
            long epochDay = date.toEpochDay();
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                throw new ValidationException("date", "must be within about 5.8 million years of 1970", date);
            }
            if (size == day.length) {
                int grown = Math.max(16, size + (size >> 1));
                customer = Arrays.copyOf(customer, grown);
                day = Arrays.copyOf(day, grown);
                amount = Arrays.copyOf(amount, grown);
                margin = Arrays.copyOf(margin, grown);
                product = Arrays.copyOf(product, grown);
                category = Arrays.copyOf(category, grown);
                channel = Arrays.copyOf(channel, grown);
            }
            Integer code = customerCodes.get(customerId);
            if (code == null) {
                code = customerKeys.size();
                customerCodes.put(customerId, code);
                customerKeys.add(customerId);
            }
            customer[size] = code;
            day[size] = (int) epochDay;
            amount[size] = amountMinor;
            if (marginMinor != null) {
                margin[size] = marginMinor;
                hasMargin.set(size);
            }
            product[size] = products.encode(productName);
            category[size] = categories.encode(categoryName);
            channel[size] = channels.encode(channelName);
            size++;
            return this;
        }

        /** @return the batch, sorted by customer then day */
        public Transactions build() {
            return new Transactions(this);
        }
    }
}
