package org.crmkit.core.sales.opportunity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;

/**
 * What happened to an opportunity. Each business verb of {@link Opportunity} records one of
 * these. Immutable records.
 *
 * @since 0.1
 */
public sealed interface OpportunityEvent extends DomainEvent {

    /** @return the opportunity */
    OpportunityId opportunityId();

    @Override
    default UUID aggregateId() {
        return opportunityId().value();
    }

    /**
     * The opportunity was opened in its pipeline's first stage.
     *
     * @param campaign the campaign it is attributed to; may be null
     * @param lead     the lead it came from; may be null
     */
    record Opened(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, CustomerId customer,
                  StaffId owner, String name, Money amount, LocalDate expectedClose, PipelineId pipeline,
                  String stageCode, BigDecimal probability, CampaignId campaign, LeadId lead)
            implements OpportunityEvent {
    }

    /** It moved to another stage; its probability became the new stage's default. */
    record StageChanged(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, String fromStage,
                        String toStage, Duration timeInFromStage, BigDecimal probability, StaffId by)
            implements OpportunityEvent {
    }

    /** Someone set the probability by hand. */
    record ProbabilitySet(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, BigDecimal from,
                          BigDecimal to, StaffId by) implements OpportunityEvent {
    }

    /** Someone cleared a probability set by hand; it is the stage's default again. */
    record ProbabilityCleared(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, BigDecimal from,
                              BigDecimal to, StaffId by) implements OpportunityEvent {
    }

    /** The amount or the expected close date was revised. */
    record Revised(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, Money previousAmount,
                   Money amount, LocalDate previousExpectedClose, LocalDate expectedClose, StaffId by)
            implements OpportunityEvent {
    }

    /**
     * The opportunity was won.
     *
     * @param competitor the competitor it was won against; may be null
     * @param salesCycle from opening to winning
     */
    record Won(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, Money amount, String stageCode,
               String reason, String competitor, Duration salesCycle, StaffId by) implements OpportunityEvent {
    }

    /**
     * The opportunity was lost.
     *
     * @param competitor the competitor it was lost to; may be null
     */
    record Lost(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, Money amount, String stageCode,
                String reason, String competitor, StaffId by) implements OpportunityEvent {
    }

    /** An activity was planned. */
    record ActivityScheduled(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, UUID activityId,
                             ActivityKind kind, String subject, LocalDate dueDate, StaffId by)
            implements OpportunityEvent {
    }

    /** A planned activity was done. */
    record ActivityCompleted(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, UUID activityId,
                             StaffId by) implements OpportunityEvent {
    }

    /**
     * The opportunity was routed to another salesperson.
     *
     * @param reason why; may be null
     */
    record Routed(TenantId tenant, OpportunityId opportunityId, Instant occurredAt, StaffId from, StaffId to,
                  StaffId by, String reason) implements OpportunityEvent {
    }
}
