package org.crmkit.core.kpi;

import java.util.Set;

/**
 * The state of a stored KPI: {@code ACTIVE → RETIRED}, and retired is final.
 *
 * @since 0.1
 */
public enum KpiStatus {
    /** In use: it is revised, evaluated and shown. */
    ACTIVE,
    /** No longer pursued; kept for history. Final. */
    RETIRED;

    /** @return the states this one may move to; unmodifiable */
    public Set<KpiStatus> successors() {
        return this == ACTIVE ? Set.of(RETIRED) : Set.of();
    }

    /** @return whether a KPI in this state may move to {@code next} */
    public boolean canTransitionTo(KpiStatus next) {
        return next != null && successors().contains(next);
    }
}
