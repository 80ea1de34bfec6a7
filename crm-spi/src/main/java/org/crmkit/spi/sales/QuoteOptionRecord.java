package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

/**
 * An option chosen on a quote line, as it was priced when the line was added. Part of a
 * {@link QuoteLineRecord}. Immutable.
 *
 * @param code       the option's code in the catalogue; not blank
 * @param name       the option's name; not blank
 * @param priceDelta what the option adds to the unit price, in the quote's currency; not null
 * @since 0.1
 */
public record QuoteOptionRecord(String code, String name, MoneyRecord priceDelta) {

    public QuoteOptionRecord {
        notBlank(code, "code");
        notBlank(name, "name");
        notNull(priceDelta, "priceDelta");
    }
}
