package org.crmkit.core.service;

/**
 * Where a work order came from.
 *
 * @since 0.1
 */
public enum WorkOrderOrigin {
    /** Opened about a delivered order. */
    ORDER,
    /** Escalated from a self-service session whose article did not solve the problem. */
    SELF_SERVICE,
    /** Opened from a call to the call centre. */
    CALL,
    /** Opened to handle a complaint (domain §10). */
    COMPLAINT
}
