package org.crmkit.core.analytics.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.crmkit.spi.ValidationException;

/**
 * An immutable batch of transactions in one currency, held column by column: one {@code int}
 * epoch day and one {@code long} amount in minor units per transaction (12 bytes), no object per
 * transaction. The optional columns cost memory only when some transaction has a value: a
 * {@code long} margin and a bit, and an {@code int} dictionary code for each of product, category
 * and channel. Each customer key is held once.
 *
 * <p>Transactions are sorted by customer key (natural {@code String} order), then by day, then by
 * time of day where one was given (a transaction without one comes before the timed ones of its
 * day), then by the order in which they were given. The time of day is an {@code int} column that
 * exists only if some transaction has a time. Customer {@code c} (0-based, in that order) owns the index
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

    /** Segments up to this long are sorted by insertion; longer ones through a key array. */
    private static final int INSERTION_SORT_MAX = 32;

    private final Currency currency;
    private final int minorDigits;
    private final String[] customers;
    private final int[] start;
    private final int[] days;
    private final long[] amounts;
    /** second of day + 0, or -1 for none; null if no transaction has a time */
    private final int[] seconds;
    private final long[] margins;
    private final BitSet hasMargin;
    private final Dictionary products;
    private final Dictionary categories;
    private final Dictionary channels;

    /**
     * Sorts the builder's rows into customer-then-day order. The builder is used up: each of its
     * columns is let go as soon as it has been copied, so that only one column is ever held twice.
     */
    private Transactions(Builder b) {
        int n = b.size;
        this.currency = b.currency;
        this.minorDigits = currency == null ? 0 : Transaction.minorDigits(currency);
        // rank the customer dictionary by key
        String[] keys = b.customerCodes.keys();
        boolean sorted = b.customerCodes.ascending();
        b.customerCodes = null;
        int k = keys.length;
        int[] order = new int[k];
        for (int code = 0; code < k; code++) {
            order[code] = code;
        }
        if (!sorted) {
            sortByKey(order, new int[k], 0, k, keys);
        }
        this.customers = new String[k];
        int[] rankOfCode = new int[k];
        for (int r = 0; r < k; r++) {
            customers[r] = keys[order[r]];
            rankOfCode[order[r]] = r;
        }
        keys = null;
        order = null;
        // bucket the rows by customer rank, keeping the input order within a bucket
        ChunkedInts customer = b.customer;
        b.customer = null;
        this.start = new int[k + 1];
        for (int i = 0; i < n; i++) {
            start[rankOfCode[customer.get(i)] + 1]++;
        }
        for (int r = 0; r < k; r++) {
            start[r + 1] += start[r];
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[start[rankOfCode[customer.get(i)]]++] = i;
        }
        // start[r] now holds the end of bucket r; shift back to the starts
        System.arraycopy(start, 0, start, 1, k);
        start[0] = 0;
        rankOfCode = null;
        customer = null;
        // within a customer, order by day, then stably by input position
        this.days = new int[n];
        for (int j = 0; j < n; j++) {
            days[j] = b.day.get(perm[j]);
        }
        b.day = null;
        for (int r = 0; r < k; r++) {
            sortByDay(days, perm, start[r], start[r + 1]);
        }
        if (b.time.isEmpty()) {
            this.seconds = null;
        } else {
            this.seconds = permuted(b.time, perm);
            for (int r = 0; r < k; r++) {
                // runs of one day, already in input order: order them by time, then input order
                int from = start[r];
                for (int j = from + 1; j <= start[r + 1]; j++) {
                    if (j == start[r + 1] || days[j] != days[from]) {
                        sortByDay(seconds, perm, from, j);
                        from = j;
                    }
                }
            }
        }
        this.amounts = new long[n];
        for (int j = 0; j < n; j++) {
            amounts[j] = b.amount.get(perm[j]);
        }
        b.amount = null;
        if (b.margin == null) {
            this.margins = null;
            this.hasMargin = null;
        } else {
            this.margins = new long[n];
            this.hasMargin = new BitSet(n);
            for (int j = 0; j < n; j++) {
                int src = perm[j];
                if (b.hasMargin.get(src)) {
                    margins[j] = b.margin.get(src);
                    hasMargin.set(j);
                }
            }
            b.margin = null;
        }
        this.products = b.products.freeze(permuted(b.product, perm));
        this.categories = b.categories.freeze(permuted(b.category, perm));
        this.channels = b.channels.freeze(permuted(b.channel, perm));
    }

    /**
     * Sorts the codes {@code order[from, to)} by their keys (distinct), with a merge sort that
     * skips the merge of runs already in order: keys that arrive sorted, as from a file grouped by
     * customer, cost one comparison each.
     */
    private static void sortByKey(int[] order, int[] work, int from, int to, String[] keys) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                int code = order[i];
                String key = keys[code];
                int j = i - 1;
                while (j >= from && keys[order[j]].compareTo(key) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = code;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sortByKey(order, work, from, mid, keys);
        sortByKey(order, work, mid, to, keys);
        if (keys[order[mid - 1]].compareTo(keys[order[mid]]) <= 0) {
            return;
        }
        System.arraycopy(order, from, work, from, to - from);
        int left = from;
        int right = mid;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < mid && keys[work[left]].compareTo(keys[work[right]]) <= 0)) {
                order[i] = work[left++];
            } else {
                order[i] = work[right++];
            }
        }
    }

    private static int[] permuted(ChunkedInts column, int[] perm) {
        if (column.isEmpty()) {
            return null;
        }
        int[] out = new int[perm.length];
        for (int j = 0; j < perm.length; j++) {
            out[j] = column.get(perm[j]);
        }
        return out;
    }

    /**
     * Sorts {@code [from, to)} by day (or by any int key), keeping {@code perm} in step; rows of one
     * day keep their order, which is the input order since the bucket was filled in input order.
     */
    private static void sortByDay(int[] days, int[] perm, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                int d = days[i];
                int p = perm[i];
                int j = i - 1;
                while (j >= from && days[j] > d) {
                    days[j + 1] = days[j];
                    perm[j + 1] = perm[j];
                    j--;
                }
                days[j + 1] = d;
                perm[j + 1] = p;
            }
            return;
        }
        // the signed day in the high half, the input position (0 <= p < 2^31) in the low half:
        // sorting the keys sorts by day, then by input position
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = ((long) days[i] << 32) | perm[i];
        }
        Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            days[i] = (int) (keys[i - from] >> 32);
            perm[i] = (int) keys[i - from];
        }
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

    /**
     * Adds one amount to a running sum of customer {@code customer}'s amounts, in minor units, for the
     * computations that total a customer's transactions (spend, refunds included).
     *
     * @param customer the customer's index (as for {@link #customerId(int)}), checked
     * @param sum      the sum so far
     * @param minor    the amount to add
     * @return {@code sum + minor}
     * @throws ValidationException on field {@code transactions}, naming the customer, if the sum leaves
     *                             the range of a {@code long}
     */
    public long addAmount(int customer, long sum, long minor) {
        Objects.checkIndex(customer, customers.length);
        long result = sum + minor;
        // overflow iff both operands have the sign opposite to the result's
        if (((sum ^ result) & (minor ^ result)) < 0) {
            throw new ValidationException("transactions", "must add up, for one customer, to a number of minor"
                    + " units a long holds (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")", customerId(customer));
        }
        return result;
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
        Objects.checkIndex(i, days.length);
        // the last customer whose first transaction is at or before i; every customer has one
        int lo = 0;
        int hi = customers.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @return the day of transaction {@code i} as an epoch day */
    public long epochDay(int i) {
        return days[i];
    }

    /** @return the day of transaction {@code i} */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    /**
     * @return the time of day of transaction {@code i}, in whole seconds, if one was given
     * @since 0.1
     */
    public Optional<LocalTime> time(int i) {
        Objects.checkIndex(i, days.length);
        return seconds == null || seconds[i] < 0 ? Optional.empty() : Optional.of(LocalTime.ofSecondOfDay(seconds[i]));
    }

    /** @return the amount of transaction {@code i} in whole minor units of the currency; exact */
    public long amountMinor(int i) {
        return amounts[i];
    }

    /** @return true if transaction {@code i} carries a margin */
    public boolean hasMargin(int i) {
        Objects.checkIndex(i, days.length);
        return hasMargin != null && hasMargin.get(i);
    }

    /**
     * @return the margin of transaction {@code i} in whole minor units of the currency, 0 if it carries
     *         none (see {@link #hasMargin(int)}); exact
     */
    public long marginMinor(int i) {
        Objects.checkIndex(i, days.length);
        return hasMargin != null && hasMargin.get(i) ? margins[i] : 0L;
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
        Objects.checkIndex(i, days.length);
        return hasMargin != null && hasMargin.get(i) ? Optional.of(BigDecimal.valueOf(margins[i], minorDigits)) : Optional.empty();
    }

    /** @return the product of transaction {@code i}, if one was given */
    public Optional<String> product(int i) {
        return products.get(Objects.checkIndex(i, days.length));
    }

    /** @return the category of transaction {@code i}, if one was given */
    public Optional<String> category(int i) {
        return categories.get(Objects.checkIndex(i, days.length));
    }

    /** @return the channel of transaction {@code i}, if one was given */
    public Optional<String> channel(int i) {
        return channels.get(Objects.checkIndex(i, days.length));
    }

    /** @return transaction {@code i} as a value object (allocates) */
    public Transaction get(int i) {
        return new Transaction(customers[customerIndexOf(i)], date(i), amount(i), currency, margin(i).orElse(null),
                product(i).orElse(null), category(i).orElse(null), channel(i).orElse(null), time(i).orElse(null));
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
                total = addAmount(c, total, amounts[i]);
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
     * Collects transactions into a {@link Transactions} batch. Not thread-safe; use once: {@link #build}
     * hands the builder's columns over to the batch, and the builder cannot be used afterwards.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Currency currency;
        private int size;
        // columns are chunked, so growing never copies them; the optional ones stay unallocated
        // until a first value arrives
        private TextCodes customerCodes = new TextCodes();
        private ChunkedInts customer = new ChunkedInts(0);
        private ChunkedInts day = new ChunkedInts(0);
        private ChunkedLongs amount = new ChunkedLongs(0);
        private ChunkedLongs margin;
        private BitSet hasMargin;
        private final ChunkedInts product = new ChunkedInts(-1);
        private final ChunkedInts category = new ChunkedInts(-1);
        private final ChunkedInts channel = new ChunkedInts(-1);
        private final ChunkedInts time = new ChunkedInts(-1);
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
                    t.product(), t.category(), t.channel(), t.time() == null ? -1 : t.time().toSecondOfDay());
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
                    String categoryName, String channelName, int secondOfDay) {
            long epochDay = date.toEpochDay();
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                throw new ValidationException("date", "must be within about 5.8 million years of 1970", date);
            }
            checkOpen();
            return add(customerCodes.code(customerId), (int) epochDay, amountMinor, marginMinor != null,
                    marginMinor == null ? 0 : marginMinor, products.encode(productName),
                    categories.encode(categoryName), channels.encode(channelName), secondOfDay);
        }

        /** @return the code of the customer key {@code chars[from, to)}, given a new one if it had none */
        int customerCode(char[] chars, int from, int to) {
            return customerCodes.code(chars, from, to);
        }

        Dictionary.Encoder products() {
            return products;
        }

        Dictionary.Encoder categories() {
            return categories;
        }

        Dictionary.Encoder channels() {
            return channels;
        }

        /**
         * Adds a validated row; codes are from this builder, -1 for an absent product, category or
         * channel; {@code secondOfDay} is -1 for no time of day.
         */
        Builder add(int customerCode, int epochDay, long amountMinor, boolean withMargin, long marginMinor,
                    int productCode, int categoryCode, int channelCode, int secondOfDay) {
            checkOpen();
            if (size == Integer.MAX_VALUE) {
                throw new ValidationException("transactions", "must be fewer than " + Integer.MAX_VALUE, size);
            }
            customer.set(size, customerCode);
            day.set(size, epochDay);
            amount.set(size, amountMinor);
            if (withMargin) {
                if (margin == null) {
                    margin = new ChunkedLongs(0);
                    hasMargin = new BitSet();
                }
                margin.set(size, marginMinor);
                hasMargin.set(size);
            }
            if (productCode >= 0) {
                product.set(size, productCode);
            }
            if (categoryCode >= 0) {
                category.set(size, categoryCode);
            }
            if (channelCode >= 0) {
                channel.set(size, channelCode);
            }
            if (secondOfDay >= 0) {
                time.set(size, secondOfDay);
            }
            size++;
            return this;
        }

        /**
         * @return the batch, sorted by customer then day
         * @throws IllegalStateException if this builder has built a batch already
         */
        public Transactions build() {
            checkOpen();
            return new Transactions(this);
        }

        private void checkOpen() {
            if (customerCodes == null) {
                throw new IllegalStateException("this builder has built its batch already");
            }
        }
    }
}
