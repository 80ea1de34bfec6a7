/**
 * Records of analytics that a host stores through the storage SPI: attribute-segment definitions.
 */
package org.crmkit.spi.analytics;
