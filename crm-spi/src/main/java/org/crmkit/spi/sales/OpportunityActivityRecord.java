package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * A sales activity (call, meeting, task, e-mail) planned on an opportunity, and whether it was done.
 *
 * @param id          the activity's id; not null
 * @param kind        the kind's code, for example {@code "CALL"}; not blank
 * @param subject     what it is about; not blank
 * @param dueDate     when it is due; not null
 * @param scheduledAt when it was planned; truncated to microseconds; not null
 * @param scheduledBy who planned it; not blank
 * @param doneAt      when it was done; null while it is still planned
 * @param doneBy      who did it; null exactly when {@code doneAt} is null
 * @since 0.1
 */
public record OpportunityActivityRecord(UUID id, String kind, String subject, LocalDate dueDate, Instant scheduledAt,
                                        String scheduledBy, Instant doneAt, String doneBy) {

    public OpportunityActivityRecord {
        notNull(id, "activities.id");
        notBlank(kind, "activities.kind");
        notBlank(subject, "activities.subject");
        notNull(dueDate, "activities.dueDate");
        scheduledAt = micros(notNull(scheduledAt, "activities.scheduledAt"));
        notBlank(scheduledBy, "activities.scheduledBy");
        doneAt = micros(doneAt);
        nullOrNotBlank(doneBy, "activities.doneBy");
        if ((doneAt == null) != (doneBy == null)) {
            throw new ValidationException("activities.doneBy", "must be set exactly when doneAt is set", doneBy);
        }
    }
}
