package org.crmkit.core.service;

/**
 * The two service-level targets of a work order.
 *
 * @since 0.1
 */
public enum ServiceTarget {
    /** The first response: the work order is assigned to someone, or someone starts on it. */
    RESPONSE,
    /** The resolution: the problem is solved. */
    RESOLUTION
}
