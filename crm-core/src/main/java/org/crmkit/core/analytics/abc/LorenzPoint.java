package org.crmkit.core.analytics.abc;

/**
 * A point of the Lorenz curve: the least valuable {@code customerShare} of customers bring
 * {@code valueShare} of the value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerShare a fraction of the customers, 0-1
 * @param valueShare    the fraction of value they bring, 0-1
 * @since 0.1
 */
public record LorenzPoint(double customerShare, double valueShare) {
}
