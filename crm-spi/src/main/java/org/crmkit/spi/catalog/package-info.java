/**
 * The product catalogue SPI: products, options, bills of materials and price lists, supplied by the host (an ERP, a shop) and read by quotes.
 *
 * @since 0.1
 */
package org.crmkit.spi.catalog;
