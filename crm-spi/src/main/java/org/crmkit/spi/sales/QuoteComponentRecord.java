package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;

/**
 * One component of a quoted product's bill of materials, copied from the catalogue when the line
 * was added. Part of a {@link QuoteLineRecord}. Immutable.
 *
 * @param productId       the component's product id; not blank
 * @param quantityPerUnit how many of it one unit of the line's product needs; not null
 * @since 0.1
 */
public record QuoteComponentRecord(String productId, BigDecimal quantityPerUnit) {

    public QuoteComponentRecord {
        notBlank(productId, "productId");
        notNull(quantityPerUnit, "quantityPerUnit");
    }
}
