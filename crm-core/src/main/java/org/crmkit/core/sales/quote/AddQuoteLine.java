package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * What to put on a quote: a product from the catalogue, its options, a quantity, a discount and
 * optionally a tax rate of its own. The price comes from the catalogue, never from the caller.
 * Immutable and thread-safe.
 *
 * @param productId       the product's id in the tenant's catalogue; not blank
 * @param optionCodes     the codes of the chosen options, each at most once; not null
 * @param quantity        how many units; positive, at most six fraction digits
 * @param discountPercent the line discount, 0 to 100; not null
 * @param taxRatePercent  the line's tax rate, 0 to 100; null for the quote's rate
 * @since 0.1
 */
public record AddQuoteLine(String productId, List<String> optionCodes, BigDecimal quantity,
                           BigDecimal discountPercent, BigDecimal taxRatePercent) {

    public AddQuoteLine {
        if (productId == null || productId.isBlank()) {
            throw new ValidationException("productId", "must not be blank", productId);
        }
        if (optionCodes == null) {
            throw new ValidationException("optionCodes", "must not be null");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < optionCodes.size(); i++) {
            String code = optionCodes.get(i);
            if (code == null || code.isBlank()) {
                throw new ValidationException("optionCodes[" + i + "]", "must not be blank", code);
            }
            if (!seen.add(code)) {
                throw new ValidationException("optionCodes", "must not choose an option twice", code);
            }
        }
        optionCodes = List.copyOf(optionCodes);
        quantity = Decimals.quantity(quantity, "quantity");
        discountPercent = Decimals.percent(discountPercent, "discountPercent");
        taxRatePercent = taxRatePercent == null ? null : Decimals.percent(taxRatePercent, "taxRatePercent");
    }

    /** @return {@code quantity} units of the product, no options, no discount, the quote's tax rate */
    public static AddQuoteLine of(String productId, BigDecimal quantity) {
        return new AddQuoteLine(productId, List.of(), quantity, BigDecimal.ZERO, null);
    }

    /** Same as {@link #of(String, BigDecimal)} with the quantity as decimal text such as {@code "2.5"}. */
    public static AddQuoteLine of(String productId, String quantity) {
        return of(productId, Decimals.parse(quantity, "quantity"));
    }

    /** @return this line with those options */
    public AddQuoteLine withOptions(String... codes) {
        return new AddQuoteLine(productId, List.of(codes), quantity, discountPercent, taxRatePercent);
    }

    /** @return this line with that discount in percent, as decimal text such as {@code "12.5"} */
    public AddQuoteLine withDiscount(String percent) {
        return new AddQuoteLine(productId, optionCodes, quantity, Decimals.parse(percent, "discountPercent"),
                taxRatePercent);
    }

    /** @return this line with a tax rate of its own, in percent, as decimal text such as {@code "7"} */
    public AddQuoteLine withTaxRate(String percent) {
        return new AddQuoteLine(productId, optionCodes, quantity, discountPercent,
                Decimals.parse(percent, "taxRatePercent"));
    }
}
