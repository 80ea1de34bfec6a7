package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.StaffId;

/**
 * The result of a staff evaluation method (domain §11): one row per staff member with recorded
 * work in the period, best score first (ties by staff id), each row with the lines behind its
 * number. Immutable and thread-safe.
 *
 * @param method the method, for example {@code "sales gross margin"}; not null
 * @param period the period evaluated; not null
 * @param rows   the rows, ranked; not null
 * @param notes  records left out and why (another currency, nobody to credit); not null
 * @param <R>    the row type
 * @since 0.1
 */
public record StaffRanking<R extends RankedRow>(String method, KpiPeriod period, List<R> rows, List<String> notes) {

    /** Validates the components as described above. */
    public StaffRanking {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(period, "period must not be null");
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** @return the row of that staff member, if they had recorded work in the period */
    public Optional<R> row(StaffId staff) {
        return rows.stream().filter(r -> r.staff().equals(staff)).findFirst();
    }

    /** @return the sum of every row's score */
    public BigDecimal total() {
        return rows.stream().map(RankedRow::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
