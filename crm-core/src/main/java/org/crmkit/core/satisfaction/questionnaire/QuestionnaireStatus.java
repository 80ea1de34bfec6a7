package org.crmkit.core.satisfaction.questionnaire;

import java.util.Set;

/**
 * The state of a questionnaire revision: {@code DRAFT → PUBLISHED → RETIRED}, and a draft may be
 * retired unpublished. Only a published revision accepts responses; only a draft may change.
 *
 * @since 0.1
 */
public enum QuestionnaireStatus {
    /** Being written; its questions may change; it accepts no response. */
    DRAFT,
    /** Fixed and in use: it accepts responses. */
    PUBLISHED,
    /** No longer in use; its responses stay and count in scores. Final. */
    RETIRED;

    /** @return the states this one may move to; unmodifiable */
    public Set<QuestionnaireStatus> successors() {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED, RETIRED);
            case PUBLISHED -> Set.of(RETIRED);
            case RETIRED -> Set.of();
        };
    }

    /** @return whether a revision in this state may move to {@code next} */
    public boolean canTransitionTo(QuestionnaireStatus next) {
        return next != null && successors().contains(next);
    }
}
