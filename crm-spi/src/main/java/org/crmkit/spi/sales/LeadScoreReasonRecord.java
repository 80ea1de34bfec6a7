package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;

/**
 * One reason of a lead's score: a scoring rule that fired and the points it gave.
 *
 * @param rule        the rule's name, for example {@code "email"}; not blank
 * @param points      the points it gave; may be negative (a cap)
 * @param explanation the reason in plain words; not blank
 * @since 0.1
 */
public record LeadScoreReasonRecord(String rule, int points, String explanation) {

    public LeadScoreReasonRecord {
        notBlank(rule, "scoreReason.rule");
        notBlank(explanation, "scoreReason.explanation");
    }
}
