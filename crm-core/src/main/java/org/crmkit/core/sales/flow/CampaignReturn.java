package org.crmkit.core.sales.flow;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.core.sales.CampaignId;

/**
 * What a campaign cost and what it brought back. Immutable.
 *
 * <p>{@code revenue} is the net total (before tax: the tax is collected for the state, not earned)
 * of the campaign's delivered orders (orders made from
 * quotes of opportunities of the campaign's leads) in the campaign's currency, plus revenue
 * attributed to the campaign by hand ({@code Campaigns#attributeRevenue}) for sources that are not
 * among the orders counted (so a delivered order in another currency, left out of the orders'
 * sum, counts through its hand attribution, typically converted by hand). {@code returnOnCost} is {@code revenue / cost}, four decimals rounded half up,
 * empty while nothing was spent.
 *
 * @param campaign            the campaign
 * @param cost                its actual cost so far
 * @param revenue             the revenue it brought
 * @param deliveredOrders     how many of its orders were delivered
 * @param otherCurrencyOrders delivered orders in another currency than the campaign's, left out of {@code revenue}
 * @param returnOnCost        revenue divided by cost; empty when the cost is zero
 * @since 0.1
 */
public record CampaignReturn(CampaignId campaign, Money cost, Money revenue, long deliveredOrders,
                             long otherCurrencyOrders, Optional<BigDecimal> returnOnCost) {

    public CampaignReturn {
        Objects.requireNonNull(campaign, "campaign must not be null");
        Objects.requireNonNull(cost, "cost must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        Objects.requireNonNull(returnOnCost, "returnOnCost must not be null");
    }
}
