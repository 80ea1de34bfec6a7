package org.crmkit.core.satisfaction;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.WorkOrderId;

/**
 * What happened to a satisfaction survey.
 *
 * @since 0.1
 */
public sealed interface SurveyEvent extends DomainEvent {

    /** @return the survey */
    SurveyId surveyId();

    @Override
    default UUID aggregateId() {
        return surveyId().value();
    }

    /** A survey went out; order, work order and campaign may be null. */
    record Sent(TenantId tenant, SurveyId surveyId, Instant occurredAt, CustomerId customerId, SurveyTrigger trigger,
                OrderId orderId, WorkOrderId workOrderId, CampaignId campaignId, Channel channel)
            implements SurveyEvent {
    }

    /** The customer answered. */
    record Answered(TenantId tenant, SurveyId surveyId, Instant occurredAt, CustomerId customerId, int score,
                    boolean withComment) implements SurveyEvent {
    }

    /** The survey expired unanswered. */
    record Expired(TenantId tenant, SurveyId surveyId, Instant occurredAt) implements SurveyEvent {
    }
}
