package org.crmkit.core.feedback;

/**
 * What a customer's feedback is.
 *
 * @since 0.1
 */
public enum FeedbackKind {
    /** A remark, praise or criticism. */
    COMMENT,
    /** Blame for a product or service (domain §10). */
    COMPLAINT,
    /** A suggestion for a product or service. */
    PRODUCT_IDEA
}
