/**
 * The plain records of the closed-loop sales flow (campaigns, leads, opportunities, pipelines, quotes, orders) as storage keeps them through {@link org.crmkit.spi.storage.StorageSession#records}.
 *
 * @since 0.1
 */
package org.crmkit.spi.sales;
