package org.crmkit.core.satisfaction.questionnaire;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.common.Channel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.RecordQuery;

/**
 * Which stored survey responses to read or score: every criterion that is set must hold, those left
 * null do not filter. Immutable and thread-safe.
 *
 * <pre>{@code
 * ResponseSelection.about(Subject.staff(StaffId.of("agent-7"))).questionnaire("after-service")
 * }</pre>
 *
 * @param questionnaireKey only responses to revisions of this questionnaire key; may be null
 * @param customerId       only this customer's responses; may be null
 * @param subject          only responses about this subject; may be null
 * @param channel          only responses that came in on this channel; may be null
 * @param from             only responses submitted at or after this instant; may be null
 * @param to               only responses submitted before this instant; may be null; after {@code from}
 * @since 0.1
 */
public record ResponseSelection(String questionnaireKey, CustomerId customerId, Subject subject, Channel channel,
                                Instant from, Instant to) {

    /** @throws ValidationException on {@code to} when it is not after {@code from} */
    public ResponseSelection {
        if (questionnaireKey != null && questionnaireKey.isBlank()) {
            throw new ValidationException("questionnaireKey", "must be absent (null) or not blank", questionnaireKey);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ValidationException("to", "must be after from " + from, to);
        }
    }

    /** @return every response of the tenant */
    public static ResponseSelection all() {
        return new ResponseSelection(null, null, null, null, null, null);
    }

    /** @return one customer's responses */
    public static ResponseSelection ofCustomer(CustomerId customer) {
        return all().customer(customer);
    }

    /** @return the responses about one subject (a staff member, a product, an order, a work order) */
    public static ResponseSelection about(Subject subject) {
        return all().subject(subject);
    }

    /** @return this selection narrowed to revisions of one questionnaire key */
    public ResponseSelection questionnaire(String key) {
        return new ResponseSelection(Objects.requireNonNull(key, "key must not be null"), customerId, subject,
                channel, from, to);
    }

    /** @return this selection narrowed to one customer */
    public ResponseSelection customer(CustomerId customer) {
        return new ResponseSelection(questionnaireKey, Objects.requireNonNull(customer, "customer must not be null"),
                subject, channel, from, to);
    }

    /** @return this selection narrowed to one subject */
    public ResponseSelection subject(Subject about) {
        return new ResponseSelection(questionnaireKey, customerId,
                Objects.requireNonNull(about, "subject must not be null"), channel, from, to);
    }

    /** @return this selection narrowed to one channel */
    public ResponseSelection channel(Channel on) {
        return new ResponseSelection(questionnaireKey, customerId, subject,
                Objects.requireNonNull(on, "channel must not be null"), from, to);
    }

    /**
     * @return this selection narrowed to responses submitted in {@code [start, end)}
     * @throws ValidationException on {@code to} when {@code end} is not after {@code start}
     */
    public ResponseSelection submittedBetween(Instant start, Instant end) {
        return new ResponseSelection(questionnaireKey, customerId, subject, channel,
                Objects.requireNonNull(start, "start must not be null"), Objects.requireNonNull(end, "end must not be null"));
    }

    /** @return whether a response meets every criterion set */
    public boolean matches(SurveyResponse r) {
        return (questionnaireKey == null || questionnaireKey.equals(r.questionnaireKey()))
                && (customerId == null || customerId.equals(r.customerId()))
                && (subject == null || r.isAbout(subject))
                && (channel == null || channel == r.channel())
                && (from == null || !r.submittedAt().isBefore(from))
                && (to == null || r.submittedAt().isBefore(to));
    }

    /** @return the part of this selection storage can index */
    RecordQuery query() {
        RecordQuery q = RecordQuery.all();
        if (questionnaireKey != null) {
            q = q.where("questionnaireKey", questionnaireKey);
        }
        if (customerId != null) {
            q = q.where("customerId", customerId.toString());
        }
        if (subject != null) {
            q = q.where("subject", subject.key());
        }
        if (channel != null) {
            q = q.where("channel", channel.name());
        }
        return q;
    }
}
