package org.crmkit.core.service.complaint;

/**
 * What a complaint is about. Two complaints of one customer in the same category close together
 * make the second a repeat (see {@link ComplaintPolicy#repeatWindow()}).
 *
 * @since 0.1
 */
public enum ComplaintCategory {
    /** The product itself: a defect, poor quality, not as described. */
    PRODUCT,
    /** The delivery: late, damaged, incomplete. */
    DELIVERY,
    /** Repair, installation or other service work. */
    SERVICE,
    /** Prices, invoices, payments, refunds. */
    BILLING,
    /** How a member of staff behaved. */
    STAFF,
    /** Anything else. */
    OTHER
}
