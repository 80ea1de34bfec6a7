/**
 * The stored records of measuring (domain §11): KPI definitions a host keeps.
 *
 * @since 0.1
 */
package org.crmkit.spi.kpi;
