package org.crmkit.core.analytics.ledger;

import java.time.LocalDate;
import java.util.Objects;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;

/**
 * One purchase (or refund) of a crmkit customer, as the {@link PurchaseLedger} records it.
 * Immutable and thread-safe.
 *
 * @param customer  the customer who bought; not null
 * @param day       the day of the purchase; not null, within about 5.8 million years of 1970
 * @param amount    the amount; negative for a refund, zero for a free item; at most 18 digits before
 *                  the decimal point and in 64-bit minor units, as {@link Transaction} holds it; not null
 * @param margin    the margin earned on it, in the amount's currency, same limits; may be null
 * @param product   the product; may be null; blank is taken as absent; at most 400 characters
 * @param category  the product category; same rules as {@code product}
 * @param channel   the sales channel; same rules as {@code product}
 * @param sourceKey the idempotency key: the host's own id of the purchase, unique within the
 *                  tenant, for example {@code "pos:4711:17"}; not blank, at most 400 characters
 * @since 0.1
 */
public record PurchaseEntry(CustomerId customer, LocalDate day, Money amount, Money margin, String product,
                            String category, String channel, String sourceKey) {

    private static final int MAX_TEXT = 400;

    /** Validates every field; throws {@link ValidationException} naming the field and the rule. */
    public PurchaseEntry {
        if (customer == null) {
            throw new ValidationException("customer", "must not be null");
        }
        if (day == null) {
            throw new ValidationException("day", "must not be null");
        }
        if (amount == null) {
            throw new ValidationException("amount", "must not be null");
        }
        if (margin != null && !margin.currency().equals(amount.currency())) {
            throw new ValidationException("margin", "must be in the amount's currency " + amount.currencyCode(),
                    margin.currencyCode());
        }
        // what the ledger stores must fit the analytics batch it is read into (an int day column and
        // amounts in 64-bit minor units): one record that does not would make every read fail
        long epochDay = day.toEpochDay();
        if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
            throw new ValidationException("day", "must be within about 5.8 million years of 1970", day);
        }
        new Transaction("-", day, amount.amount(), amount.currency(), margin == null ? null : margin.amount(),
                null, null, null);
        product = optional(product, "product");
        category = optional(category, "category");
        channel = optional(channel, "channel");
        if (sourceKey == null || sourceKey.isBlank()) {
            throw new ValidationException("sourceKey", "must not be blank", sourceKey);
        }
        if (sourceKey.length() > IndexKey.MAX_VALUE_LENGTH) {
            throw new ValidationException("sourceKey", "must be at most " + IndexKey.MAX_VALUE_LENGTH + " characters",
                    sourceKey.length());
        }
    }

    /**
     * @return an entry without margin, product, category or channel
     * @throws ValidationException naming the field, if one breaks a rule
     */
    public static PurchaseEntry of(CustomerId customer, LocalDate day, Money amount, String sourceKey) {
        return new PurchaseEntry(customer, day, amount, null, null, null, null, sourceKey);
    }

    /** @return a copy with that margin (may be null) */
    public PurchaseEntry withMargin(Money newMargin) {
        return new PurchaseEntry(customer, day, amount, newMargin, product, category, channel, sourceKey);
    }

    /** @return a copy with that product, category and channel (each may be null) */
    public PurchaseEntry withProduct(String newProduct, String newCategory, String newChannel) {
        return new PurchaseEntry(customer, day, amount, margin, newProduct, newCategory, newChannel, sourceKey);
    }

    /** @return whether {@code other} describes the same purchase: every field but the source key equal */
    boolean samePurchaseAs(PurchaseEntry other) {
        return customer.equals(other.customer) && day.equals(other.day) && amount.equals(other.amount)
                && Objects.equals(margin, other.margin) && Objects.equals(product, other.product)
                && Objects.equals(category, other.category) && Objects.equals(channel, other.channel);
    }

    private static String optional(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new ValidationException(field, "must be at most " + MAX_TEXT + " characters", value.length());
        }
        return value;
    }
}
