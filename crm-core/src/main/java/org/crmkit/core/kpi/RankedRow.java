package org.crmkit.core.kpi;

import java.math.BigDecimal;

import org.crmkit.core.common.StaffId;

/**
 * One staff member's row of a {@link StaffRanking}.
 *
 * @since 0.1
 */
public interface RankedRow {

    /** @return the rank, from 1; equal scores share a rank and the next rank skips (1, 1, 3) */
    int rank();

    /** @return the staff member */
    StaffId staff();

    /** @return the score the ranking is by: a margin amount, points, a weighted service score */
    BigDecimal score();
}
