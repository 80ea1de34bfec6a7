package org.crmkit.core.service;

/**
 * How urgently a work order must be handled.
 *
 * @since 0.1
 */
public enum WorkOrderPriority {
    /** When there is time. */
    LOW,
    /** The usual. */
    NORMAL,
    /** Before the normal ones. */
    HIGH,
    /** At once. */
    URGENT
}
