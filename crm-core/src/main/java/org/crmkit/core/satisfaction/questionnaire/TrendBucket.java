package org.crmkit.core.satisfaction.questionnaire;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * One bucket of a {@link Trend}: the days {@code [from, to)}, how many selected responses were
 * submitted in it and the score of their answers. An empty bucket has no responses and no score
 * (never a score of 0). Immutable and thread-safe.
 *
 * @param from      the first day, inclusive; not null
 * @param to        the day after the last, exclusive; after {@code from}
 * @param responses the selected responses submitted in the bucket; not negative
 * @param score     the score of the answers in those responses to the metric's questions; empty when
 *                  none of them answered such a question (always when {@code responses} is 0)
 * @param <S>       the score type
 * @since 0.1
 */
public record TrendBucket<S>(LocalDate from, LocalDate to, long responses, Optional<S> score) {

    /** @throws ValidationException on a field that breaks its rule */
    public TrendBucket {
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        Objects.requireNonNull(score, "score must not be null");
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from " + from, to);
        }
        if (responses < 0 || responses == 0 && score.isPresent()) {
            throw new ValidationException("responses", "must not be negative, and positive when scored", responses);
        }
    }

    /** @return whether no selected response was submitted in the bucket */
    public boolean isEmpty() {
        return responses == 0;
    }
}
