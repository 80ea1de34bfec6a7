/**
 * The channel SPI: {@link org.crmkit.spi.channel.MessageChannel} sends outbound messages and
 * answers with a {@link org.crmkit.spi.channel.DeliveryReceipt}.
 */
package org.crmkit.spi.channel;
