package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OpportunityId;

/**
 * What happened to a quote. Each business verb of {@link Quote} records one of these.
 *
 * @since 0.1
 */
public sealed interface QuoteEvent extends DomainEvent {

    /** @return the quote */
    QuoteId quoteId();

    @Override
    default UUID aggregateId() {
        return quoteId().value();
    }

    /** A quote was drafted. */
    record Drafted(TenantId tenant, QuoteId quoteId, Instant occurredAt, CustomerId customerId,
                   OpportunityId opportunityId, String currency, LocalDate validUntil, StaffId preparedBy)
            implements QuoteEvent {
    }

    /** A quote was drafted as a revision of another, which it supersedes. */
    record Revised(TenantId tenant, QuoteId quoteId, Instant occurredAt, QuoteId revisionOf, int revision,
                   StaffId preparedBy) implements QuoteEvent {
    }

    /** A line was added. */
    record LineAdded(TenantId tenant, QuoteId quoteId, Instant occurredAt, int lineNo, String productId,
                     BigDecimal quantity, Money net) implements QuoteEvent {
    }

    /** A line was removed. */
    record LineRemoved(TenantId tenant, QuoteId quoteId, Instant occurredAt, int lineNo) implements QuoteEvent {
    }

    /** A line's quantity changed. */
    record QuantityChanged(TenantId tenant, QuoteId quoteId, Instant occurredAt, int lineNo, BigDecimal from,
                           BigDecimal to) implements QuoteEvent {
    }

    /** A line's discount changed; {@code approvalRequired} tells whether the quote now needs approval. */
    record DiscountSet(TenantId tenant, QuoteId quoteId, Instant occurredAt, int lineNo, BigDecimal from,
                       BigDecimal to, boolean approvalRequired) implements QuoteEvent {
    }

    /** Approval of the quote's discounts was requested. */
    record ApprovalRequested(TenantId tenant, QuoteId quoteId, Instant occurredAt, BigDecimal maxDiscountPercent)
            implements QuoteEvent {
    }

    /** A manager approved the quote's discounts. */
    record DiscountApproved(TenantId tenant, QuoteId quoteId, Instant occurredAt, StaffId approver)
            implements QuoteEvent {
    }

    /** A manager declined the quote's discounts; the quote is a draft again. */
    record ApprovalDeclined(TenantId tenant, QuoteId quoteId, Instant occurredAt, StaffId approver, String reason)
            implements QuoteEvent {
    }

    /** The quote was sent to the customer. */
    record Sent(TenantId tenant, QuoteId quoteId, Instant occurredAt, Money grossTotal) implements QuoteEvent {
    }

    /** The customer accepted the quote, which is now frozen. */
    record Accepted(TenantId tenant, QuoteId quoteId, Instant occurredAt, CustomerId customerId,
                    OpportunityId opportunityId, Money netTotal, Money grossTotal) implements QuoteEvent {
    }

    /** The customer rejected the quote. */
    record Rejected(TenantId tenant, QuoteId quoteId, Instant occurredAt, String reason) implements QuoteEvent {
    }

    /** The quote's validity ended before it was accepted. */
    record Expired(TenantId tenant, QuoteId quoteId, Instant occurredAt, LocalDate validUntil)
            implements QuoteEvent {
    }

    /** A revision replaced the quote. */
    record Superseded(TenantId tenant, QuoteId quoteId, Instant occurredAt, QuoteId supersededBy)
            implements QuoteEvent {
    }
}
