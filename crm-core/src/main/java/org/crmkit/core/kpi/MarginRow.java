package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;

/**
 * One salesperson in the sales gross margin method. {@code revenue}, {@code cost} and
 * {@code margin} add up the costed lines only ({@code margin = revenue − cost}); lines without a
 * unit cost add to {@code uncostedRevenue} instead, so that a missing cost never counts as free
 * goods. Immutable.
 *
 * @param rank            the rank
 * @param staff           the salesperson (owner of the orders' opportunities); not null
 * @param revenue         Σ net amount of costed lines; not null
 * @param cost            Σ cost of costed lines; not null
 * @param margin          revenue − cost; not null
 * @param uncostedRevenue Σ net amount of lines without a unit cost; not null
 * @param lines           every delivered line, in order and line order; not null
 * @since 0.1
 */
public record MarginRow(int rank, StaffId staff, Money revenue, Money cost, Money margin, Money uncostedRevenue,
                        List<MarginLine> lines) implements RankedRow {

    /** Validates the components as described above. */
    public MarginRow {
        Objects.requireNonNull(staff, "staff must not be null");
        Objects.requireNonNull(margin, "margin must not be null");
        lines = List.copyOf(lines);
    }

    /** @return the margin amount */
    @Override
    public BigDecimal score() {
        return margin.amount();
    }
}
