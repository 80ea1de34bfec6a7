package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;

/**
 * The points a closed work order is worth before weighting, by its priority, and the rating that
 * stands in for a work order whose customer never answered the survey after service; for the
 * service score method ({@link Kpis#serviceScore}). Immutable and thread-safe.
 *
 * @param pointsByPriority points for each of the four priorities; not null, every priority
 *                         present, none negative
 * @param unratedRating    the rating (0 to 5) an unrated work order counts with; the default
 *                         {@link #NEUTRAL_RATING} 3 counts it as neither good nor bad, 0 would
 *                         count it for nothing and 5 in full
 * @since 0.1
 */
public record ServicePoints(Map<WorkOrderPriority, BigDecimal> pointsByPriority, BigDecimal unratedRating) {

    /** The default rating of an unrated work order: the middle of the 1-5 scale. */
    public static final BigDecimal NEUTRAL_RATING = BigDecimal.valueOf(3);

    /** Validates the components as described above. */
    public ServicePoints {
        if (pointsByPriority == null) {
            throw new ValidationException("pointsByPriority", "must not be null");
        }
        for (WorkOrderPriority p : WorkOrderPriority.values()) {
            BigDecimal points = pointsByPriority.get(p);
            if (points == null) {
                throw new ValidationException("pointsByPriority", "must give points for " + p);
            }
            if (points.signum() < 0) {
                throw new ValidationException("pointsByPriority", "must not be negative for " + p, points);
            }
        }
        pointsByPriority = Map.copyOf(new EnumMap<>(pointsByPriority));
        if (unratedRating == null || unratedRating.signum() < 0 || unratedRating.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new ValidationException("unratedRating", "must be 0 to 5", unratedRating);
        }
    }

    /** @return the same points for every work order, unrated ones rated {@link #NEUTRAL_RATING} */
    public static ServicePoints flat(BigDecimal points) {
        Map<WorkOrderPriority, BigDecimal> all = new EnumMap<>(WorkOrderPriority.class);
        for (WorkOrderPriority p : WorkOrderPriority.values()) {
            all.put(p, points);
        }
        return new ServicePoints(all, NEUTRAL_RATING);
    }

    /** @return points by priority: low 1, normal 2, high 3, urgent 4; unrated ones rated {@link #NEUTRAL_RATING} */
    public static ServicePoints defaults() {
        return new ServicePoints(Map.of(WorkOrderPriority.LOW, BigDecimal.ONE, WorkOrderPriority.NORMAL,
                BigDecimal.valueOf(2), WorkOrderPriority.HIGH, BigDecimal.valueOf(3), WorkOrderPriority.URGENT,
                BigDecimal.valueOf(4)), NEUTRAL_RATING);
    }

    /** @return these points with another rating for unrated work orders */
    public ServicePoints withUnratedRating(BigDecimal rating) {
        return new ServicePoints(pointsByPriority, rating);
    }

    /** @return the points of a work order of that priority */
    public BigDecimal pointsFor(WorkOrderPriority priority) {
        return pointsByPriority.get(priority);
    }
}
