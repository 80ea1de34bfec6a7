package org.crmkit.core.analytics.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;

import org.crmkit.spi.ValidationException;

/**
 * One purchase (or refund) by one customer, as the host system recorded it.
 *
 * <p>The customer is the host's own key, as text; it need not be a crmkit customer id. The
 * amount is exact and carries its currency; it may be negative (a refund) or zero (a free
 * item). Its scale must not exceed the currency's minor unit (two decimal places for EUR or USD,
 * none for JPY): analytics hold amounts as whole minor units. A refund never counts as a purchase
 * occasion but is netted into spend (see {@link Transactions}).
 *
 * <p>{@code margin}, {@code product}, {@code category}, {@code channel} and {@code time} are
 * optional and may be null; a margin is in the same currency as the amount. The time of day, when
 * known, is in whole seconds; it orders the transactions of one day (see {@link Transactions}) but
 * does not split a day into several purchase occasions. Text fields are kept as given, except
 * that a blank optional text is stored as null.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the host's customer key; not blank
 * @param date       the day of the transaction; not null
 * @param amount     the amount, exact, at most the currency's number of decimal places; not null
 * @param currency   the currency of amount and margin; not null
 * @param margin     the margin earned, same rules as amount; may be null
 * @param product    the product; may be null
 * @param category   the product category; may be null
 * @param channel    the sales channel; may be null
 * @param time       the time of day, in whole seconds (no fraction of a second); may be null
 * @since 0.1
 */
public record Transaction(String customerId, LocalDate date, BigDecimal amount, Currency currency,
                          BigDecimal margin, String product, String category, String channel, LocalTime time) {

    /** Validates every field; throws {@link ValidationException} naming the field and the rule. */
    public Transaction {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (date == null) {
            throw new ValidationException("date", "must not be null");
        }
        if (currency == null) {
            throw new ValidationException("currency", "must not be null");
        }
        if (amount == null) {
            throw new ValidationException("amount", "must not be null");
        }
        amount = checkScale("amount", amount, currency);
        if (margin != null) {
            margin = checkScale("margin", margin, currency);
        }
        product = blankToNull(product);
        category = blankToNull(category);
        channel = blankToNull(channel);
        if (time != null && time.getNano() != 0) {
            throw new ValidationException("time", "must be in whole seconds", time);
        }
    }

    /**
     * A transaction without a time of day, as before the time was kept.
     *
     * @see #Transaction(String, LocalDate, BigDecimal, Currency, BigDecimal, String, String, String, LocalTime)
     */
    public Transaction(String customerId, LocalDate date, BigDecimal amount, Currency currency, BigDecimal margin,
                       String product, String category, String channel) {
        this(customerId, date, amount, currency, margin, product, category, channel, null);
    }

    /**
     * A transaction with only the required fields.
     *
     * @return a new transaction; see the record's rules
     */
    public static Transaction of(String customerId, LocalDate date, BigDecimal amount, Currency currency) {
        return new Transaction(customerId, date, amount, currency, null, null, null, null);
    }

    /** @return a copy with the given margin (may be null) */
    public Transaction withMargin(BigDecimal newMargin) {
        return new Transaction(customerId, date, amount, currency, newMargin, product, category, channel, time);
    }

    /** @return a copy with the given product, category and channel (each may be null) */
    public Transaction withProduct(String newProduct, String newCategory, String newChannel) {
        return new Transaction(customerId, date, amount, currency, margin, newProduct, newCategory, newChannel, time);
    }

    /**
     * @param newTime the time of day in whole seconds, or null for none
     * @return a copy with the given time of day
     * @since 0.1
     */
    public Transaction withTime(LocalTime newTime) {
        return new Transaction(customerId, date, amount, currency, margin, product, category, channel, newTime);
    }

    /** @return true if the amount is negative, which this library treats as a refund */
    public boolean isRefund() {
        return amount.signum() < 0;
    }

    static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount in whole minor units of the currency; exact. */
    static long toMinor(String field, BigDecimal value, Currency currency) {
        try {
            return value.movePointRight(minorDigits(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException(field, "must fit in 64-bit minor units of " + currency, value);
        }
    }

    private static BigDecimal checkScale(String field, BigDecimal value, Currency currency) {
        int digits = minorDigits(currency);
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new ValidationException(field,
                    "must have at most " + digits + " decimal places for " + currency.getCurrencyCode(), value);
        }
        if (stripped.precision() - stripped.scale() > 18) {
            throw new ValidationException(field, "must fit in 64-bit minor units of " + currency, value);
        }
        BigDecimal scaled = stripped.setScale(digits);
        toMinor(field, scaled, currency);
        return scaled;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
