package org.crmkit.core.sales.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * One entry of an opportunity's stage history: it left {@code fromStage}, where it had spent
 * {@code timeInFromStage}, for {@code toStage}. The first entry of every history is the opening,
 * which has no {@code fromStage} and a zero duration. Immutable and thread-safe.
 *
 * @param fromStage       the code of the stage it left; null for the opening entry
 * @param toStage         the code of the stage it entered; not null
 * @param at              when; not null
 * @param by              who moved it (the owner, for the opening entry); not null
 * @param timeInFromStage how long it had been in {@code fromStage}, in whole milliseconds; not
 *                        negative; zero for the opening entry
 * @since 0.1
 */
public record StageChange(String fromStage, String toStage, Instant at, StaffId by, Duration timeInFromStage) {

    public StageChange {
        Texts.notNull(toStage, "toStage");
        Texts.notNull(at, "at");
        Texts.notNull(by, "by");
        Texts.notNull(timeInFromStage, "timeInFromStage");
        if (timeInFromStage.isNegative()) {
            throw new ValidationException("timeInFromStage", "must not be negative", timeInFromStage);
        }
        if (fromStage == null && !timeInFromStage.isZero()) {
            throw new ValidationException("timeInFromStage", "must be zero for the opening entry", timeInFromStage);
        }
    }

    /** @return the stage it left, or empty for the opening entry */
    public Optional<String> from() {
        return Optional.ofNullable(fromStage);
    }
}
