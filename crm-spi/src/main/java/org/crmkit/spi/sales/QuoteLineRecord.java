package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.spi.ValidationException;

/**
 * One line of a stored quote: a configured product, its quantity and its price, with the amounts
 * the domain computed. Part of a {@link QuoteRecord}. Immutable.
 *
 * @param lineNo          the line's number within its quote, from 1, never reused; positive
 * @param productId       the product's id in the catalogue; not blank
 * @param sku             the product's SKU; not blank
 * @param name            the product's name; not blank
 * @param options         the chosen options; not null, may be empty
 * @param components      the product's bill of materials; not null, may be empty
 * @param quantity        how many units; not null
 * @param basePrice       the price per unit before options, from {@code priceListId} or the list price; not null
 * @param priceListId     the price list the base price came from; null for the list price
 * @param unitPrice       the base price plus the options' deltas; not null
 * @param discountPercent the line discount in percent (10 = 10%); not null
 * @param taxRatePercent  the tax rate in percent; not null
 * @param net             the line's net amount after discount, rounded; not null
 * @param tax             the tax on {@code net}, rounded; not null
 * @param gross           {@code net + tax}; not null
 * @since 0.1
 */
public record QuoteLineRecord(int lineNo, String productId, String sku, String name,
                              List<QuoteOptionRecord> options, List<QuoteComponentRecord> components,
                              BigDecimal quantity, MoneyRecord basePrice, String priceListId,
                              MoneyRecord unitPrice, BigDecimal discountPercent, BigDecimal taxRatePercent,
                              MoneyRecord net, MoneyRecord tax, MoneyRecord gross) {

    public QuoteLineRecord {
        if (lineNo < 1) {
            throw new ValidationException("lineNo", "must be at least 1", lineNo);
        }
        notBlank(productId, "productId");
        notBlank(sku, "sku");
        notBlank(name, "name");
        options = copy(options, "options");
        components = copy(components, "components");
        notNull(quantity, "quantity");
        notNull(basePrice, "basePrice");
        nullOrNotBlank(priceListId, "priceListId");
        notNull(unitPrice, "unitPrice");
        notNull(discountPercent, "discountPercent");
        notNull(taxRatePercent, "taxRatePercent");
        notNull(net, "net");
        notNull(tax, "tax");
        notNull(gross, "gross");
    }
}
