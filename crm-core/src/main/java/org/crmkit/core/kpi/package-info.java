/**
 * Measuring (domain §11): SMART KPI definitions evaluated from the library's own stored records,
 * the staff evaluation methods of the Tiandi case (sales gross margin, sales points, service
 * score) and the balanced scorecard in its customer-centric and enterprise views.
 *
 * <p>Everything here only reads: {@link org.crmkit.core.kpi.Kpis} opens one read-only unit of work
 * per call, confined to its tenant. Every formula is stated on the type that computes it and in
 * {@code docs/kpis.md}.
 *
 * @since 0.1
 */
package org.crmkit.core.kpi;
