/**
 * Outbound messages to customers, checked against their consent:
 * {@link org.crmkit.core.messaging.Messaging}.
 */
package org.crmkit.core.messaging;
