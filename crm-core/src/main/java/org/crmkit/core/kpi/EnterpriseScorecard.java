package org.crmkit.core.kpi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The enterprise balanced scorecard (domain §11): a set of evaluated KPIs grouped by the
 * perspective of their measure ({@link Measure#perspective()}). Every perspective is present,
 * with an empty list where no KPI measures it. Immutable and thread-safe.
 *
 * @param results the results by perspective; not null
 * @since 0.1
 */
public record EnterpriseScorecard(Map<EnterprisePerspective, List<KpiResult>> results) {

    /** Validates the components as described above. */
    public EnterpriseScorecard {
        Objects.requireNonNull(results, "results must not be null");
        Map<EnterprisePerspective, List<KpiResult>> copy = new EnumMap<>(EnterprisePerspective.class);
        for (EnterprisePerspective p : EnterprisePerspective.values()) {
            copy.put(p, List.copyOf(results.getOrDefault(p, List.of())));
        }
        results = Map.copyOf(copy);
    }

    /** @return the results of one perspective; never null */
    public List<KpiResult> perspective(EnterprisePerspective perspective) {
        return results.get(perspective);
    }

    /** @return how many KPIs of the perspective are met */
    public long met(EnterprisePerspective perspective) {
        return results.get(perspective).stream().filter(KpiResult::met).count();
    }
}
