package org.crmkit.core.sales.opportunity;

/**
 * What kind of sales activity an {@link Activity} is.
 *
 * @since 0.1
 */
public enum ActivityKind {
    /** A phone call. */
    CALL,
    /** A meeting, in person or online. */
    MEETING,
    /** A task to do, such as preparing a proposal. */
    TASK,
    /** An e-mail to write or answer. */
    EMAIL
}
