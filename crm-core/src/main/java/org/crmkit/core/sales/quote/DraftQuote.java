package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;

/**
 * What a new quote is for: the customer and opportunity, the currency, how long it is valid, who
 * prepares it, and the customer's grade and segment that decide which price lists apply.
 * Immutable and thread-safe.
 *
 * @param customerId      the customer; not null
 * @param opportunityId   the opportunity; not null
 * @param campaignId      the campaign the deal is attributed to; null if none
 * @param currency        the ISO 4217 code every amount of the quote is in; a currency with a fixed minor unit
 * @param validUntil      the last day the customer may accept; not null, not before today (checked by the quote)
 * @param preparedBy      the salesperson; decides which price lists may be used; not null
 * @param customerGrade   the customer's grade for price lists (for example {@code "A"}); null if none
 * @param customerSegment the customer's segment for price lists (for example {@code "retail"}); null if none
 * @param taxRatePercent  the tax rate of lines that do not name their own, 0 to 100; not null
 * @since 0.1
 */
public record DraftQuote(CustomerId customerId, OpportunityId opportunityId, CampaignId campaignId, String currency,
                         LocalDate validUntil, StaffId preparedBy, String customerGrade, String customerSegment,
                         BigDecimal taxRatePercent) {

    public DraftQuote {
        if (customerId == null) {
            throw new ValidationException("customerId", "must not be null");
        }
        if (opportunityId == null) {
            throw new ValidationException("opportunityId", "must not be null");
        }
        currency = Money.zero(currency).currencyCode();
        if (validUntil == null) {
            throw new ValidationException("validUntil", "must not be null");
        }
        if (preparedBy == null) {
            throw new ValidationException("preparedBy", "must not be null");
        }
        if (customerGrade != null && customerGrade.isBlank()) {
            throw new ValidationException("customerGrade", "must be absent (null) or not blank", customerGrade);
        }
        if (customerSegment != null && customerSegment.isBlank()) {
            throw new ValidationException("customerSegment", "must be absent (null) or not blank", customerSegment);
        }
        taxRatePercent = Decimals.percent(taxRatePercent, "taxRatePercent");
    }
}
