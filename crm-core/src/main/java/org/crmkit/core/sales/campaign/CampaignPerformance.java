package org.crmkit.core.sales.campaign;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.common.Money;

/**
 * What a campaign cost and what it brought, read off it at one moment. Immutable and thread-safe.
 *
 * @param campaignId        the campaign; not null
 * @param status            its status; not null
 * @param budget            its budget; not null
 * @param actualCost        its cost so far; not null
 * @param attributedRevenue revenue attributed to it; not null
 * @param returnOnCost      revenue divided by cost (see {@link Campaign#returnOnCost()}); empty while no
 *                          cost is recorded; not null
 * @param feedbackCount     how many pieces of feedback are linked to it
 * @param funnel            its lead funnel; not null
 * @since 0.1
 */
public record CampaignPerformance(CampaignId campaignId, CampaignStatus status, Money budget, Money actualCost,
                                  Money attributedRevenue, Optional<BigDecimal> returnOnCost, int feedbackCount,
                                  CampaignFunnel funnel) {

    public CampaignPerformance {
        Objects.requireNonNull(campaignId, "campaignId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(budget, "budget must not be null");
        Objects.requireNonNull(actualCost, "actualCost must not be null");
        Objects.requireNonNull(attributedRevenue, "attributedRevenue must not be null");
        Objects.requireNonNull(returnOnCost, "returnOnCost must not be null");
        Objects.requireNonNull(funnel, "funnel must not be null");
    }
}
