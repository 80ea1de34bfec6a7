package org.crmkit.core.feedback;

/**
 * Where feedback came from.
 *
 * @since 0.1
 */
public enum FeedbackSourceKind {
    /** A satisfaction survey's answer. */
    SURVEY,
    /** A service work order. */
    WORK_ORDER,
    /** A self-service session. */
    SELF_SERVICE,
    /** An order. */
    ORDER,
    /** The customer came to us directly; there is no source record. */
    DIRECT
}
