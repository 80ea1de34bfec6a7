/**
 * The customer club: membership and points.
 *
 * @since 0.1
 */
package org.crmkit.core.loyalty;
