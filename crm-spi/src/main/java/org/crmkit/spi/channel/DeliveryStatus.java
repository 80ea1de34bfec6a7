package org.crmkit.spi.channel;

/**
 * What a channel did with a message.
 *
 * @since 0.1
 */
public enum DeliveryStatus {
    /** Accepted for delivery; the outcome will be known later. */
    ACCEPTED,
    /** Delivered to the recipient. */
    DELIVERED,
    /** Could not be delivered (bounced, unreachable number). */
    FAILED
}
