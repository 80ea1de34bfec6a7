package org.crmkit.spi.catalog;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import org.crmkit.spi.sales.MoneyRecord;

/**
 * One option a product can be configured with (a colour, a larger battery, an extended warranty)
 * and what it adds to the product's unit price. Immutable.
 *
 * @param code       the option's code, unique within its product; not blank
 * @param name       the option's display name; not blank
 * @param priceDelta what choosing the option adds to the unit price (may be zero or negative); not null
 * @since 0.1
 */
public record ProductOptionRecord(String code, String name, MoneyRecord priceDelta) {

    public ProductOptionRecord {
        notBlank(code, "code");
        notBlank(name, "name");
        notNull(priceDelta, "priceDelta");
    }
}
