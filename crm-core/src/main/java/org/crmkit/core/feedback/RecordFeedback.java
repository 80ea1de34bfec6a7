package org.crmkit.core.feedback;

import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;

/**
 * What to record with {@link FeedbackService#record}. Campaign and order may be left out when the
 * source is a survey, work order or self-service session: they are then taken from the source.
 * Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param kind       comment, complaint or product idea; not null
 * @param text       what the customer said; not blank
 * @param source     where it came from; not null
 * @param campaignId the campaign that started the loop; may be null
 * @param orderId    the order it is about; may be null
 * @param recordedBy the staff member recording it; null when the customer did
 * @since 0.1
 */
public record RecordFeedback(CustomerId customerId, FeedbackKind kind, String text, FeedbackSource source,
                             CampaignId campaignId, OrderId orderId, StaffId recordedBy) {

    public RecordFeedback {
        if (customerId == null) {
            throw new ValidationException("customerId", "must not be null");
        }
        if (kind == null) {
            throw new ValidationException("kind", "must not be null");
        }
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "must not be blank", text);
        }
        if (source == null) {
            throw new ValidationException("source", "must not be null");
        }
    }

    /** @return feedback from {@code source} without campaign, order or staff (add them with the {@code with} methods) */
    public static RecordFeedback of(CustomerId customer, FeedbackKind kind, String text, FeedbackSource source) {
        return new RecordFeedback(customer, kind, text, source, null, null, null);
    }

    /** @return feedback about a delivered order: source ORDER, with the order's customer and campaign */
    public static RecordFeedback aboutOrder(DeliveredOrder order, FeedbackKind kind, String text) {
        if (order == null) {
            throw new ValidationException("order", "must not be null");
        }
        return new RecordFeedback(order.customerId(), kind, text, FeedbackSource.order(order.orderId()),
                order.campaignId(), order.orderId(), null);
    }

    /** @return this command with the campaign that started the loop */
    public RecordFeedback withCampaign(CampaignId campaign) {
        return new RecordFeedback(customerId, kind, text, source, campaign, orderId, recordedBy);
    }

    /** @return this command with the order it is about */
    public RecordFeedback withOrder(OrderId order) {
        return new RecordFeedback(customerId, kind, text, source, campaignId, order, recordedBy);
    }

    /** @return this command recorded by a staff member */
    public RecordFeedback by(StaffId staff) {
        return new RecordFeedback(customerId, kind, text, source, campaignId, orderId, staff);
    }

    /** @return the campaign, if given */
    public Optional<CampaignId> campaign() {
        return Optional.ofNullable(campaignId);
    }
}
