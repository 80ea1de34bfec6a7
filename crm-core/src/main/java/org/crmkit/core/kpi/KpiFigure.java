package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored record a KPI's actual value was computed from, and what it contributed. Immutable and
 * thread-safe.
 *
 * @param kind     the kind of record, for example {@code "order"}, {@code "survey"}; not blank
 * @param recordId the record's id; not null
 * @param value    what it contributed: an amount, 1 for a count, a score; not null
 * @param note     a short description (staff member, day); not null, may be empty
 * @since 0.1
 */
public record KpiFigure(String kind, UUID recordId, BigDecimal value, String note) {

    /** Validates the components as described above. */
    public KpiFigure {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(recordId, "recordId must not be null");
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(note, "note must not be null");
    }
}
