/**
 * Opportunities tracked through pipelines of stages, with activities, routing and forecasts.
 *
 * @since 0.1
 */
package org.crmkit.core.sales.opportunity;
