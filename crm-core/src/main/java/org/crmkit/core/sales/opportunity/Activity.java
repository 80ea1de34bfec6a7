package org.crmkit.core.sales.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * A sales activity planned on an opportunity: a call, a meeting, a task or an e-mail, due on a
 * date, and whether and when it was done. Immutable and thread-safe.
 *
 * @param id          the activity's id, unique in its opportunity; not null
 * @param kind        what kind of activity; not null
 * @param subject     what it is about; not blank, at most 500 characters
 * @param dueDate     when it is due; not null (a past date records something already overdue)
 * @param scheduledAt when it was planned; not null
 * @param scheduledBy who planned it; not null
 * @param doneAt      when it was done; null while planned
 * @param doneBy      who did it; null exactly when {@code doneAt} is null
 * @since 0.1
 */
public record Activity(UUID id, ActivityKind kind, String subject, LocalDate dueDate, Instant scheduledAt,
                       StaffId scheduledBy, Instant doneAt, StaffId doneBy) {

    public Activity {
        Texts.notNull(id, "activityId");
        Texts.notNull(kind, "kind");
        subject = Texts.required(subject, "subject", 500);
        Texts.notNull(dueDate, "dueDate");
        Texts.notNull(scheduledAt, "scheduledAt");
        Texts.notNull(scheduledBy, "scheduledBy");
        if ((doneAt == null) != (doneBy == null)) {
            throw new ValidationException("doneBy", "must be set exactly when doneAt is set", doneBy);
        }
        if (doneAt != null && doneAt.isBefore(scheduledAt)) {
            throw new ValidationException("doneAt", "must not be before scheduledAt " + scheduledAt, doneAt);
        }
    }

    /** @return {@link ActivityStatus#DONE} once done, else {@link ActivityStatus#PLANNED} */
    public ActivityStatus status() {
        return doneAt == null ? ActivityStatus.PLANNED : ActivityStatus.DONE;
    }

    /** @return when it was done, or empty while planned */
    public Optional<Instant> completedAt() {
        return Optional.ofNullable(doneAt);
    }

    /**
     * @param today the current date in the caller's zone; not null
     * @return true if it is still planned and its due date is before {@code today}
     */
    public boolean overdueOn(LocalDate today) {
        return doneAt == null && dueDate.isBefore(today);
    }

    Activity done(Instant at, StaffId by) {
        return new Activity(id, kind, subject, dueDate, scheduledAt, scheduledBy, at, by);
    }
}
