/**
 * Contract tests for {@link org.crmkit.spi.channel.MessageChannel} implementations: extend
 * {@link org.crmkit.tck.channel.MessageChannelContract}.
 */
package org.crmkit.tck.channel;
