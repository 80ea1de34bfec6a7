package org.crmkit.core.analytics.value;

import java.util.Locale;

import org.crmkit.spi.ValidationException;

/**
 * One customer's quadrant, with the figures and thresholds that put it there: current value is high
 * when {@code position.current() > currentThreshold}, potential is high when
 * {@code position.potential() > potentialThreshold}.
 *
 * @param position           the customer's values
 * @param quadrant           the quadrant
 * @param currentThreshold   the threshold for current value
 * @param potentialThreshold the threshold for potential value
 * @since 0.1
 */
public record QuadrantAssignment(ValuePosition position, ValueQuadrant quadrant, double currentThreshold,
                                 double potentialThreshold) {

    /** Validates that the quadrant follows from the figures. */
    public QuadrantAssignment {
        if (position == null || quadrant == null) {
            throw new ValidationException("position", "position and quadrant must not be null");
        }
        if (quadrant != ValueQuadrant.of(position.current() > currentThreshold,
                position.potential() > potentialThreshold)) {
            throw new ValidationException("quadrant", "must follow from the values and thresholds", quadrant);
        }
    }

    /** @return one sentence that states the quadrant and the comparisons behind it */
    public String explanation() {
        return String.format(Locale.ROOT, "%s: %s (current %s %s %s, potential %s %s %s)",
                position.customerId(), quadrant.description(),
                position.current(), quadrant.highCurrent() ? ">" : "<=", currentThreshold,
                position.potential(), quadrant.highPotential() ? ">" : "<=", potentialThreshold);
    }
}
