package org.crmkit.core.sales.lead;

import org.crmkit.spi.ValidationException;

/**
 * One reason of a {@link LeadScore}: a scoring rule that fired and the points it gave.
 * Immutable and thread-safe.
 *
 * @param rule        the rule's name, for example {@code "email"}; not blank, at most 100 characters
 * @param points      the points; between -100 and 100 (negative for a penalty or a cap)
 * @param explanation the reason in plain words; not blank, at most 500 characters
 * @since 0.1
 */
public record ScoreReason(String rule, int points, String explanation) {

    public ScoreReason {
        rule = Text.required(rule, "scoreReason.rule", 100);
        if (points < -100 || points > 100) {
            throw new ValidationException("scoreReason.points", "must be between -100 and 100", points);
        }
        explanation = Text.required(explanation, "scoreReason.explanation", 500);
    }
}
