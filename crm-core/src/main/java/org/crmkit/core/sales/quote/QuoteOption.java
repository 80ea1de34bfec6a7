package org.crmkit.core.sales.quote;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * An option chosen on a quote line, priced as the catalogue priced it when the line was added.
 * Immutable and thread-safe.
 *
 * @param code       the option's code; not blank
 * @param name       the option's name; not blank
 * @param priceDelta what it adds to the unit price (may be zero or negative); not null
 * @since 0.1
 */
public record QuoteOption(String code, String name, Money priceDelta) {

    public QuoteOption {
        if (code == null || code.isBlank()) {
            throw new ValidationException("option.code", "must not be blank", code);
        }
        if (name == null || name.isBlank()) {
            throw new ValidationException("option.name", "must not be blank", name);
        }
        if (priceDelta == null) {
            throw new ValidationException("option.priceDelta", "must not be null");
        }
    }
}
