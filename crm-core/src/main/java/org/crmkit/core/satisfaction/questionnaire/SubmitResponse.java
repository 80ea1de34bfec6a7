package org.crmkit.core.satisfaction.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.crmkit.core.common.Channel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;

/**
 * A customer's answers to a published questionnaire revision, about some subjects, as they came in
 * on a channel. Immutable and thread-safe.
 *
 * @param questionnaireId the published revision answered; not null
 * @param customerId      the customer; not null
 * @param subjects        what the response is about; not null, no null element, may be empty;
 *                        repeats are dropped
 * @param channel         the channel it came in on; not null
 * @param answers         the answers, at most one per question; not null, no null element
 * @since 0.1
 */
public record SubmitResponse(QuestionnaireId questionnaireId, CustomerId customerId, List<Subject> subjects,
                             Channel channel, List<Answer> answers) {

    /** @throws ValidationException naming the missing field */
    public SubmitResponse {
        notNull(questionnaireId, "questionnaireId");
        notNull(customerId, "customerId");
        notNull(channel, "channel");
        subjects = List.copyOf(new LinkedHashSet<>(elements(subjects, "subjects")));
        answers = elements(answers, "answers");
    }

    /** @return the same response, also about {@code subject} */
    public SubmitResponse about(Subject subject) {
        List<Subject> more = new ArrayList<>(subjects);
        more.add(subject);
        return new SubmitResponse(questionnaireId, customerId, more, channel, answers);
    }

    private static <T> List<T> elements(List<T> list, String field) {
        notNull(list, field);
        for (int i = 0; i < list.size(); i++) {
            notNull(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    private static void notNull(Object value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
    }
}
