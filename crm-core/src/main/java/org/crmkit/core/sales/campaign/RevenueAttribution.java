package org.crmkit.core.sales.campaign;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * Revenue attributed to a campaign: a sale (an order, say) the campaign caused. Immutable and
 * thread-safe.
 *
 * @param sourceId the id of what earned the revenue, for example an order id; not null
 * @param amount   the revenue, in the campaign's currency; not negative
 * @param at       when it was attributed; not null
 * @since 0.1
 */
public record RevenueAttribution(UUID sourceId, Money amount, Instant at) {

    public RevenueAttribution {
        Text.notNull(sourceId, "sourceId");
        Text.notNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new ValidationException("amount", "must not be negative", amount);
        }
        Text.notNull(at, "at");
    }
}
