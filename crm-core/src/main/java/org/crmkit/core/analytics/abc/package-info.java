/**
 * ABC / Pareto analysis of customer value (domain §6, the 80/20 rule): classes by cumulative share
 * of value, the share of customers that brings a given share of value, the Lorenz curve and the Gini
 * coefficient.
 */
package org.crmkit.core.analytics.abc;
