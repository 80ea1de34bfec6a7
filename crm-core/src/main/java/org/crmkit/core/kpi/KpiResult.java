package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI evaluated for its owner over one period: the actual value, the target, the attainment and
 * whether the target is met, with every record the actual value was computed from. Immutable and
 * thread-safe.
 *
 * <p><b>Attainment</b>, in percent, two decimals half up: higher-is-better
 * {@code 100 × actual / target}; lower-is-better {@code 100 × target / actual}. It is empty when
 * there is no actual value or the divisor is zero. <b>Met</b>: higher-is-better
 * {@code actual ≥ target}, lower-is-better {@code actual ≤ target}; never met without an actual
 * value. So a met KPI with an attainment has an attainment of at least 100 %, and an unmet one
 * below 100 % (before rounding).
 *
 * @param definition the KPI; not null
 * @param period     the period it was evaluated over; not null
 * @param actual     the measured value in the measure's unit; empty when the measure has no value
 *                   (no answered survey for a mean score, no cost for a return); not null
 * @param figures    the records behind {@code actual}, in the order read; not null
 * @param notes      what was left out and why (another currency, for example); not null
 * @since 0.1
 */
public record KpiResult(KpiDefinition definition, KpiPeriod period, Optional<BigDecimal> actual,
                        List<KpiFigure> figures, List<String> notes) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates the components as described above. */
    public KpiResult {
        Objects.requireNonNull(definition, "definition must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(actual, "actual must not be null");
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /** @return the definition's target */
    public BigDecimal target() {
        return definition.target();
    }

    /** @return the attainment in percent, two decimals half up; empty without an actual value or with a zero divisor */
    public Optional<BigDecimal> attainmentPercent() {
        return actual.flatMap(a -> attainment(definition.direction(), a, definition.target()));
    }

    /** @return whether the target is met; false without an actual value */
    public boolean met() {
        return actual.map(a -> isMet(definition.direction(), a, definition.target())).orElse(false);
    }

    static Optional<BigDecimal> attainment(Direction direction, BigDecimal actual, BigDecimal target) {
        BigDecimal numerator = direction == Direction.HIGHER_IS_BETTER ? actual : target;
        BigDecimal divisor = direction == Direction.HIGHER_IS_BETTER ? target : actual;
        if (divisor.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.multiply(HUNDRED).divide(divisor, 2, RoundingMode.HALF_UP));
    }

    static boolean isMet(Direction direction, BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return direction == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0;
    }
}
