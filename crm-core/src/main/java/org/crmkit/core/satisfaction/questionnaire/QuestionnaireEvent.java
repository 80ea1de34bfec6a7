package org.crmkit.core.satisfaction.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;

/**
 * What happened to a questionnaire revision or a survey response.
 *
 * @since 0.1
 */
public sealed interface QuestionnaireEvent extends DomainEvent {

    /** A revision was drafted. */
    record Drafted(TenantId tenant, QuestionnaireId questionnaireId, Instant occurredAt, String key, int revision)
            implements QuestionnaireEvent {
        @Override
        public UUID aggregateId() {
            return questionnaireId.value();
        }
    }

    /** A draft's title or questions changed. */
    record Changed(TenantId tenant, QuestionnaireId questionnaireId, Instant occurredAt, int questions)
            implements QuestionnaireEvent {
        @Override
        public UUID aggregateId() {
            return questionnaireId.value();
        }
    }

    /** A revision was published and accepts responses. */
    record Published(TenantId tenant, QuestionnaireId questionnaireId, Instant occurredAt, String key, int revision)
            implements QuestionnaireEvent {
        @Override
        public UUID aggregateId() {
            return questionnaireId.value();
        }
    }

    /** A revision was retired. */
    record Retired(TenantId tenant, QuestionnaireId questionnaireId, Instant occurredAt, String key, int revision)
            implements QuestionnaireEvent {
        @Override
        public UUID aggregateId() {
            return questionnaireId.value();
        }
    }

    /** A customer submitted a response; its aggregate is the response. */
    record ResponseSubmitted(TenantId tenant, ResponseId responseId, Instant occurredAt,
                             QuestionnaireId questionnaireId, CustomerId customerId, List<Subject> subjects,
                             Channel channel, int answers) implements QuestionnaireEvent {
        /** Copies the subjects. */
        public ResponseSubmitted {
            subjects = List.copyOf(subjects);
        }

        @Override
        public UUID aggregateId() {
            return responseId.value();
        }
    }
}
