package org.crmkit.core.sales.opportunity;

import java.util.Currency;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * One owner's open pipeline in one currency, within a {@link Forecast}'s period. Amounts in
 * different currencies are never added; an owner with deals in two currencies has two lines.
 * Immutable and thread-safe.
 *
 * @param owner    the salesperson; not null
 * @param currency the currency of both amounts; not null
 * @param count    how many open opportunities; at least 1
 * @param total    the sum of their amounts; in {@code currency}
 * @param weighted the sum of amount × probability, computed exactly and rounded half up once, at
 *                 the end, to the currency's minor unit; in {@code currency}
 * @since 0.1
 */
public record ForecastLine(StaffId owner, Currency currency, int count, Money total, Money weighted) {

    public ForecastLine {
        Texts.notNull(owner, "owner");
        Texts.notNull(currency, "currency");
        if (count < 1) {
            throw new ValidationException("count", "must be at least 1", count);
        }
        Texts.notNull(total, "total");
        Texts.notNull(weighted, "weighted");
        if (!total.currency().equals(currency) || !weighted.currency().equals(currency)) {
            throw new ValidationException("currency", "must be the currency of total and weighted", currency);
        }
    }
}
