package org.crmkit.core.analytics.value;

/**
 * The four quadrants of the current versus potential value matrix (domain §6).
 *
 * @since 0.1
 */
public enum ValueQuadrant {
    /** High current and high potential value: keep at any cost. */
    KEEP_AT_ANY_COST(true, true, "high current and high potential value: keep at any cost"),
    /** Low current but high potential value: develop the relationship. */
    DEVELOP(false, true, "low current but high potential value: develop"),
    /** High current but low potential value: maintain what is there. */
    MAINTAIN(true, false, "high current but low potential value: maintain"),
    /** Low current and low potential value: do not spend on. */
    DO_NOT_INVEST(false, false, "low current and low potential value: do not invest");

    private final boolean highCurrent;
    private final boolean highPotential;
    private final String description;

    ValueQuadrant(boolean highCurrent, boolean highPotential, String description) {
        this.highCurrent = highCurrent;
        this.highPotential = highPotential;
        this.description = description;
    }

    /** @return the quadrant of a customer with the given high/low current and potential value */
    public static ValueQuadrant of(boolean highCurrent, boolean highPotential) {
        if (highCurrent) {
            return highPotential ? KEEP_AT_ANY_COST : MAINTAIN;
        }
        return highPotential ? DEVELOP : DO_NOT_INVEST;
    }

    /** @return whether the quadrant's current value is high */
    public boolean highCurrent() {
        return highCurrent;
    }

    /** @return whether the quadrant's potential value is high */
    public boolean highPotential() {
        return highPotential;
    }

    /** @return the quadrant and what to do with it, in plain words */
    public String description() {
        return description;
    }
}
