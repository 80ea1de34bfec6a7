package org.crmkit.core.sales.flow;

import java.util.Locale;

/**
 * The steps of the closed loop of domain §9, in order. Each step hands a record to the next; the
 * last, feedback, flows back into marketing.
 *
 * @since 0.1
 */
public enum LoopStep {
    /** A marketing campaign. */
    CAMPAIGN,
    /** A lead the campaign brought. */
    LEAD,
    /** The customer (contact) a lead became or was linked to. */
    CUSTOMER,
    /** An opportunity tracked through a pipeline. */
    OPPORTUNITY,
    /** A quote, with product and price configuration. */
    QUOTE,
    /** An order, handed to the back office. */
    ORDER,
    /** A service work order. */
    SERVICE,
    /** A self-service session with the knowledge base. */
    SELF_SERVICE,
    /** An answered satisfaction survey. */
    SATISFACTION,
    /** Club points earned from an order: one per order that earned points. */
    CLUB,
    /** Feedback (comment, complaint, product idea), which goes back to marketing. */
    FEEDBACK;

    /** @return the step's name as the demo trace writes it: lower case, for example {@code "self_service"} */
    public String traceName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
