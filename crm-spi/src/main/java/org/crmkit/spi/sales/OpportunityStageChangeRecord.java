package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * One entry of an opportunity's stage history: it left stage {@code fromStage} for
 * {@code toStage}. The first entry of every history is the opening, with no {@code fromStage}.
 *
 * @param fromStage          the code of the stage it left; null for the opening entry
 * @param toStage            the code of the stage it entered; not blank
 * @param at                 when; truncated to microseconds; not null
 * @param by                 the staff member who moved it; not blank
 * @param millisInFromStage  how long it had been in {@code fromStage}, in milliseconds; 0 for the
 *                           opening entry; not negative
 * @since 0.1
 */
public record OpportunityStageChangeRecord(String fromStage, String toStage, Instant at, String by,
                                           long millisInFromStage) {

    public OpportunityStageChangeRecord {
        nullOrNotBlank(fromStage, "stageHistory.fromStage");
        notBlank(toStage, "stageHistory.toStage");
        at = micros(notNull(at, "stageHistory.at"));
        notBlank(by, "stageHistory.by");
        if (millisInFromStage < 0) {
            throw new ValidationException("stageHistory.millisInFromStage", "must not be negative", millisInFromStage);
        }
    }
}
