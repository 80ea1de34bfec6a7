package org.crmkit.core.feedback;

import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.satisfaction.SurveyId;
import org.crmkit.core.service.SelfServiceSessionId;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;

/**
 * Where a piece of feedback came from: a kind and the id of the source record. Immutable and
 * thread-safe.
 *
 * @param kind the kind of source; not null
 * @param id   the source record's id; null exactly for {@link FeedbackSourceKind#DIRECT}
 * @since 0.1
 */
public record FeedbackSource(FeedbackSourceKind kind, UUID id) {

    public FeedbackSource {
        if (kind == null) {
            throw new ValidationException("source.kind", "must not be null");
        }
        if ((kind == FeedbackSourceKind.DIRECT) != (id == null)) {
            throw new ValidationException("source.id", kind == FeedbackSourceKind.DIRECT
                    ? "must be absent for direct feedback" : "must name the " + kind + " the feedback came from", id);
        }
    }

    /** @return feedback the customer gave directly */
    public static FeedbackSource direct() {
        return new FeedbackSource(FeedbackSourceKind.DIRECT, null);
    }

    /** @return feedback from a survey's answer */
    public static FeedbackSource survey(SurveyId survey) {
        return new FeedbackSource(FeedbackSourceKind.SURVEY, survey == null ? null : survey.value());
    }

    /** @return feedback from a work order */
    public static FeedbackSource workOrder(WorkOrderId workOrder) {
        return new FeedbackSource(FeedbackSourceKind.WORK_ORDER, workOrder == null ? null : workOrder.value());
    }

    /** @return feedback from a self-service session */
    public static FeedbackSource selfService(SelfServiceSessionId session) {
        return new FeedbackSource(FeedbackSourceKind.SELF_SERVICE, session == null ? null : session.value());
    }

    /** @return feedback about an order */
    public static FeedbackSource order(OrderId order) {
        return new FeedbackSource(FeedbackSourceKind.ORDER, order == null ? null : order.value());
    }

    /** @return the source record's id, unless the feedback is direct */
    public Optional<UUID> sourceId() {
        return Optional.ofNullable(id);
    }
}
