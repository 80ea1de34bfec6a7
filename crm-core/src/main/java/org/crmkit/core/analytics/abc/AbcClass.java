package org.crmkit.core.analytics.abc;

/**
 * The class of a customer in an ABC analysis: A the few that bring most of the value, C the many
 * that bring little.
 *
 * @since 0.1
 */
public enum AbcClass {
    /** The top customers, bringing the first share of value (80 % by default). */
    A,
    /** The next customers, bringing the next share (15 % by default). */
    B,
    /** The rest (the last 5 % by default). */
    C
}
