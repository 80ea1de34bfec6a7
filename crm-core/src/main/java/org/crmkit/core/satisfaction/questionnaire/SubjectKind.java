package org.crmkit.core.satisfaction.questionnaire;

/**
 * What kind of thing a survey response is about.
 *
 * @since 0.1
 */
public enum SubjectKind {
    /** An order (its delivery, the purchase). */
    ORDER,
    /** A service work order. */
    WORK_ORDER,
    /** The staff member who served the customer. */
    STAFF,
    /** A product, by the catalogue's product id. */
    PRODUCT
}
