package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.StaffId;

/**
 * One salesperson in the sales points method: {@code points} is the sum of the lines' points.
 * Immutable.
 *
 * @param rank   the rank
 * @param staff  the salesperson; not null
 * @param points Σ line points; not null
 * @param lines  every delivered line; not null
 * @since 0.1
 */
public record PointsRow(int rank, StaffId staff, BigDecimal points, List<PointsLine> lines) implements RankedRow {

    /** Validates the components as described above. */
    public PointsRow {
        Objects.requireNonNull(staff, "staff must not be null");
        Objects.requireNonNull(points, "points must not be null");
        lines = List.copyOf(lines);
    }

    /** @return the points */
    @Override
    public BigDecimal score() {
        return points;
    }
}
