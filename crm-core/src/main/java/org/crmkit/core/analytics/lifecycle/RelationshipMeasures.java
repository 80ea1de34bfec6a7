package org.crmkit.core.analytics.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * The length, breadth and depth of one customer relationship on one day (domain §4), from the
 * transactions on or before that day.
 *
 * <ul>
 *   <li><b>Length</b>: {@code lengthDays}, from the first purchase occasion to {@code asOf} (the
 *       relationship is taken to last until today unless it is known to have ended);
 *       {@code activeSpanDays}, from the first to the last purchase occasion, is given beside it.</li>
 *   <li><b>Breadth</b>: the number of distinct products and of distinct categories bought, from the
 *       batch's optional columns; empty when none of the customer's transactions names one. Refunds
 *       do not count.</li>
 *   <li><b>Depth</b>: repeat purchase occasions, the repeat share (repeats / occasions), purchase
 *       occasions per period of {@code unit} over the length (a length under one day counts as one
 *       day), total net spend and mean net spend per occasion. Share of wallet, the other measure of
 *       depth, needs the customer's spend at competitors, which transactions do not hold: it is not
 *       computed.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId          the host's customer key
 * @param asOf                the day measured
 * @param firstPurchase       the first purchase occasion
 * @param lastPurchase        the last purchase occasion on or before {@code asOf}
 * @param lengthDays          days from {@code firstPurchase} to {@code asOf}
 * @param activeSpanDays      days from {@code firstPurchase} to {@code lastPurchase}
 * @param distinctProducts    distinct products bought, empty if the product column is unused
 * @param distinctCategories  distinct categories bought, empty if the category column is unused
 * @param occasions           purchase occasions, at least 1
 * @param repeatPurchases     occasions after the first
 * @param repeatShare         {@code repeatPurchases / occasions}, in [0, 1)
 * @param purchasesPerPeriod  {@code occasions / (max(lengthDays, 1) / unit.days())}
 * @param unit                the period of {@code purchasesPerPeriod}
 * @param totalSpend          net spend, refunds included
 * @param meanSpend           {@code totalSpend / occasions}, half-even to 4 more decimals
 * @since 0.1
 */
public record RelationshipMeasures(String customerId, LocalDate asOf, LocalDate firstPurchase, LocalDate lastPurchase,
                                   long lengthDays, long activeSpanDays, OptionalInt distinctProducts,
                                   OptionalInt distinctCategories, int occasions, int repeatPurchases,
                                   double repeatShare, double purchasesPerPeriod, PeriodUnit unit,
                                   BigDecimal totalSpend, BigDecimal meanSpend) {

    /** Validates the record's invariants. */
    public RelationshipMeasures {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (asOf == null || firstPurchase == null || lastPurchase == null || unit == null
                || distinctProducts == null || distinctCategories == null || totalSpend == null || meanSpend == null) {
            throw new ValidationException("measures", "no field may be null");
        }
        if (lastPurchase.isBefore(firstPurchase) || asOf.isBefore(lastPurchase)) {
            throw new ValidationException("lastPurchase", "must lie between firstPurchase and asOf", lastPurchase);
        }
        if (occasions < 1 || repeatPurchases != occasions - 1) {
            throw new ValidationException("occasions", "must be at least 1, with repeatPurchases = occasions - 1",
                    occasions);
        }
    }

    /** Measures every customer with a purchase occasion on or before {@code asOf}, in customer order. */
    public static List<RelationshipMeasures> of(Transactions transactions, LocalDate asOf, PeriodUnit unit) {
        check(transactions, asOf, unit);
        List<RelationshipMeasures> out = new ArrayList<>();
        for (int c = 0; c < transactions.customerCount(); c++) {
            RelationshipMeasures m = measure(transactions, c, asOf, unit);
            if (m != null) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the measures of one customer, empty if it has no purchase occasion on or before asOf */
    public static Optional<RelationshipMeasures> of(Transactions transactions, String customerId, LocalDate asOf,
                                                    PeriodUnit unit) {
        check(transactions, asOf, unit);
        Objects.requireNonNull(customerId, "customerId must not be null");
        int c = Collections.binarySearch(transactions.customerIds(), customerId);
        return c < 0 ? Optional.empty() : Optional.ofNullable(measure(transactions, c, asOf, unit));
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

    private static RelationshipMeasures measure(Transactions t, int c, LocalDate asOf, PeriodUnit unit) {
        long a = asOf.toEpochDay();
        long first = 0;
        long last = 0;
        int occasions = 0;
        long total = 0;
        Set<String> products = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (int i = t.start(c); i < t.end(c) && t.epochDay(i) <= a; i++) {
            long day = t.epochDay(i);
            long amount = t.amountMinor(i);
            total = t.addAmount(c, total, amount);
            if (amount >= 0) {
                t.product(i).ifPresent(products::add);
                t.category(i).ifPresent(categories::add);
                if (occasions == 0 || day != last) {
                    if (occasions == 0) {
                        first = day;
                    }
                    occasions++;
                    last = day;
                }
            }
        }
        if (occasions == 0) {
            return null;
        }
        long length = a - first;
        BigDecimal totalSpend = t.amountOf(total);
        BigDecimal mean = totalSpend.divide(BigDecimal.valueOf(occasions), totalSpend.scale() + 4,
                RoundingMode.HALF_EVEN);
        double perPeriod = occasions / (Math.max(length, 1) / unit.days());
        return new RelationshipMeasures(t.customerId(c), asOf, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last),
                length, last - first,
                products.isEmpty() ? OptionalInt.empty() : OptionalInt.of(products.size()),
                categories.isEmpty() ? OptionalInt.empty() : OptionalInt.of(categories.size()),
                occasions, occasions - 1, (occasions - 1) / (double) occasions, perPeriod, unit, totalSpend, mean);
    }
}
