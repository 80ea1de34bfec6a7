package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Revenue attributed to a campaign: an order (or another sale) the campaign caused.
 *
 * @param sourceId the id of what earned the revenue, for example an order; not null
 * @param amount   the revenue, in the campaign's currency; not null
 * @param at       when it was attributed; not null
 * @since 0.1
 */
public record CampaignRevenueRecord(UUID sourceId, MoneyRecord amount, Instant at) {

    public CampaignRevenueRecord {
        notNull(sourceId, "revenue.sourceId");
        notNull(amount, "revenue.amount");
        at = micros(notNull(at, "revenue.at"));
    }
}
