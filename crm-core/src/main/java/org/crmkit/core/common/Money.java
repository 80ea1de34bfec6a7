package org.crmkit.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * An amount of money in one currency, exact to the currency's minor unit (cents for EUR, none for
 * JPY). Immutable and thread-safe.
 *
 * <p><b>Scale.</b> The amount always has exactly the currency's number of fraction digits:
 * {@code Money.of("10.5", "EUR")} is {@code EUR 10.50}. An amount with more fraction digits than
 * the currency has is refused by {@link #of}; arithmetic that can produce such digits (multiplying
 * by a quantity or a rate) rounds once, at the end, with {@link #ROUNDING} (half up, the commercial
 * rule), so that {@code EUR 0.125} becomes {@code EUR 0.13}.
 *
 * <p><b>Currencies.</b> Amounts in different currencies never mix: adding, subtracting or comparing
 * them is refused with a {@link ValidationException} on field {@code currency}. Currencies without
 * a fixed minor unit (such as gold, {@code XAU}) are refused.
 *
 * @param amount   the amount, with the currency's scale; may be negative (a refund, a discount)
 * @param currency the ISO 4217 currency
 * @since 0.1
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** How every computed amount is rounded to the currency's minor unit: half up. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        if (currency == null) {
            throw new ValidationException("currency", "must not be null");
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new ValidationException("currency", "must have a fixed minor unit", currency.getCurrencyCode());
        }
        if (amount == null) {
            throw new ValidationException("amount", "must not be null");
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new ValidationException("amount", "must have at most " + digits + " fraction digits for "
                    + currency.getCurrencyCode(), amount.toPlainString());
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /**
     * @param amount       the amount; at most the currency's fraction digits
     * @param currencyCode an ISO 4217 code such as {@code "EUR"}
     * @return the money
     * @throws ValidationException naming {@code amount} or {@code currency} if either is invalid
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /** Same as {@link #of(BigDecimal, String)}, from decimal text such as {@code "10.50"}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(decimal(amount, "amount"), currency(currencyCode));
    }

    /** @return the money for {@code amount}, rounded to the currency's minor unit with {@link #ROUNDING} */
    public static Money rounded(BigDecimal amount, Currency currency) {
        if (currency == null) {
            throw new ValidationException("currency", "must not be null");
        }
        if (amount == null) {
            throw new ValidationException("amount", "must not be null");
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new ValidationException("currency", "must have a fixed minor unit", currency.getCurrencyCode());
        }
        return new Money(amount.setScale(digits, ROUNDING), currency);
    }

    /** @return zero in that currency */
    public static Money zero(Currency currency) {
        return rounded(BigDecimal.ZERO, currency);
    }

    /** @return zero in the currency with that ISO 4217 code */
    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    /**
     * Parses the form {@link #toString()} writes: a currency code, a space and an amount,
     * for example {@code "EUR 10.50"}.
     *
     * @throws ValidationException on {@code money} if the text does not have that form
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new ValidationException("money", "must not be null");
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new ValidationException("money", "must be a currency code and an amount, like 'EUR 10.50'", text);
        }
        return of(parts[1], parts[0]);
    }

    /**
     * @return the sum of {@code amounts}, all in {@code currency}; zero for none
     * @throws ValidationException on {@code currency} if one of them is in another currency
     */
    public static Money sum(Currency currency, Collection<Money> amounts) {
        Money total = zero(currency);
        for (Money m : Objects.requireNonNull(amounts, "amounts must not be null")) {
            total = total.plus(m);
        }
        return total;
    }

    /** @return this plus {@code other}, which must be in the same currency */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** @return this minus {@code other}, which must be in the same currency */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** @return this times {@code factor} (a quantity, a rate), computed exactly and then rounded once */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor must not be null");
        return rounded(amount.multiply(factor), currency);
    }

    /** @return this times {@code factor} */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** @return this amount negated */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** @return -1, 0 or 1 as this amount is negative, zero or positive */
    public int signum() {
        return amount.signum();
    }

    /** @return true if the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return the ISO 4217 code of the currency */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws ValidationException on {@code currency} if {@code other} is in another currency
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * @throws ValidationException on {@code currency} if {@code other} is in another currency
     */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other must not be null");
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "must be " + currency.getCurrencyCode()
                    + " like the amount it is combined with", other.currency.getCurrencyCode());
        }
    }

    /** @return for example {@code "EUR 10.50"} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    /**
     * @param code an ISO 4217 code
     * @return the currency
     * @throws ValidationException on {@code currency} if the code is not a known ISO 4217 code
     */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("currency", "must not be blank", code);
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "must be an ISO 4217 currency code", code);
        }
    }

    private static BigDecimal decimal(String text, String field) {
        if (text == null) {
            throw new ValidationException(field, "must not be null");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number", text);
        }
    }
}
