package org.crmkit.core.analytics.value;

/**
 * How many customers a company serves in a market, the rows of Kotler's relationship level matrix
 * (domain §3).
 *
 * @since 0.1
 */
public enum CustomerBase {
    /** Many customers (a mass market). */
    MANY,
    /** A medium number of customers. */
    MEDIUM,
    /** Few customers (key accounts). */
    FEW
}
