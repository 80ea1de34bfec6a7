package org.crmkit.core.kpi;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a stored KPI. Immutable and thread-safe.
 *
 * @param value the id; not null
 * @since 0.1
 */
public record KpiId(UUID value) {

    /** Validates the components as described above. */
    public KpiId {
        if (value == null) {
            throw new ValidationException("kpiId", "must not be null");
        }
    }

    /** @return the id of that value */
    public static KpiId of(UUID value) {
        return new KpiId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
