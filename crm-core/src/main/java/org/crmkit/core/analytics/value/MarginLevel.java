package org.crmkit.core.analytics.value;

/**
 * The unit margin band, the columns of Kotler's relationship level matrix (domain §3).
 *
 * @since 0.1
 */
public enum MarginLevel {
    /** High unit margin. */
    HIGH,
    /** Medium unit margin. */
    MEDIUM,
    /** Low unit margin. */
    LOW
}
