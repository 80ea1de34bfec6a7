package org.crmkit.spi.catalog;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/**
 * The price of one product on a price list, in the list's currency. Immutable.
 *
 * @param productId the product; not blank
 * @param price     the price per unit; not negative, at most the currency's fraction digits
 *                  (checked when a quote uses it)
 * @since 0.1
 */
public record PriceListEntryRecord(String productId, BigDecimal price) {

    public PriceListEntryRecord {
        notBlank(productId, "productId");
        notNull(price, "price");
        if (price.signum() < 0) {
            throw new ValidationException("price", "must not be negative", price.toPlainString());
        }
    }
}
