package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * One line of a {@link Quote}: a configured product, a quantity, a price and a discount. The line
 * keeps what it was given; its amounts are computed from it and never stored apart from it.
 * Immutable and thread-safe.
 *
 * <p><b>Arithmetic.</b> With {@code u} = {@link #unitPrice()} (base price plus the options'
 * deltas, exact), {@code q} = quantity, {@code d} = discount percent and {@code t} = tax rate
 * percent, all computed exactly with {@link BigDecimal} and rounded once, half up, to the
 * currency's minor unit:
 * <pre>
 *   net   = round(u × q × (100 − d) / 100)
 *   tax   = round(net × t / 100)
 *   gross = net + tax                       (exact: both are already rounded)
 * </pre>
 * For example {@code u = EUR 19.99}, {@code q = 3}, {@code d = 12.5}: {@code 19.99 × 3 = 59.97},
 * {@code × 87.5 / 100 = 52.47375}, net {@code EUR 52.47}; at 19% tax {@code 52.47 × 0.19 = 9.9693},
 * tax {@code EUR 9.97}, gross {@code EUR 62.44}.
 *
 * @param lineNo          the line's number within its quote, from 1; positive
 * @param productId       the product's catalogue id; not blank
 * @param sku             the product's SKU; not blank
 * @param name            the product's name; not blank
 * @param options         the chosen options, codes unique; not null
 * @param components      the product's bill of materials; not null
 * @param quantity        how many units; positive, at most six fraction digits (normalised)
 * @param basePrice       the price per unit before options; not negative
 * @param priceListId     the price list {@code basePrice} came from; null for the list price
 * @param discountPercent the discount, 0 to 100 (normalised)
 * @param taxRatePercent  the tax rate, 0 to 100 (normalised)
 * @since 0.1
 */
public record QuoteLine(int lineNo, String productId, String sku, String name, List<QuoteOption> options,
                        List<QuoteComponent> components, BigDecimal quantity, Money basePrice, String priceListId,
                        BigDecimal discountPercent, BigDecimal taxRatePercent) {

    public QuoteLine {
        if (lineNo < 1) {
            throw new ValidationException("lineNo", "must be positive", lineNo);
        }
        requireText(productId, "productId");
        requireText(sku, "sku");
        requireText(name, "name");
        if (priceListId != null && priceListId.isBlank()) {
            throw new ValidationException("priceListId", "must be absent (null) or not blank", priceListId);
        }
        if (options == null) {
            throw new ValidationException("options", "must not be null");
        }
        if (components == null) {
            throw new ValidationException("components", "must not be null");
        }
        options = List.copyOf(options);
        components = List.copyOf(components);
        quantity = Decimals.quantity(quantity, "quantity");
        discountPercent = Decimals.percent(discountPercent, "discountPercent");
        taxRatePercent = Decimals.percent(taxRatePercent, "taxRatePercent");
        if (basePrice == null) {
            throw new ValidationException("basePrice", "must not be null");
        }
        if (basePrice.signum() < 0) {
            throw new ValidationException("basePrice", "must not be negative", basePrice);
        }
        Set<String> codes = new HashSet<>();
        for (QuoteOption option : options) {
            basePrice.requireSameCurrency(option.priceDelta());
            if (!codes.add(option.code())) {
                throw new ValidationException("options", "must not choose an option twice", option.code());
            }
        }
        Money unit = unitPrice(basePrice, options);
        if (unit.signum() < 0) {
            throw new ValidationException("unitPrice", "must not be negative", unit);
        }
    }

    /** @return the price per unit: the base price plus every chosen option's delta, exact */
    public Money unitPrice() {
        return unitPrice(basePrice, options);
    }

    /** @return {@code round(unitPrice × quantity × (100 − discount) / 100)}, half up to the minor unit */
    public Money net() {
        BigDecimal exact = unitPrice().amount().multiply(quantity)
                .multiply(Decimals.HUNDRED.subtract(discountPercent)).movePointLeft(2);
        return Money.rounded(exact, basePrice.currency());
    }

    /** @return {@code round(net × taxRate / 100)}, half up to the minor unit */
    public Money tax() {
        return Money.rounded(net().amount().multiply(taxRatePercent).movePointLeft(2), basePrice.currency());
    }

    /** @return {@code net + tax}, exact */
    public Money gross() {
        return net().plus(tax());
    }

    /** @return this line with another quantity */
    public QuoteLine withQuantity(BigDecimal newQuantity) {
        return new QuoteLine(lineNo, productId, sku, name, options, components, newQuantity, basePrice, priceListId,
                discountPercent, taxRatePercent);
    }

    /** @return this line with another discount */
    public QuoteLine withDiscount(BigDecimal newDiscountPercent) {
        return new QuoteLine(lineNo, productId, sku, name, options, components, quantity, basePrice, priceListId,
                newDiscountPercent, taxRatePercent);
    }

    /** @return the option codes, in the order chosen */
    public List<String> optionCodes() {
        List<String> codes = new ArrayList<>(options.size());
        options.forEach(o -> codes.add(o.code()));
        return List.copyOf(codes);
    }

    private static Money unitPrice(Money basePrice, List<QuoteOption> options) {
        Money unit = basePrice;
        for (QuoteOption option : options) {
            unit = unit.plus(option.priceDelta());
        }
        return unit;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
    }
}
