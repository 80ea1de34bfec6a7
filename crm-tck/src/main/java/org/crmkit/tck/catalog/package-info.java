/**
 * The conformance kit for {@link org.crmkit.spi.catalog.ProductCatalog} implementations.
 *
 * @since 0.1
 */
package org.crmkit.tck.catalog;
