package org.crmkit.core.service.complaint;

/**
 * The remedy a complaining customer expects (domain §10, step 2: find the expectation behind the
 * complaint).
 *
 * @since 0.1
 */
public enum ExpectedRemedy {
    /** A new item in place of the faulty one. */
    REPLACEMENT,
    /** The item repaired. */
    REPAIR,
    /** Money back, in full or in part. */
    REFUND,
    /** A voucher, points or another gesture for the trouble. */
    COMPENSATION,
    /** An apology. */
    APOLOGY,
    /** An explanation of what happened and why. */
    EXPLANATION,
    /** Something else, said in the expectation's words. */
    OTHER
}
