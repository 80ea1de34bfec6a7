package org.crmkit.core.service.complaint;

/**
 * What a step in the handling of a complaint did.
 *
 * @since 0.1
 */
public enum ComplaintStepKind {
    /** The complaint was recorded and acknowledged (step 1). */
    RECEIVED,
    /** The expectation behind it was recorded (step 2). */
    EXPECTATION,
    /** Something was done about it (step 3). */
    ACTION,
    /** The customer was answered (step 4). */
    ANSWERED,
    /** The customer's satisfaction with the handling was asked (step 5). */
    FOLLOWED_UP,
    /** It was reopened because the customer was not satisfied. */
    REOPENED,
    /** It was closed. */
    CLOSED
}
