package org.crmkit.core.analytics.segment;

/**
 * The outcome of a rule on one customer, in three-valued (Kleene) logic. A comparison whose field
 * is missing, or whose fact has another type than the rule's value, is {@link #UNKNOWN}: it is
 * neither true nor false, so {@code not} keeps it unknown. Only {@link #TRUE} makes a member.
 *
 * @since 0.1
 */
public enum Verdict {
    /** The rule holds. */
    TRUE,
    /** The rule does not hold. */
    FALSE,
    /** The rule cannot be decided on this customer's facts. */
    UNKNOWN;

    /** @return {@link #TRUE} for true, {@link #FALSE} for false */
    public static Verdict of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** @return the negation; unknown stays unknown */
    public Verdict not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
