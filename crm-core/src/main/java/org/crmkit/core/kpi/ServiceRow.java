package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.StaffId;

/**
 * One service staff member in the service score method: {@code score} is the sum of the lines'
 * weighted scores. Immutable.
 *
 * @param rank  the rank
 * @param staff who resolved the work orders; not null
 * @param score Σ line scores; not null
 * @param rated how many of the lines had a customer rating
 * @param lines every closed work order credited to the staff member; not null
 * @since 0.1
 */
public record ServiceRow(int rank, StaffId staff, BigDecimal score, int rated, List<ServiceLine> lines)
        implements RankedRow {

    /** Validates the components as described above. */
    public ServiceRow {
        Objects.requireNonNull(staff, "staff must not be null");
        Objects.requireNonNull(score, "score must not be null");
        lines = List.copyOf(lines);
    }
}
