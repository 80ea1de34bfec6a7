package org.crmkit.core.satisfaction;

/**
 * What a satisfaction survey asks about.
 *
 * @since 0.1
 */
public enum SurveyTrigger {
    /** The delivery of an order. */
    DELIVERY,
    /** A service work order, after it was resolved. */
    SERVICE
}
