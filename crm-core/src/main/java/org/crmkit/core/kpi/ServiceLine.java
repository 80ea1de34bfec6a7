package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.service.WorkOrderPriority;

/**
 * One closed work order in the service score method:
 * {@code score = points × rating used / 5}, where the rating used is the customer's answer to the
 * survey after service, or {@link ServicePoints#unratedRating()} when there is none. Immutable.
 *
 * @param workOrderId the work order; not null
 * @param closedOn    the day it was closed; not null
 * @param priority    its priority; not null
 * @param points      its points by priority; not null
 * @param rating      the customer's rating (1 to 5); empty if the survey was not answered
 * @param ratingUsed  the rating the score is weighted with; not null
 * @param score       points × rating used / 5 (exact); not null
 * @since 0.1
 */
public record ServiceLine(UUID workOrderId, LocalDate closedOn, WorkOrderPriority priority, BigDecimal points,
                          Optional<Integer> rating, BigDecimal ratingUsed, BigDecimal score) {

    /** Validates the components as described above. */
    public ServiceLine {
        Objects.requireNonNull(workOrderId, "workOrderId must not be null");
        Objects.requireNonNull(closedOn, "closedOn must not be null");
        Objects.requireNonNull(priority, "priority must not be null");
        Objects.requireNonNull(points, "points must not be null");
        Objects.requireNonNull(rating, "rating must not be null");
        Objects.requireNonNull(ratingUsed, "ratingUsed must not be null");
        Objects.requireNonNull(score, "score must not be null");
    }
}
