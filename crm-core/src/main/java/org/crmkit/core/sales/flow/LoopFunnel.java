package org.crmkit.core.sales.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many records each step of the loop made, and the conversion rate between every pair of
 * consecutive steps. Immutable.
 *
 * <p>The rate from step <i>a</i> to the next step <i>b</i> is {@code count(b) / count(a)}, as a
 * fraction with four decimals rounded half up; it is empty when {@code count(a)} is zero. Up to the
 * order, each step's records come from the step before (a converted lead's customer, the
 * customer's opportunity, ...), so the rates are true conversion rates. After the order, the
 * steps are what delivered orders led to, and a rate may exceed 1 (two surveys for one order).
 *
 * @param counts how many records each step made; every step present
 * @since 0.1
 */
public record LoopFunnel(Map<LoopStep, Long> counts) {

    public LoopFunnel {
        Objects.requireNonNull(counts, "counts must not be null");
        Map<LoopStep, Long> copy = new EnumMap<>(LoopStep.class);
        for (LoopStep step : LoopStep.values()) {
            Long n = counts.get(step);
            if (n == null || n < 0) {
                throw new IllegalArgumentException("counts must hold a non-negative count for " + step);
            }
            copy.put(step, n);
        }
        counts = Collections.unmodifiableMap(copy);
    }

    /** @return how many records {@code step} made */
    public long count(LoopStep step) {
        return counts.get(step);
    }

    /**
     * @param from a step other than the last
     * @return the rate from {@code from} to the step after it; empty when {@code from} made nothing
     */
    public Optional<BigDecimal> rate(LoopStep from) {
        if (from.ordinal() == LoopStep.values().length - 1) {
            throw new IllegalArgumentException(from + " is the last step: no step follows it");
        }
        long base = count(from);
        if (base == 0) {
            return Optional.empty();
        }
        LoopStep to = LoopStep.values()[from.ordinal() + 1];
        return Optional.of(BigDecimal.valueOf(count(to)).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP));
    }

    /** @return the rates between every pair of consecutive steps, in loop order */
    public List<Transition> transitions() {
        List<Transition> out = new ArrayList<>();
        LoopStep[] steps = LoopStep.values();
        for (int i = 0; i + 1 < steps.length; i++) {
            out.add(new Transition(steps[i], steps[i + 1], count(steps[i]), count(steps[i + 1]), rate(steps[i])));
        }
        return List.copyOf(out);
    }

    /**
     * One pair of consecutive steps.
     *
     * @param from      the earlier step
     * @param to        the step after it
     * @param fromCount records of the earlier step
     * @param toCount   records of the later step
     * @param rate      {@code toCount / fromCount}, empty when {@code fromCount} is zero
     */
    public record Transition(LoopStep from, LoopStep to, long fromCount, long toCount, Optional<BigDecimal> rate) {
    }
}
